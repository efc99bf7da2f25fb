package org.openamr.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.cli.CliRun;
import org.openamr.cli.OpenAmr;
import org.openamr.wmbus.keys.KeysFile;
import org.openamr.wmbus.keys.KeyStore;
import org.openamr.simulator.radio.RadioFiles;
import org.openamr.simulator.radio.RadioSecurity;
import org.openamr.simulator.radio.RadioSettings;
import org.openamr.simulator.radio.RadioSource;
import org.openamr.wmbus.WirelessDecoder;
import org.openamr.wmbus.WirelessTelegram;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RadioCommandIT {

    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void writesTheReplayKeysAndTruthFilesOfTheSettingsItWasGiven(@TempDir Path dir) throws Exception {
        Path replay = dir.resolve("radio.txt");
        Path keys = dir.resolve("keys.txt");
        Path truth = dir.resolve("truth.json");
        CliRun r = CliRun.of("simulate", "radio", "--meters", "6", "--security", "mixed", "--interval", "60s",
                "--period", "30m", "--seed", "3", "--start", "2026-11-24T13:00:00+03:00", "--out", replay.toString(),
                "--keys-out", keys.toString(), "--truth-out", truth.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        // The same files come from the library with the settings the options name (jitter: a tenth).
        Path lib = Files.createDirectory(dir.resolve("lib"));
        RadioFiles.Summary s = RadioFiles.write(new RadioSource(new RadioSettings(3, 6, RadioSecurity.MIXED,
                Duration.ofSeconds(60), Duration.ofSeconds(6), START, Duration.ofMinutes(30))), lib.resolve("radio.txt"),
                lib.resolve("keys.txt"), lib.resolve("truth.json"));
        for (String f : List.of("radio.txt", "keys.txt", "truth.json")) {
            assertThat(dir.resolve(f)).as(f).hasSameBinaryContentAs(lib.resolve(f));
        }
        assertThat(r.out()).contains("seed 3, 6 meters, security mixed, interval 1m ± 6s, from 2026-11-24T10:00:00Z"
                + " for 30m").contains("telegrams " + s.telegrams() + " (" + s.mode5() + " in mode 5, " + s.mode7()
                + " in mode 7)").contains("replay    " + replay).contains("keys      " + keys)
                .contains("truth     " + truth);

        // openamr decode reads a line's telegram with the key from the keys file, to the truth's values.
        String first = Files.readAllLines(replay).stream().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
        String hex = first.split(" ")[3];
        WirelessTelegram t = new WirelessDecoder(KeysFile.read(keys, KeyStore.empty())).decode(HexFormat.of().parseHex(hex));
        String key = Files.readAllLines(keys).stream().filter(l -> l.contains(t.linkAddress().id())).findFirst()
                .orElseThrow().split(" ")[2];
        CliRun decoded = CliRun.of("decode", "--json", "--key", key, hex);
        assertThat(decoded.exit()).as(decoded.err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(decoded.out());
        JsonNode expected = JsonMapper.builder().build().readTree(truth.toFile()).get("telegrams").get(0);
        assertThat(json.get("records").size()).isEqualTo(expected.get("values").size());
        for (int i = 0; i < expected.get("values").size(); i++) {
            assertThat(json.get("records").get(i).get("value").asString())
                    .isEqualTo(expected.get("values").get(i).get("value").asString());
            assertThat(json.get("records").get(i).get("unit").asString())
                    .isEqualTo(expected.get("values").get(i).get("unit").asString());
        }
    }

    @Test
    void withoutStartAndPeriodAFileCoversTheLastHour(@TempDir Path dir) throws Exception {
        CommandLine cl = OpenAmr.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        ((RadioCommand) cl.getSubcommands().get("simulate").getSubcommands().get("radio").getCommand()).clock =
                Clock.fixed(Instant.parse("2026-11-24T12:00:00.700Z"), ZoneOffset.UTC);
        Path replay = dir.resolve("radio.txt");
        assertThat(cl.execute("simulate", "radio", "--meters", "2", "--out", replay.toString())).isZero();
        assertThat(Files.readAllLines(replay).get(0)).contains("seed 1, 2 meters, security mixed, interval 2m ± 12s,"
                + " from 2026-11-24T11:00:00Z for 1h");
        assertThat(out.toString()).contains("2026-11-24T11:");
    }

    @Test
    void aLiveRadioSendsDecodableTelegramsToTcpClients(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys.txt");
        Clock clock = Clock.fixed(START, ZoneOffset.UTC);
        try (RunningSimulation sim = new RunningSimulation(clock, "radio", "--tcp", "0", "--bind", "127.0.0.1",
                "--meters", "4", "--interval", "10s", "--speed", "100", "--format", "replay", "--keys-out",
                keys.toString())) {
            int port = sim.port();
            assertThat(sim.summary()).contains("replay lines").contains("100 × real time").contains("nc 127.0.0.1 "
                    + port).contains("keys      " + keys);
            WirelessDecoder decoder = new WirelessDecoder(KeysFile.read(keys, KeyStore.empty()));
            List<String> telegrams = new ArrayList<>();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(30_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                        StandardCharsets.US_ASCII));
                assertThat(in.readLine()).startsWith("# OpenAMR radio simulation");
                assertThat(in.readLine()).startsWith("# ");
                while (telegrams.size() < 6) {
                    telegrams.add(in.readLine());
                }
            }
            for (String line : telegrams) {
                String[] f = line.split(" ");
                assertThat(Instant.parse(f[0])).isAfterOrEqualTo(START);
                WirelessTelegram t = decoder.decode(HexFormat.of().parseHex(f[3]));
                assertThat(t.records().records()).as(line).isNotEmpty();
            }
            assertThat(sim.stop()).isZero();
            assertThat(sim.out.toString()).containsPattern("Stopped after \\d+:\\d\\d:\\d\\d: \\d+ telegrams sent, 1 TCP"
                    + " connection\\.");
            assertThat(sim.err.toString()).isEmpty();
        }
    }

    // ---- errors: one line on stderr, exit code 2 ----------------------------------------------------

    private static void assertOneLineError(CliRun r, String... fragments) {
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("openamr simulate radio: ").contains(fragments)
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void badOptionsAreOneLineNamingTheOption(@TempDir Path dir) {
        String out = dir.resolve("radio.txt").toString();
        assertOneLineError(CliRun.of("simulate", "radio"), "nothing to write or serve", "--out", "--tcp");
        assertOneLineError(CliRun.of("simulate", "radio", "--tcp", "0", "--out", out), "--out", "live");
        assertOneLineError(CliRun.of("simulate", "radio", "--out", out, "--speed", "10"), "--speed", "--tcp");
        assertOneLineError(CliRun.of("simulate", "radio", "--out", out, "--security", "6"),
                "--security: security is 5, 7 or mixed, got '6'");
        assertOneLineError(CliRun.of("simulate", "radio", "--out", out, "--interval", "2 minutes"),
                "--interval: '2 minutes' is no duration", "120s");
        assertOneLineError(CliRun.of("simulate", "radio", "--out", out, "--interval", "60s", "--jitter", "40s"),
                "jitter", "less than half the interval (1m), got 40s");
        assertOneLineError(CliRun.of("simulate", "radio", "--out", out, "--start", "yesterday"),
                "--start is an ISO-8601 instant", "'yesterday'");
        assertOneLineError(CliRun.of("simulate", "radio", "--out", out, "--meters", "0"), "--meters must be 1..5000");
        assertOneLineError(CliRun.of("simulate", "radio", "--tcp", "0", "--speed", "0"), "--speed", "above 0", "'0'");
        assertOneLineError(CliRun.of("simulate", "radio", "--tcp", "0", "--format", "csv"),
                "--format: the line format is replay or rtl-wmbus");
        assertOneLineError(CliRun.of("simulate", "radio", "--out", dir.resolve("missing/radio.txt").toString()),
                "cannot write " + dir.resolve("missing/radio.txt"), "its folder does not exist");
    }
}
