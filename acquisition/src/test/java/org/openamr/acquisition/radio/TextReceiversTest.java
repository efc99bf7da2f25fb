package org.openamr.acquisition.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.wmbus.receiver.LinkMode;

class TextReceiversTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void rtlWmbusOverTcpInPiecesWithADamagedFrameUntilTheServerCloses() throws Exception {
        String good = "T1;1;1;2026-11-24 10:15:30.000;97;148;11223344;0x" + Telegrams.MODE5.toLowerCase();
        String damaged = "C1;0;1;2026-11-24 10:15:31.000;80;120;41494068;0x" + Telegrams.SONOMETER.toLowerCase();
        byte[] stream = (good + "\n" + damaged + "\n" + good.replace(":30.000", ":45.000")).getBytes(StandardCharsets.US_ASCII);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> nc = CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    for (int from = 0; from < stream.length; from += 13) {
                        out.write(stream, from, Math.min(13, stream.length - from));
                        out.flush();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            List<Reception> got = new ArrayList<>();
            try (RadioReceiver r = RadioReceivers.open(ReceiverAddress.parse("rtl-wmbus:tcp:127.0.0.1:"
                    + server.getLocalPort()), Optional.empty(), false, CLOCK)) {
                for (Reception x = r.next(); x != null; x = r.next()) {
                    got.add(x);
                }
            }
            nc.join();
            assertThat(got).hasSize(3);
            HeardTelegram first = (HeardTelegram) got.get(0);
            assertThat(first.telegram()).isEqualTo(Telegrams.bytes(Telegrams.MODE5));
            assertThat(first.mode()).contains(LinkMode.T1);
            assertThat(first.receivedAt()).isEqualTo(Instant.parse("2026-11-24T10:15:30Z"));
            assertThat(first.rssiDbm()).as("rtl_wmbus's level is not dBm").isEmpty();
            assertThat(first.receiver()).isEqualTo("rtl-wmbus:tcp:127.0.0.1:" + server.getLocalPort());
            Reception.Damaged crc = (Reception.Damaged) got.get(1);
            assertThat(crc.kind()).isEqualTo("crc");
            assertThat(crc.detail()).isEqualTo("rtl_wmbus reports a failed block CRC (CRC_OK 0): C1 telegram of "
                    + "41494068, not decoded");
            assertThat(((HeardTelegram) got.get(2)).receivedAt()).isEqualTo(Instant.parse("2026-11-24T10:15:45Z"));
        }
    }

    @Test
    void aRefusedConnectionNamesTheReceiverAndHowToServeRtlWmbus() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        int closedPort = port;
        assertThatThrownBy(() -> RadioReceivers.open(ReceiverAddress.parse("rtl-wmbus:tcp:127.0.0.1:" + closedPort),
                Optional.empty(), false, CLOCK))
                .hasMessageStartingWith("rtl-wmbus:tcp:127.0.0.1:" + closedPort + ": cannot connect to 127.0.0.1:"
                        + closedPort)
                .hasMessageEndingWith("is rtl_wmbus served there, e.g. rtl_wmbus | nc -l " + closedPort + "?");
    }

    @Test
    void aReplayFileGivesItsTelegramsWithTheirTimesModesAndRssiAndNamesABadLine() throws Exception {
        Path file = Files.writeString(dir.resolve("heard.txt"), "# two meters\n"
                + "2026-11-24T10:15:30.125Z T1 -67 " + Telegrams.MODE5 + "\n"
                + "2026-11-24T10:15:31Z C1 - " + Telegrams.SONOMETER + "\n"
                + "2026-11-24T10:15:32Z X9 - " + Telegrams.SONOMETER + "\n"
                + "2026-11-24T10:16:00Z - -80 " + Telegrams.MODE5, StandardCharsets.UTF_8);
        List<Reception> got = new ArrayList<>();
        try (RadioReceiver r = RadioReceivers.open(ReceiverAddress.parse("replay:" + file), Optional.empty(), false,
                CLOCK)) {
            for (Reception x = r.next(); x != null; x = r.next()) {
                got.add(x);
            }
        }
        assertThat(got).hasSize(4);
        HeardTelegram first = (HeardTelegram) got.get(0);
        assertThat(first.receivedAt()).isEqualTo(Instant.parse("2026-11-24T10:15:30.125Z"));
        assertThat(first.mode()).contains(LinkMode.T1);
        assertThat(first.rssiDbm()).hasValue(-67);
        assertThat(((HeardTelegram) got.get(1)).rssiDbm()).isEmpty();
        Reception.Damaged bad = (Reception.Damaged) got.get(2);
        assertThat(bad.kind()).isEqualTo("malformed");
        assertThat(bad.detail()).startsWith("malformed: line 4: mode 'X9' is not S1, T1, C1 or -");
        assertThat(((HeardTelegram) got.get(3)).mode()).isEmpty();
    }

    @Test
    void aPacedReplayWaitsAsLongAsTheTimeStampsSayAndNeverBackwards() throws Exception {
        Path file = Files.writeString(dir.resolve("paced.txt"), "2026-11-24T10:15:30Z T1 -67 " + Telegrams.MODE5 + "\n"
                + "2026-11-24T10:15:31.500Z T1 -67 " + Telegrams.MODE5 + "\n"
                + "2026-11-24T10:15:29Z T1 -67 " + Telegrams.MODE5 + "\n"
                + "2026-11-24T10:15:40Z T1 -67 " + Telegrams.MODE5 + "\n", StandardCharsets.UTF_8);
        List<Duration> waits = new ArrayList<>();
        RadioReceiver source = RadioReceivers.open(ReceiverAddress.parse("replay:" + file), Optional.empty(), false,
                CLOCK);
        try (RadioReceiver paced = new PacedReceiver(source, waits::add)) {
            while (paced.next() != null) {
                // count the waits
            }
        }
        assertThat(waits).containsExactly(Duration.ofMillis(1500), Duration.ofSeconds(11));
    }

    @Test
    void aMissingReplayFileIsNamed() {
        assertThatThrownBy(() -> RadioReceivers.open(ReceiverAddress.parse("replay:" + dir.resolve("none.txt")),
                Optional.empty(), false, CLOCK))
                .hasMessage("replay:" + dir.resolve("none.txt") + ": replay file " + dir.resolve("none.txt")
                        + " does not exist");
    }
}
