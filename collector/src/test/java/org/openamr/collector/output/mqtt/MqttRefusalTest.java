package org.openamr.collector.output.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.collector.delivery.Batch;
import org.openamr.collector.delivery.DeliveryException;
import org.openamr.collector.delivery.DeliveryException.Kind;
import org.openamr.collector.output.TestBatches;
import org.openamr.collector.output.mqtt.MqttOutput.Settings;

/**
 * A Mosquitto of the test's own (the machine's binary, on a free port) that wants a password and lets the
 * collector write under {@code openamr/} only: a bad login and a topic it may not write are refused.
 */
class MqttRefusalTest {

    @TempDir
    static Path dir;
    static Process broker;
    static int port;

    @BeforeAll
    static void startBroker() throws Exception {
        assumeTrue(System.getenv("CI") != null || onPath("mosquitto"), "no mosquitto binary");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path passwd = dir.resolve("passwd");
        Process p = new ProcessBuilder("mosquitto_passwd", "-c", "-b", passwd.toString(), "collector", "secret")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        Path acl = Files.writeString(dir.resolve("acl"), "user collector\ntopic readwrite openamr/#\n");
        Path conf = Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "listener " + port + " 127.0.0.1", "allow_anonymous false", "password_file " + passwd,
                "acl_file " + acl, "persistence false", "log_dest stderr", "user root", ""));
        broker = new ProcessBuilder("mosquitto", "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        for (int i = 0; i < 100 && !answers(); i++) {
            Thread.sleep(100);
        }
        assertThat(answers()).as("the test's Mosquitto answers on port " + port).isTrue();
    }

    @AfterAll
    static void stopBroker() throws InterruptedException {
        if (broker != null) {
            broker.destroy();
            broker.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean answers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean onPath(String command) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, command))) {
                return true;
            }
        }
        return false;
    }

    private static MqttOutput output(String version, String password, boolean homeAssistant) {
        return new MqttOutput("mqtt-main", TestBatches.COLLECTOR, new Settings("127.0.0.1", port, version, null,
                "collector", password, null, null, homeAssistant, null, 10));
    }

    private static Batch batch() {
        return TestBatches.heatAndWater(1);
    }

    @Test
    void theRightPasswordIsLetIn() throws Exception {
        try (MqttOutput out = output("5", "secret", false)) {
            out.deliver(batch());
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithTheBrokersReason() {
        for (String version : new String[] {"5", "3.1.1"}) {
            try (MqttOutput out = output(version, "wrong", false)) {
                assertThatThrownBy(() -> out.deliver(batch())).as("MQTT " + version)
                        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED))
                        .hasMessageContaining("refused the connection")
                        .hasMessageMatching("(?s).*(BAD_USER_NAME_OR_PASSWORD|NOT_AUTHORIZED).*");
            }
        }
    }

    @Test
    void aTopicTheCollectorMayNotWriteIsRefusedThroughThePuback() {
        // the discovery configs go to homeassistant/…, which the broker's ACL does not allow
        try (MqttOutput out = output("5", "secret", true)) {
            assertThatThrownBy(() -> out.deliver(batch()))
                    .hasMessageContaining("homeassistant/sensor/lenina-12_12345678_energy/config")
                    .hasMessageContaining("NOT_AUTHORIZED")
                    .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED));
        }
    }
}
