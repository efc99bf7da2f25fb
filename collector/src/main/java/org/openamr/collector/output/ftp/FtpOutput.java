package org.openamr.collector.output.ftp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;
import com.fasterxml.jackson.annotation.JsonCreator;
import org.openamr.collector.delivery.Batch;
import org.openamr.collector.delivery.DeliveryException;
import org.openamr.collector.delivery.DeliveryException.Kind;
import org.openamr.collector.delivery.Output;
import org.openamr.collector.output.csv.CsvDestination;
import org.openamr.collector.output.csv.ReadingsCsv;
import org.openamr.collector.output.tls.PinnedCertificate;

/**
 * Uploads each batch as a CSV file ({@link ReadingsCsv}) to an FTP server, plain or FTPS (explicit: AUTH TLS on
 * the control port; implicit: TLS from the first byte, usually port 990), always in passive mode (the collector
 * sits behind NAT). The file goes up under a temporary name ({@code <name>.part}) and is renamed to its final
 * name afterwards, so that a reader polling for {@code *.csv} never sees half a file; the batch counts as
 * delivered only once the rename succeeded. One connection per batch: batches are minutes apart, and a fresh
 * login recovers from whatever the last one left behind.
 *
 * <p>Replies: 4xx (421 too many users, 450 busy, 452 no space …) are retryable, 5xx (530 login, 550 no such
 * directory or no permission, 553 bad name …) are refused; a connection that fails or times out is retryable.
 * Every message carries the server's reply.
 */
public final class FtpOutput implements Output {

    /** How the connection is secured. */
    public enum Security {
        /** Plain FTP: password and data in clear, for a local network only. */
        NONE,
        /** AUTH TLS on the control port, then PBSZ 0 and PROT P so that the data channel is encrypted too. */
        EXPLICIT,
        /** TLS from the first byte (port 990 by default). */
        IMPLICIT;

        /** As the configuration writes it, in any case: {@code explicit} is {@code EXPLICIT}. */
        @JsonCreator
        public static Security of(String text) {
            for (Security s : values()) {
                if (s.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return s;
                }
            }
            throw new IllegalArgumentException("security '" + text + "' is not NONE, EXPLICIT or IMPLICIT");
        }
    }

