package org.openamr.simulator.radio;

import org.openamr.wmbus.keys.KeysFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.mbus.app.Medium;
import org.openamr.wmbus.WirelessDecoder;
import org.openamr.wmbus.WirelessTelegram;
import org.openamr.wmbus.keys.KeyStore;

/** The files of a simulated period: repeatable to the byte, in the agreed format, and without keys where none belong. */
class RadioFilesTest {

    static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    static RadioSettings settings(long seed, int meters, RadioSecurity security) {
        return new RadioSettings(seed, meters, security, Duration.ofSeconds(120), Duration.ofSeconds(12), START,
                Duration.ofHours(1));
    }

    @Test
    void theSameSeedGivesTheSameFilesAndAnotherSeedOthers(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        Path c = Files.createDirectory(dir.resolve("c"));
        for (Path p : List.of(a, b)) {
            RadioFiles.write(new RadioSource(settings(7, 12, RadioSecurity.MIXED)), p.resolve("radio.txt"),
                    p.resolve("keys.txt"), p.resolve("truth.json"));
        }
        RadioFiles.write(new RadioSource(settings(8, 12, RadioSecurity.MIXED)), c.resolve("radio.txt"),
                c.resolve("keys.txt"), c.resolve("truth.json"));
        for (String f : List.of("radio.txt", "keys.txt", "truth.json")) {
            assertThat(Files.readAllBytes(a.resolve(f))).as(f).isEqualTo(Files.readAllBytes(b.resolve(f)));
            assertThat(Files.readAllBytes(a.resolve(f))).as(f).isNotEqualTo(Files.readAllBytes(c.resolve(f)));
        }
    }

    @Test
    void everyLineIsInTheReplayFormatAndTheFileHoldsNoKey(@TempDir Path dir) throws Exception {
        RadioSource source = new RadioSource(settings(3, 10, RadioSecurity.MIXED));
        Path replay = dir.resolve("radio.txt");
        Path truth = dir.resolve("truth.json");
        RadioFiles.Summary summary = RadioFiles.write(source, replay, null, truth);
        List<String> lines = Files.readAllLines(replay);
        assertThat(lines.get(0)).startsWith("# ").contains("seed 3").contains("10 meters").contains("security mixed")
                .contains("interval 2m ± 12s").contains("2026-11-24T10:00:00Z").contains("for 1h");
        List<String> telegrams = lines.stream().filter(l -> !l.startsWith("#")).toList();
        assertThat(telegrams).hasSize((int) summary.telegrams());
        // 10 meters every 2 minutes ± 12 s for an hour: 29 to 31 telegrams each.
        assertThat(summary.telegrams()).isBetween(290L, 310L);
        assertThat(summary.mode5()).isPositive();
        assertThat(summary.mode7()).isPositive();
        Instant previous = START;
        for (String line : telegrams) {
            assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (T1|C1) -\\d{2,3} [0-9A-F]+");
            Instant at = Instant.parse(line.split(" ")[0]);
            assertThat(at).isAfterOrEqualTo(previous).isBefore(START.plus(Duration.ofHours(1)));
            previous = at;
        }
        String replayText = Files.readString(replay);
        String truthText = Files.readString(truth);
        for (RadioMeter m : source.meters()) {
            String key = HexFormat.of().withUpperCase().formatHex(m.key().bytes());
            assertThat(replayText).doesNotContainIgnoringCase(key);
            assertThat(truthText).doesNotContainIgnoringCase(key);
        }
    }

    @Test
    void eachMeterKeepsItsModeLevelAndSlotAndCountsItsAccessNumber(@TempDir Path dir) throws Exception {
        RadioSource source = new RadioSource(settings(5, 16, RadioSecurity.MIXED));
        Path replay = dir.resolve("radio.txt");
        RadioFiles.write(source, replay, null, null);
        WirelessDecoder decoder = new WirelessDecoder(source.keys());
        Map<String, RadioMeter> byId = new HashMap<>();
        source.meters().forEach(m -> byId.put(m.id(), m));
        Map<String, String[]> previous = new HashMap<>();
        Map<String, Integer> previousAccess = new HashMap<>();
        for (String line : Files.readAllLines(replay)) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" ");
            WirelessTelegram t = decoder.decode(HexFormat.of().parseHex(f[3]));
            RadioMeter m = byId.get(t.linkAddress().id());
            assertThat(f[1]).isEqualTo(m.meter().type().medium() == Medium.HEAT ? "C1" : "T1");
            assertThat(Integer.parseInt(f[2])).isEqualTo(m.rssiDbm()).isBetween(-100, -50);
            assertThat(t.transport().configuration().securityMode()).isEqualTo(m.securityMode());
            String[] before = previous.put(m.id(), f);
            if (before != null) {
                Duration gap = Duration.between(Instant.parse(before[0]), Instant.parse(f[0]));
                assertThat(gap).isBetween(Duration.ofSeconds(120 - 24), Duration.ofSeconds(120 + 24));
                assertThat(t.accessNumber()).isEqualTo((previousAccess.get(m.id()) + 1) & 0xFF);
            }
            previousAccess.put(m.id(), t.accessNumber());
        }
        assertThat(previous).hasSize(16);
        assertThat(source.meters()).extracting(RadioMeter::securityMode).contains(5, 7);
    }

    @Test
    void theKeysFileHasOneLinePerMeterAndItsKeysDecrypt(@TempDir Path dir) throws Exception {
        RadioSource source = new RadioSource(settings(11, 6, RadioSecurity.MODE_7));
        Path keys = dir.resolve("keys.txt");
        RadioFiles.write(source, null, keys, null);
        List<String> lines = Files.readAllLines(keys);
        assertThat(lines).hasSize(6).allMatch(l -> l.matches("(DFS|ZRI) \\d{8} [0-9A-F]{32}"));
        KeyStore fromFile = KeysFile.read(keys, KeyStore.empty());
        RadioTelegram first = source.telegrams().next();
        WirelessTelegram t = new WirelessDecoder(fromFile).decode(first.formatA());
        assertThat(t.records().records()).hasSize(first.truth().values().size());
    }

    @Test
    void aKeysFileLineThatIsNoKeyIsNamedWithoutQuotingIt(@TempDir Path dir) throws Exception {
        Path keys = Files.writeString(dir.resolve("keys.txt"), "DFS 12345678 000102030405060708090A0B0C0D0E0F\n"
                + "DFS 12345679 000102030405060708090A0B0C0D0E0\n");
        assertThatThrownBy(() -> KeysFile.read(keys, KeyStore.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keys.txt line 2: a key is 32 hex digits").hasMessageNotContaining("0D0E0");
        Files.writeString(keys, "12345678 000102030405060708090A0B0C0D0E0F\n");
        assertThatThrownBy(() -> KeysFile.read(keys, KeyStore.empty())).hasMessageContaining("line 1: expected '<manufacturer");
    }
}
