package org.openamr.simulator.radio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openamr.simulator.meter.Register;
import org.openamr.wmbus.WirelessDecoder;
import org.openamr.wmbus.WirelessTelegram;

/** The live radio over a real socket: what clients receive are the source's telegrams, decodable to their truth. */
class RadioTcpServerIT {

    /** A day of 8 meters at 60 s, run 3600 times faster than real time: the test reads a few dozen lines of it. */
    private static final RadioSettings DAY = new RadioSettings(17, 8, RadioSecurity.MIXED, Duration.ofSeconds(60),
            Duration.ofSeconds(5), Instant.parse("2026-11-24T00:00:00Z"), Duration.ofDays(1));
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    /** Every telegram of the day, by its rtl-wmbus line, from a source of its own. */
    private static Map<String, RadioTelegram> expected(TelegramLineFormat format) {
        Map<String, RadioTelegram> out = new HashMap<>();
        for (Iterator<RadioTelegram> it = new RadioSource(DAY).telegrams(); it.hasNext(); ) {
            RadioTelegram t = it.next();
            out.put(format.line(t), t);
        }
        return out;
    }

    private static BufferedReader reader(Socket s) throws IOException {
        s.setSoTimeout(30_000);
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
    }

    private static List<String> read(BufferedReader in, int lines) throws IOException {
        List<String> out = new ArrayList<>();
        while (out.size() < lines) {
            String line = in.readLine();
            assertThat(line).as("line %d of %d before the end of the stream", out.size() + 1, lines).isNotNull();
            out.add(line);
        }
        return out;
    }

    @Test
    void clientsReceiveRtlWmbusLinesOfTheSourcesTelegramsInTimeOrder() throws Exception {
        Map<String, RadioTelegram> expected = expected(TelegramLineFormat.RTL_WMBUS);
        RadioSource source = new RadioSource(DAY);
        WirelessDecoder decoder = new WirelessDecoder(source.keys());
        try (RadioTcpServer server = RadioTcpServer.start(source, LOOPBACK, TelegramLineFormat.RTL_WMBUS, 3600);
             Socket first = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            BufferedReader firstIn = reader(first);
            List<String> all = read(firstIn, 5);
            try (Socket second = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                List<String> late = read(reader(second), 10);
                // The second client hears the same stream from when it connected, however late that was.
                while (Collections.indexOfSubList(all, late) < 0) {
                    all.addAll(read(firstIn, 1));
                    assertThat(all.size()).as("the first client's stream holds the second's lines").isLessThan(5000);
                }
                assertThat(Collections.indexOfSubList(all, late)).isGreaterThanOrEqualTo(5);
                Instant previous = DAY.start();
                for (String line : all) {
                    RadioTelegram t = expected.get(line);
                    assertThat(t).as("a telegram of the source: %s", line).isNotNull();
                    assertThat(t.at()).isAfterOrEqualTo(previous);
                    previous = t.at();
                    String[] f = line.split(";");
                    assertThat(f).hasSize(8);
                    assertThat(f[0] + f[1] + f[2]).isEqualTo(t.meter().mode() + "11");
                    assertThat(f[6]).isEqualTo(t.meter().id());
                    assertThat(f[7]).startsWith("0x");
                    WirelessTelegram d = decoder.decode(HexFormat.of().parseHex(f[7].substring(2)));
                    assertThat(d.accessNumber()).isEqualTo(t.truth().accessNumber());
                    assertThat(d.records().records()).hasSize(t.truth().values().size());
                    for (TruthValue v : t.truth().values()) {
                        assertThat(d.records().records()).filteredOn(r -> Register.of(r).orElseThrow() == v.register())
                                .singleElement().satisfies(r -> assertThat(r.value()).isEqualTo(v.value()));
                    }
                }
            }
            assertThat(server.clientsServed()).isEqualTo(2);
        }
    }

    @Test
    void theReplayFormatStartsWithItsHeaderAndAShortPeriodEnds() throws Exception {
        RadioSettings tenMinutes = new RadioSettings(17, 3, RadioSecurity.MODE_5, Duration.ofSeconds(60),
                Duration.ZERO, Instant.parse("2026-11-24T00:00:00Z"), Duration.ofMinutes(10));
        List<String> all = new ArrayList<>();
        new RadioSource(tenMinutes).telegrams().forEachRemaining(t -> all.add(TelegramLineFormat.REPLAY.line(t)));
        try (RadioTcpServer server = RadioTcpServer.start(new RadioSource(tenMinutes), LOOPBACK, TelegramLineFormat.REPLAY,
                120); Socket client = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            List<String> lines = read(reader(client), 3);
            assertThat(lines.get(0)).startsWith("# OpenAMR radio simulation").contains("seed 17");
            assertThat(lines.get(1)).startsWith("# <instant UTC>");
            assertThat(all).contains(lines.get(2));
            assertThat(server.awaitEnd(60, TimeUnit.SECONDS)).as("the 10 simulated minutes end").isTrue();
            assertThat(server.telegramsSent()).isEqualTo(all.size());
        }
    }
}
