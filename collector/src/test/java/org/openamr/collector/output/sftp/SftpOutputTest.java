package org.openamr.collector.output.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.SftpModuleProperties;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.collector.delivery.Batch;
import org.openamr.collector.delivery.DeliveryException;
import org.openamr.collector.delivery.DeliveryException.Kind;
import org.openamr.collector.output.TestBatches;
import org.openamr.collector.output.sftp.SftpOutput.Settings;

/** Against an Apache MINA SSHD server with SFTP on a free port, its file system a temporary directory. */
class SftpOutputTest {

    @TempDir
    Path dir;

    private Path root;
    private SshServer server;
    private PublicKey hostKey;
    private KeyPair clientKey;
    private Path clientKeyFile;
    private SftpOutput output;

    @BeforeEach
    void start() throws Exception {
        root = Files.createDirectories(dir.resolve("root"));
        Files.createDirectories(root.resolve("in"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        clientKey = generator.generateKeyPair();
        clientKeyFile = dir.resolve("id_ecdsa");
        try (OutputStream out = Files.newOutputStream(clientKeyFile)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "collector", null, out);
        }
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(dir.resolve("host.ser")));
        server.setPasswordAuthenticator((user, password, session) -> user.equals("meter") && password.equals("secret"));
        server.setPublickeyAuthenticator((user, key, session) -> user.equals("meter")
                && KeyUtils.compareKeys(key, clientKey.getPublic()));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.start();
        hostKey = server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
    }

    @AfterEach
    void stop() throws IOException {
        if (output != null) {
            output.close();
        }
        server.stop(true);
    }

    private SftpOutput output(String password, String privateKey, String knownHosts, String pin, String directory) {
        output = new SftpOutput("sftp-main", TestBatches.COLLECTOR, new Settings("127.0.0.1", server.getPort(), "meter",
                password, privateKey, null, knownHosts, pin, directory, 10, "UTC"));
        return output;
    }

    private List<Path> files(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

    @Test
    void uploadsWithPasswordToThePinnedHostAndLeavesNoTemporaryFile() throws Exception {
        Batch batch = TestBatches.heatAndWater(11);
        output("secret", null, null, KeyUtils.getFingerPrint(hostKey), "in").deliver(batch);
        List<Path> files = files(root.resolve("in"));
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("lenina-12_sftp-main_20261205103000_11.csv");
        assertThat(TestBatches.rows(Files.readAllBytes(files.get(0)))).isEqualTo(TestBatches.expectedRows(batch));
    }

    @Test
    void aBatchSentAgainGivesTheSameSingleFile() throws Exception {
        SftpOutput out = output("secret", null, null, KeyUtils.getFingerPrint(hostKey), "/in");
        out.deliver(TestBatches.heatAndWater(12));
        byte[] first = Files.readAllBytes(files(root.resolve("in")).get(0));
        out.deliver(TestBatches.heatAndWater(12));
        List<Path> files = files(root.resolve("in"));
        assertThat(files).hasSize(1);
        assertThat(Files.readAllBytes(files.get(0))).isEqualTo(first);
    }

    @Test
    void aServerWithoutPosixRenameHasTheOldFileReplacedToo() throws Exception {
        // only fsync announced: the client falls back to a plain SFTP rename, which will not overwrite
        SftpModuleProperties.OPENSSH_EXTENSIONS.set(server, "fsync@openssh.com=1");
        SftpOutput out = output("secret", null, null, KeyUtils.getFingerPrint(hostKey), "in");
        out.deliver(TestBatches.heatAndWater(14));
        Path file = files(root.resolve("in")).get(0);
        Files.writeString(file, "stale");
        out.deliver(TestBatches.heatAndWater(14));
        assertThat(files(root.resolve("in"))).containsExactly(file);
        assertThat(TestBatches.rows(Files.readAllBytes(file))).isEqualTo(TestBatches.expectedRows(TestBatches.heatAndWater(14)));
    }

    @Test
    void logsInWithAPrivateKeyAndChecksKnownHosts() throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey) + "\n");
        Batch batch = TestBatches.heatAndWater(13);
        output(null, clientKeyFile.toString(), knownHosts.toString(), null, "in").deliver(batch);
        assertThat(TestBatches.rows(Files.readAllBytes(files(root.resolve("in")).get(0))))
                .isEqualTo(TestBatches.expectedRows(batch));
    }

    @Test
    void anUnknownHostKeyIsRefused() throws Exception {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "");
        assertThatThrownBy(() -> output("secret", null, knownHosts.toString(), null, "in")
                .deliver(TestBatches.heatAndWater(1)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED))
                .hasMessageContaining(KeyUtils.getFingerPrint(hostKey)).hasMessageContaining("is not in");
        assertThat(files(root.resolve("in"))).isEmpty();
    }

    @Test
    void anotherPinnedKeyIsRefused() throws Exception {
        assertThatThrownBy(() -> output("secret", null, null, KeyUtils.getFingerPrint(clientKey.getPublic()), "in")
                .deliver(TestBatches.heatAndWater(1)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED))
                .hasMessageContaining("is not the pinned");
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> output("wrong", null, null, KeyUtils.getFingerPrint(hostKey), "in")
                .deliver(TestBatches.heatAndWater(1)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED))
                .hasMessageContaining("login refused");
    }

    @Test
    void aMissingDirectoryIsRefusedWithTheServersStatus() {
        assertThatThrownBy(() -> output("secret", null, null, KeyUtils.getFingerPrint(hostKey), "nowhere")
                .deliver(TestBatches.heatAndWater(1)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED))
                .hasMessageContaining("SSH_FX_NO_SUCH");
    }

    @Test
    void aStoppedServerIsRetryable() throws Exception {
        SftpOutput out = output("secret", null, null, KeyUtils.getFingerPrint(hostKey), "in");
        server.stop(true);
        assertThatThrownBy(() -> out.deliver(TestBatches.heatAndWater(1)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RETRYABLE))
                .hasMessageContaining("cannot connect");
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> new Settings("h", null, "u", null, null, null, null, null, null, null, null))
                .hasMessageContaining("give a password or a privateKey");
        assertThatThrownBy(() -> new Settings("h", null, "u", "p", null, null, null, "ab:cd", null, null, null))
                .hasMessageContaining("hostKeyFingerprint 'ab:cd'");
        assertThatThrownBy(() -> new SftpOutput("o", "c", new Settings("h", null, "u", null,
                dir.resolve("missing").toString(), null, null, null, null, null, null)))
                .hasMessageContaining("cannot be read");
    }
}
