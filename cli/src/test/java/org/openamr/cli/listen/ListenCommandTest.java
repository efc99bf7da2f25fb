package org.openamr.cli.listen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.cli.CliRun;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ListenCommandTest {

    /** jMBus's mode-5 test telegram, ELS 11223344, key 000102…0F (MPL-2.0). */
    static final String MODE5 = "284493154433221101377A0F00102549DECB4A1076DFBC336BCDA4CF560037426CBF2C046D112AC423";
    /** The same relayed by a repeater: hop counter bit of the configuration field (10 -> 11). */
    static final String MODE5_RELAYED = MODE5.replace("7A0F001025", "7A0F001125");
    static final String KEY = "000102030405060708090A0B0C0D0E0F";
    /** Danfoss Sonometer 1100 radio telegram (Diehl PRIOS, public default key), wmbusmeters issue 1253. */
    static final String SONOMETER = "3944D3102F04684049417ACE502BD0DCC3F55D144EF906B1FB0B0948DBCE7AFACC254E924C07184513"
            + "993ED3BA50730516C23ADB186C747AF724";

    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private Path replay() throws Exception {
        return Files.writeString(dir.resolve("heard.txt"), String.join("\n",
                "# a water meter twice (directly and through a repeater), a heat meter, a cut telegram",
                "2026-11-24T10:15:30.125Z T1 -67 " + MODE5,
                "2026-11-24T10:15:31Z T1 -80 " + MODE5_RELAYED,
                "2026-11-24T10:15:40Z C1 -90 " + SONOMETER,
                "2026-11-24T10:15:41Z T1 -67 2844931544"), StandardCharsets.UTF_8);
    }

    @Test
    void jsonLinesCarryTheDecodedValuesAndTheDiscoverySummary() throws Exception {
        Path keys = Files.writeString(dir.resolve("keys.txt"), "# meter keys\nELS 11223344 " + KEY + "\n");
        CliRun r = CliRun.of("listen", "replay:" + replay(), "--json", "--keys", keys.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(4);

        JsonNode water = json.readTree(lines.get(0));
        assertThat(water.get("receivedAt").asText()).isEqualTo("2026-11-24T10:15:30.125Z");
        assertThat(water.get("receiver").asText()).isEqualTo("replay:" + dir.resolve("heard.txt"));
        assertThat(water.get("mode").asText()).isEqualTo("T1");
        assertThat(water.get("rssiDbm").asInt()).isEqualTo(-67);
        assertThat(water.get("header").get("id").asText()).isEqualTo("11223344");
        assertThat(water.get("decrypted").get(0).get("key").asText()).isEqualTo("meter");
        JsonNode records = water.get("records");
        assertThat(records).hasSize(4);
        assertThat(records.get(0).get("quantity").asText()).isEqualTo("volume");
        assertThat(records.get(0).get("value").asText()).isEqualTo("218.308");
        assertThat(records.get(2).get("value").asText()).isEqualTo("2021-12-31");

        JsonNode heat = json.readTree(lines.get(1));
        assertThat(heat.get("header").get("manufacturer").asText()).isEqualTo("DFS");
        assertThat(heat.get("records").get(0).get("quantity").asText()).isEqualTo("energy");
        assertThat(heat.get("records").get(0).get("value").asText()).isEqualTo("24007");
        assertThat(heat.get("records").get(0).get("unit").asText()).isEqualTo("kWh");

        JsonNode cut = json.readTree(lines.get(2));
        assertThat(cut.get("error").get("kind").asText()).isEqualTo("truncated");
        assertThat(cut.get("receivedAt").asText()).isEqualTo("2026-11-24T10:15:41Z");

        JsonNode summary = json.readTree(lines.get(3)).get("summary");
        assertThat(summary.get("telegrams").asInt()).isEqualTo(3);
        assertThat(summary.get("duplicates").asInt()).isEqualTo(1);
        assertThat(summary.get("errors").get("truncated").asInt()).isEqualTo(1);
        JsonNode meters = summary.get("meters");
        assertThat(meters).hasSize(2);
        assertThat(meters.get(0).get("id").asText()).isEqualTo("41494068");
        assertThat(meters.get(0).get("readability").asText()).isEqualTo("default-key");
        assertThat(meters.get(0).get("lastRssiDbm").asInt()).isEqualTo(-90);
        assertThat(meters.get(1).get("id").asText()).isEqualTo("11223344");
        assertThat(meters.get(1).get("encrypted").asBoolean()).isTrue();
        assertThat(meters.get(1).get("keyWorks").asBoolean()).isTrue();
        assertThat(meters.get(1).get("telegrams").asInt()).as("the relayed copy is no second telegram").isEqualTo(1);
        assertThat(meters.get(1).get("firstSeen").asText()).isEqualTo("2026-11-24T10:15:30.125Z");
        assertThat(r.out() + r.err()).doesNotContain(KEY).doesNotContain("0A0B0C0D0E0F");
    }

    @Test
    void withoutTheKeyTheMeterIsListedAsNeedingOneAndAModeFilterSetsTheOthersAside() throws Exception {
        CliRun r = CliRun.of("listen", "replay:" + replay(), "--mode", "t1", "--lang", "en");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("[replay:" + dir.resolve("heard.txt") + "]  ELS 11223344  v1")
                .contains("not decoded: missing-key")
                .doesNotContain("DFS 41494068")
                .contains("Meters heard: 1")
                .containsPattern("ELS\\s+11223344\\s+1\\s+radioConverterMeterSide\\s+1\\s+-67\\s+T1\\s+missing-key")
                .contains("Telegrams: 2, duplicates dropped: 1, other modes set aside: 1, errors: 2 "
                        + "(missing-key 1, truncated 1)");
        assertThat(r.err()).isEqualTo("openamr listen: 2 telegram(s) or input line(s) could not be decoded"
                + System.lineSeparator());
    }

    @Test
    void badInputIsOneLineAndExitCode2() throws Exception {
        CliRun missing = CliRun.of("listen", "replay:" + dir.resolve("none.txt"));
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("openamr listen: replay:" + dir.resolve("none.txt")
                + ": replay file " + dir.resolve("none.txt") + " does not exist");
        CliRun mode = CliRun.of("listen", "replay:" + replay(), "--mode", "t2");
        assertThat(mode.err().strip()).isEqualTo("openamr listen: --mode: link mode 't2' is not one of s1, t1, c1");
        Path keys = Files.writeString(dir.resolve("keys.txt"), "ELS 11223344 " + KEY.substring(2) + "ZZ\n");
        CliRun badKey = CliRun.of("listen", "replay:" + replay(), "--keys", keys.toString());
        assertThat(badKey.exit()).isEqualTo(2);
        assertThat(badKey.err().strip()).isEqualTo("openamr listen: keys file " + keys
                + " line 1: a key is 32 hex digits; character 30 is not a hex digit");
        assertThat(badKey.err()).doesNotContain(KEY.substring(2));
        CliRun address = CliRun.of("listen", "/dev/ttyUSB0");
        assertThat(address.exit()).isEqualTo(2);
        assertThat(address.err()).startsWith("openamr listen: receiver address '/dev/ttyUSB0': unknown receiver");
    }
}
