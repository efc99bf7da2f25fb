package org.openamr.collector.output.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.collector.delivery.Batch;
import org.openamr.collector.delivery.DeliveryException;
import org.openamr.collector.delivery.DeliveryException.Kind;
import org.openamr.collector.output.TestBatches;
import org.openamr.collector.output.ftp.FtpOutput.Security;
import org.openamr.collector.output.ftp.FtpOutput.Settings;

/** Against Apache MINA FtpServer on a free port: plain FTP, explicit and implicit FTPS with a self-signed key. */
class FtpOutputTest {

    private static final String PASSWORD = "keystore-pw";

    @TempDir
    static Path keys;
    static Path keystore;
    static String fingerprint;

    @TempDir
    Path root;

    private Path home;
    private FtpServer server;
    private int port;

    @BeforeAll
    static void selfSignedKey() throws Exception {
        keystore = keys.resolve("ftp.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "ftp", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-keypass", PASSWORD).redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(out).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        fingerprint = HexFormat.ofDelimiter(":").formatHex(
                MessageDigest.getInstance("SHA-256").digest(ks.getCertificate("ftp").getEncoded()));
    }

    private void start(Security security) throws Exception {
        home = root.resolve("home");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ListenerFactory listener = new ListenerFactory();
        listener.setPort(port);
        listener.setServerAddress("127.0.0.1");
        if (security != Security.NONE) {
            SslConfigurationFactory ssl = new SslConfigurationFactory();
            ssl.setKeystoreFile(keystore.toFile());
            ssl.setKeystorePassword(PASSWORD);
            ssl.setKeystoreType("PKCS12");
            listener.setSslConfiguration(ssl.createSslConfiguration());
            listener.setImplicitSsl(security == Security.IMPLICIT);
        }
        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
        users.setPasswordEncryptor(new ClearTextPasswordEncryptor());
        Path usersFile = Files.createFile(root.resolve("users.properties"));
        users.setFile(usersFile.toFile());
        UserManager manager = users.createUserManager();
        manager.save(user("meter", "secret", List.of(new WritePermission())));
        manager.save(user("reader", "secret", List.of()));
        manager.save(user("single", "secret", List.of(new WritePermission(), new ConcurrentLoginPermission(1, 1))));
        Files.createDirectories(home.resolve("in"));
        FtpServerFactory factory = new FtpServerFactory();
        factory.setUserManager(manager);
        factory.addListener("default", listener.createListener());
        server = factory.createServer();
        server.start();
    }

    private BaseUser user(String name, String password, List<Authority> authorities) {
        BaseUser user = new BaseUser();
        user.setName(name);
        user.setPassword(password);
        user.setHomeDirectory(home.toString());
        user.setAuthorities(new ArrayList<>(authorities));
        return user;
    }

    @AfterEach
    void stop() {
        if (server != null && !server.isStopped()) {
            server.stop();
        }
    }

    private FtpOutput output(Security security, String user, String password, String directory, String pin) {
        return new FtpOutput("ftp-main", TestBatches.COLLECTOR, new Settings("127.0.0.1", port, security, user,
                password, directory, pin, 10, "UTC"));
    }

    private List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void uploadsTheBatchAsCsvAndLeavesNoTemporaryFile() throws Exception {
        start(Security.NONE);
        Batch batch = TestBatches.heatAndWater(3);
        output(Security.NONE, "meter", "secret", "in", null).deliver(batch);

        List<Path> files = files(home.resolve("in"));
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("lenina-12_ftp-main_20261205103000_3.csv");
        assertThat(TestBatches.rows(Files.readAllBytes(files.get(0)))).isEqualTo(TestBatches.expectedRows(batch));
    }

    @Test
    void aBatchSentAgainReplacesItsFileInsteadOfAddingOne() throws Exception {
        start(Security.NONE);
        FtpOutput out = output(Security.NONE, "meter", "secret", "in", null);
        out.deliver(TestBatches.heatAndWater(5));
        byte[] first = Files.readAllBytes(files(home.resolve("in")).get(0));
        out.deliver(TestBatches.heatAndWater(5));
        List<Path> files = files(home.resolve("in"));
        assertThat(files).hasSize(1);
        assertThat(Files.readAllBytes(files.get(0))).isEqualTo(first);
        out.deliver(TestBatches.heatAndWater(6));
        assertThat(files(home.resolve("in"))).hasSize(2).noneMatch(p -> p.toString().endsWith(".part"));
    }

