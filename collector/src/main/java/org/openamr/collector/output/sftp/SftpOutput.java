package org.openamr.collector.output.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.openamr.collector.delivery.Batch;
import org.openamr.collector.delivery.DeliveryException;
import org.openamr.collector.delivery.DeliveryException.Kind;
import org.openamr.collector.delivery.Output;
import org.openamr.collector.output.csv.CsvDestination;
import org.openamr.collector.output.csv.ReadingsCsv;

/**
 * Uploads each batch as a CSV file ({@link ReadingsCsv}) over SFTP: written under {@code <name>.part}, then
 * renamed to its final name (OpenSSH's atomic {@code posix-rename} where the server offers it, else remove and
 * rename), and counted as delivered only once the rename succeeded. Logs in with a password or a private key. The
 * server's host key must be known: either its fingerprint is pinned in the settings, or it is in a known_hosts
 * file; an unknown or changed key is refused, never accepted on first use (the collector runs unattended, nobody
 * could say yes).
 */
public final class SftpOutput implements Output {

    /**
     * @param host                 the server's host name or address
     * @param port                 default 22
     * @param user                 login name
     * @param password             login password; may be left out when a private key is given
     * @param privateKey           path of a private key file (OpenSSH or PEM format)
     * @param privateKeyPassphrase the key file's passphrase, if it has one
     * @param knownHosts           path of a known_hosts file, default {@code ~/.ssh/known_hosts}
     * @param hostKeyFingerprint   pins the server's key instead of known_hosts: {@code SHA256:…} as
     *                             {@code ssh-keygen -lf} prints it
     * @param directory            where the files go, relative to the login directory or absolute; empty: the
     *                             login directory
     * @param timeoutSeconds       for connecting, logging in and each SFTP request; default 30
     * @param zone                 time zone of the CSV's times and the file name, default {@code UTC}
     */
    public record Settings(String host, Integer port, String user, String password, String privateKey,
                           String privateKeyPassphrase, String knownHosts, String hostKeyFingerprint,
                           String directory, Integer timeoutSeconds, String zone) {

        public Settings {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("SFTP output: host is missing");
            }
            port = port == null ? 22 : port;
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("SFTP output: port " + port + " is not between 1 and 65535");
            }
            if (user == null || user.isBlank()) {
                throw new IllegalArgumentException("SFTP output: user is missing");
            }
            if ((password == null || password.isEmpty()) && (privateKey == null || privateKey.isBlank())) {
                throw new IllegalArgumentException("SFTP output: give a password or a privateKey");
            }
            if (hostKeyFingerprint != null && !hostKeyFingerprint.matches("(SHA256|SHA512|MD5):.+")) {
                throw new IllegalArgumentException("SFTP output: hostKeyFingerprint '" + hostKeyFingerprint
                        + "' is not like 'SHA256:…' (as ssh-keygen -lf prints it)");
            }
            knownHosts = knownHosts == null || knownHosts.isBlank()
                    ? Path.of(System.getProperty("user.home"), ".ssh", "known_hosts").toString() : knownHosts;
            directory = directory == null ? "" : directory.strip();
            timeoutSeconds = CsvDestination.timeoutSeconds(timeoutSeconds, "SFTP output");
            zone = CsvDestination.zone(zone);
        }
    }

    private final CsvDestination files;
    private final Settings settings;
    private final Duration timeout;
    private final List<KeyPair> keys;
    private SshClient client;

    public SftpOutput(String name, String collectorId, Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.files = new CsvDestination(name, collectorId, ZoneId.of(settings.zone()));
        this.timeout = Duration.ofSeconds(settings.timeoutSeconds());
        this.keys = settings.privateKey() == null || settings.privateKey().isBlank() ? List.of()
                : loadKeys(Path.of(settings.privateKey()), settings.privateKeyPassphrase());
    }

    @Override
    public String name() {
        return files.output();
    }

    @Override
    public void deliver(Batch batch) throws DeliveryException {
        String finalPath = path(files.fileName(batch));
        String partPath = finalPath + ".part";
        byte[] csv = files.csv(batch);
        String where = settings.user() + "@" + settings.host() + ":" + settings.port();
        AtomicReference<String> keyRejected = new AtomicReference<>();
        boolean renamed = false;
        try (ClientSession session = open(where, keyRejected)) {
            try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                try (OutputStream out = sftp.write(partPath)) {
                    out.write(csv);
                }
                rename(sftp, partPath, finalPath);
                renamed = true;
            } catch (SftpException e) {
                throw sftpFailure(where, e);
            }
        } catch (DeliveryException e) {
            throw e;
        } catch (IOException e) {
            if (renamed) {
                return; // delivered; only closing the channel or session failed
            }
            if (keyRejected.get() != null) {
                throw new DeliveryException(Kind.REFUSED, "SFTP " + where + ": " + keyRejected.get(), e);
            }
            throw new DeliveryException(Kind.RETRYABLE, "SFTP " + where + ": " + e, e);
        }
    }

    private ClientSession open(String where, AtomicReference<String> keyRejected) throws IOException, DeliveryException {
        SshClient ssh = client();
        ssh.setServerKeyVerifier(verifier(keyRejected));
        ConnectFuture connecting = ssh.connect(settings.user(), settings.host(), settings.port());
        if (!connecting.await(timeout)) {
            connecting.cancel();
            throw new DeliveryException(Kind.RETRYABLE, "SFTP " + where + ": no connection within " + timeout.toSeconds() + " s");
        }
        if (connecting.getException() != null) {
            Throwable cause = connecting.getException();
            throw new DeliveryException(Kind.RETRYABLE, "SFTP " + where + ": cannot connect: "
                    + (cause instanceof ConnectException ? "connection refused" : cause.toString()), cause);
        }
        ClientSession session = connecting.getSession();
        try {
            if (settings.password() != null && !settings.password().isEmpty()) {
                session.addPasswordIdentity(settings.password());
            }
            for (KeyPair key : keys) {
                session.addPublicKeyIdentity(key);
            }
            AuthFuture auth = session.auth();
            boolean done = auth.await(timeout);
            if (keyRejected.get() != null) {
                throw new DeliveryException(Kind.REFUSED, "SFTP " + where + ": " + keyRejected.get());
            }
            if (!done) {
                throw new DeliveryException(Kind.RETRYABLE, "SFTP " + where + ": login not done within " + timeout.toSeconds() + " s");
            }
            if (!auth.isSuccess()) {
                Throwable cause = auth.getException();
                boolean refused = cause != null && String.valueOf(cause.getMessage()).contains("authentication");
                throw new DeliveryException(refused ? Kind.REFUSED : Kind.RETRYABLE, "SFTP " + where
                        + (refused ? ": login refused: " : ": login failed: ") + cause, cause);
            }
            return session;
        } catch (DeliveryException | IOException | RuntimeException e) {
            session.close(true);
            throw e;
        }
    }

    /** The pinned fingerprint, else known_hosts; each rejection is remembered to be reported as refused. */
    private ServerKeyVerifier verifier(AtomicReference<String> rejected) {
        if (settings.hostKeyFingerprint() != null) {
            return (session, remote, key) -> {
                Map.Entry<Boolean, String> check = KeyUtils.checkFingerPrint(settings.hostKeyFingerprint(), key);
                if (!check.getKey()) {
                    rejected.set("the server's host key " + check.getValue() + " is not the pinned "
                            + settings.hostKeyFingerprint());
                }
                return check.getKey();
            };
        }
        Path file = Path.of(settings.knownHosts());
        ServerKeyVerifier unknown = (session, remote, key) -> {
            rejected.set("the server's host key " + KeyUtils.getFingerPrint(key) + " is not in " + file
                    + " (add it, or pin it with hostKeyFingerprint)");
            return false;
        };
        KnownHostsServerKeyVerifier known = new KnownHostsServerKeyVerifier(unknown, file);
        known.setModifiedServerKeyAcceptor((session, remote, entry, expected, actual) -> {
            rejected.set("the server's host key changed: " + KeyUtils.getFingerPrint(actual) + " instead of "
                    + KeyUtils.getFingerPrint(expected) + " in " + file);
            return false;
        });
        return known;
    }

    /**
     * posix-rename replaces a file left by an earlier delivery of the same batch atomically; servers without it
     * (plain SFTP v3 refuses to overwrite) have the old file, of the same content, removed first.
     */
    private static void rename(SftpClient sftp, String from, String to) throws IOException {
        OpenSSHPosixRenameExtension posix = sftp.getExtension(OpenSSHPosixRenameExtension.class);
        if (posix != null && posix.isSupported()) {
            posix.posixRename(from, to);
            return;
        }
        try {
            sftp.rename(from, to);
        } catch (SftpException e) {
            if (!exists(sftp, to)) {
                throw e;
            }
            sftp.remove(to);
            sftp.rename(from, to);
        }
    }

    private static boolean exists(SftpClient sftp, String path) throws IOException {
        try {
            sftp.stat(path);
            return true;
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                return false;
            }
            throw e;
        }
    }

    /** A full disk or quota may be freed and a generic failure may pass; a missing directory or a denial will not. */
    private static DeliveryException sftpFailure(String where, SftpException e) {
        int status = e.getStatus();
        boolean retryable = status == SftpConstants.SSH_FX_FAILURE || status == SftpConstants.SSH_FX_NO_SPACE_ON_FILESYSTEM
                || status == SftpConstants.SSH_FX_QUOTA_EXCEEDED || status == SftpConstants.SSH_FX_CONNECTION_LOST
                || status == SftpConstants.SSH_FX_NO_CONNECTION || status == SftpConstants.SSH_FX_LOCK_CONFLICT;
        return new DeliveryException(retryable ? Kind.RETRYABLE : Kind.REFUSED, "SFTP " + where + " answered "
                + SftpConstants.getStatusName(status) + ": " + e.getMessage(), e);
    }

    private String path(String fileName) {
        String dir = settings.directory();
        if (dir.isEmpty()) {
            return fileName;
        }
        return dir.endsWith("/") ? dir + fileName : dir + "/" + fileName;
    }

    private synchronized SshClient client() {
        if (client == null) {
            SshClient c = SshClient.setUpDefaultClient();
            c.start();
            client = c;
        }
        return client;
    }

    private static List<KeyPair> loadKeys(Path file, String passphrase) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("SFTP output: private key file " + file + " cannot be read");
        }
        try (InputStream in = Files.newInputStream(file)) {
            List<KeyPair> out = new ArrayList<>();
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()),
                    in, passphrase == null ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(passphrase));
            if (pairs != null) {
                pairs.forEach(out::add);
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("SFTP output: " + file + " holds no private key");
            }
            return List.copyOf(out);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("SFTP output: cannot read the private key " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.stop();
            client = null;
        }
    }

    /** For tests and the web page: the SHA256 fingerprint of a public key, as hostKeyFingerprint takes it. */
    public static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(key);
    }
}