    /**
     * @param host                   the server's host name or address
     * @param port                   default 21, or 990 for {@code IMPLICIT}
     * @param security               {@code NONE} (default), {@code EXPLICIT} or {@code IMPLICIT}
     * @param user                   login name
     * @param password               login password
     * @param directory              where the files go, relative to the login directory or absolute; empty: the
     *                               login directory
     * @param certificateFingerprint FTPS only: the SHA-256 of the server's certificate (hex, colons allowed); when
     *                               given, exactly that certificate is trusted (a self-signed one works), otherwise
     *                               the JVM's trusted authorities decide
     * @param timeoutSeconds         for connecting and for each reply; default 30
     * @param zone                   time zone of the CSV's times and the file name, default {@code UTC}
     */
    public record Settings(String host, Integer port, Security security, String user, String password,
                           String directory, String certificateFingerprint, Integer timeoutSeconds, String zone) {

        public Settings {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("FTP output: host is missing");
            }
            security = security == null ? Security.NONE : security;
            port = port == null ? (security == Security.IMPLICIT ? 990 : 21) : port;
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("FTP output: port " + port + " is not between 1 and 65535");
            }
            if (user == null || user.isBlank()) {
                throw new IllegalArgumentException("FTP output: user is missing");
            }
            password = password == null ? "" : password;
            directory = directory == null ? "" : directory.strip();
            if (certificateFingerprint != null && security == Security.NONE) {
                throw new IllegalArgumentException("FTP output: certificateFingerprint needs security EXPLICIT or IMPLICIT");
            }
            timeoutSeconds = CsvDestination.timeoutSeconds(timeoutSeconds, "FTP output");
            zone = CsvDestination.zone(zone);
        }
    }

    private final CsvDestination files;
    private final Settings settings;
    private final PinnedCertificate pinnedCertificate;

    public FtpOutput(String name, String collectorId, Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.files = new CsvDestination(name, collectorId, ZoneId.of(settings.zone()));
        this.pinnedCertificate = settings.certificateFingerprint() == null ? null
                : PinnedCertificate.of(settings.certificateFingerprint(), "FTP output: certificateFingerprint");
    }

    @Override
    public String name() {
        return files.output();
    }

    @Override
    public void deliver(Batch batch) throws DeliveryException {
        String finalName = files.fileName(batch);
        String partName = finalName + ".part";
        byte[] csv = files.csv(batch);
        FTPClient ftp = newClient();
        String where = settings.host() + ":" + settings.port();
        try {
            connect(ftp, where);
            expect(ftp, ftp.login(settings.user(), settings.password()), "login as " + settings.user() + " at " + where);
            if (ftp instanceof FTPSClient) {
                FTPSClient ftps = (FTPSClient) ftp;
                ftps.execPBSZ(0);
                // execPROT, not a bare PROT command: it also makes the client wrap its data connections in TLS
                try {
                    ftps.execPROT("P");
                } catch (SSLException e) {
                    throw failure(ftp, "PROT P (encrypted data)");
                }
            }
            ftp.enterLocalPassiveMode();
            expect(ftp, ftp.setFileType(FTP.BINARY_FILE_TYPE), "TYPE I");
            if (!settings.directory().isEmpty()) {
                expect(ftp, ftp.changeWorkingDirectory(settings.directory()), "CWD " + settings.directory());
            }
            expect(ftp, ftp.storeFile(partName, new ByteArrayInputStream(csv)), "STOR " + partName);
            rename(ftp, partName, finalName);
            logoutQuietly(ftp);
        } catch (FTPConnectionClosedException e) {
            throw new DeliveryException(Kind.RETRYABLE, "FTP " + where + " closed the connection: " + reply(ftp), e);
        } catch (SSLHandshakeException e) {
            throw new DeliveryException(Kind.REFUSED, "FTPS " + where + ": TLS handshake failed (certificate not "
                    + "trusted or no common protocol): " + e.getMessage(), e);
        } catch (SSLException e) {
            throw new DeliveryException(Kind.RETRYABLE, "FTPS " + where + ": TLS failed: " + e.getMessage(), e);
        } catch (UnknownHostException e) {
            throw new DeliveryException(Kind.RETRYABLE, "FTP host " + settings.host() + " is unknown", e);
        } catch (SocketTimeoutException e) {
            throw new DeliveryException(Kind.RETRYABLE, "FTP " + where + " did not answer within "
                    + settings.timeoutSeconds() + " s", e);
        } catch (IOException e) {
            throw new DeliveryException(Kind.RETRYABLE, "FTP " + where + ": " + e, e);
        } finally {
            disconnectQuietly(ftp);
        }
    }

    /**
     * RNFR/RNTO. Most servers replace an existing target (a batch delivered again after a lost answer); those that
     * refuse have the old file, with the same content, deleted first and the rename tried once more.
     */
    private static void rename(FTPClient ftp, String from, String to) throws IOException, DeliveryException {
        if (ftp.rename(from, to)) {
            return;
        }
        String firstReply = reply(ftp);
        if (FTPReply.isNegativePermanent(ftp.getReplyCode()) && ftp.deleteFile(to) && ftp.rename(from, to)) {
            return;
        }
        DeliveryException failure = failure(ftp, "rename " + from + " to " + to + " (first answer: " + firstReply + ")");
        // leave no half-delivered file behind; the next attempt uploads it again anyway
        ftp.deleteFile(from);
        throw failure;
    }

    private void connect(FTPClient ftp, String where) throws IOException, DeliveryException {
        Duration timeout = Duration.ofSeconds(settings.timeoutSeconds());
        ftp.setConnectTimeout((int) timeout.toMillis());
        ftp.setDefaultTimeout((int) timeout.toMillis());
        ftp.setDataTimeout(timeout);
        ftp.connect(settings.host(), settings.port());
        ftp.setSoTimeout((int) timeout.toMillis());
        if (!FTPReply.isPositiveCompletion(ftp.getReplyCode())) {
            throw failure(ftp, "greeting of " + where);
        }
    }

    private FTPClient newClient() {
        if (settings.security() == Security.NONE) {
            return new FTPClient();
        }
        FTPSClient ftps = new FTPSClient("TLS", settings.security() == Security.IMPLICIT);
        ftps.setTrustManager(pinnedCertificate == null ? defaultTrust() : pinnedCertificate);
        // a certificate from a trusted authority must also name this host; a pinned one is checked by its hash
        ftps.setEndpointCheckingEnabled(pinnedCertificate == null);
        return ftps;
    }

    private static void expect(FTPClient ftp, boolean ok, String what) throws DeliveryException {
        if (!ok) {
            throw failure(ftp, what);
        }
    }

    /** The last reply as a delivery failure: 4xx may pass, anything else is the server's no. */
    private static DeliveryException failure(FTPClient ftp, String what) {
        Kind kind = FTPReply.isNegativeTransient(ftp.getReplyCode()) ? Kind.RETRYABLE : Kind.REFUSED;
        return new DeliveryException(kind, "FTP " + what + " failed: " + reply(ftp));
    }

    private static String reply(FTPClient ftp) {
        String s = ftp.getReplyString();
        return s == null ? "(no reply)" : s.strip();
    }

    /** After the rename the batch is delivered: a failing QUIT must not make it look undelivered. */
    private static void logoutQuietly(FTPClient ftp) {
        try {
            ftp.logout();
        } catch (IOException ignored) {
            // delivered already
        }
    }

    private static void disconnectQuietly(FTPClient ftp) {
        if (ftp.isConnected()) {
            try {
                ftp.disconnect();
            } catch (IOException ignored) {
                // the batch's fate is decided; a failing QUIT changes nothing
            }
        }
    }

    private static TrustManager defaultTrust() {
        try {
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init((KeyStore) null);
            return f.getTrustManagers()[0];
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM has no default trust store", e);
        }
    }
}