    @Test
    void explicitFtpsWithThePinnedSelfSignedCertificate() throws Exception {
        start(Security.EXPLICIT);
        Batch batch = TestBatches.heatAndWater(8);
        output(Security.EXPLICIT, "meter", "secret", "in", fingerprint).deliver(batch);
        List<Path> files = files(home.resolve("in"));
        assertThat(files).hasSize(1);
        assertThat(TestBatches.rows(Files.readAllBytes(files.get(0)))).isEqualTo(TestBatches.expectedRows(batch));
    }

    @Test
    void implicitFtps() throws Exception {
        start(Security.IMPLICIT);
        output(Security.IMPLICIT, "meter", "secret", "", fingerprint).deliver(TestBatches.heatAndWater(9));
        assertThat(files(home)).extracting(p -> p.getFileName().toString())
                .contains("lenina-12_ftp-main_20261205103000_9.csv");
    }

    @Test
    void anotherCertificateIsRefused() throws Exception {
        start(Security.EXPLICIT);
        String other = "00:" + fingerprint.substring(3);
        assertThatThrownBy(() -> output(Security.EXPLICIT, "meter", "secret", "in", other)
                .deliver(TestBatches.heatAndWater(1)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED))
                .hasMessageContaining("TLS handshake failed");
        assertThat(files(home.resolve("in"))).isEmpty();
    }

    @Test
    void aMissingDirectoryIsRefusedWithTheServers550() throws Exception {
        start(Security.NONE);
        assertThatThrownBy(() -> output(Security.NONE, "meter", "secret", "nowhere", null)
                .deliver(TestBatches.heatAndWater(1)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED))
                .hasMessageContaining("CWD nowhere").hasMessageContaining("550");
    }

    @Test
    void aUserWithoutWritePermissionIsRefusedAndNothingIsLeft() throws Exception {
        start(Security.NONE);
        assertThatThrownBy(() -> output(Security.NONE, "reader", "secret", "in", null)
                .deliver(TestBatches.heatAndWater(1)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED))
                .hasMessageContaining("STOR").hasMessageContaining("550");
        assertThat(files(home.resolve("in"))).isEmpty();
    }

    @Test
    void aWrongPasswordIsRefusedWithTheServersAnswer() throws Exception {
        start(Security.NONE);
        assertThatThrownBy(() -> output(Security.NONE, "meter", "wrong", "in", null)
                .deliver(TestBatches.heatAndWater(1)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED))
                .hasMessageContaining("login as meter").hasMessageContaining("530");
    }

    @Test
    void aBusyServersFourHundredsAreRetryable() throws Exception {
        start(Security.NONE);
        FTPClient other = new FTPClient();
        other.connect("127.0.0.1", port);
        assertThat(other.login("single", "secret")).isTrue();
        try {
            assertThatThrownBy(() -> output(Security.NONE, "single", "secret", "in", null)
                    .deliver(TestBatches.heatAndWater(1)))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RETRYABLE))
                    .hasMessageContaining("421");
        } finally {
            other.disconnect();
        }
    }

    @Test
    void aStoppedServerIsRetryable() throws Exception {
        start(Security.NONE);
        server.stop();
        assertThatThrownBy(() -> output(Security.NONE, "meter", "secret", "in", null)
                .deliver(TestBatches.heatAndWater(1)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RETRYABLE))
                .hasMessageContaining("127.0.0.1:" + port);
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> new Settings("", null, null, "u", "p", null, null, null, null))
                .hasMessageContaining("host is missing");
        assertThatThrownBy(() -> new Settings("h", 70000, null, "u", "p", null, null, null, null))
                .hasMessageContaining("port 70000");
        assertThatThrownBy(() -> new FtpOutput("o", "c",
                new Settings("h", null, Security.EXPLICIT, "u", "p", null, "abc", null, null)))
                .hasMessageContaining("certificateFingerprint 'abc' is not a SHA-256");
        assertThat(new Settings("h", null, Security.IMPLICIT, "u", "p", null, null, null, null).port()).isEqualTo(990);
    }
}
