package org.openamr.cli.decode;

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

class DecodeCommandTest {

    /** A Danfoss heat meter answer: 24007 kWh, 9549.820 m³, error code 0410, pulse input 1 and a filler-only error value. */
    static final String DANFOSS = "6851516808017268404941D3102F04CE5000000C06074002000C13209854090C863B55000000"
            + "04FD17100400004C1311111111426C1F318C4013990000003B2B2F2F2F046D3A0DE6020AA61812008C100600000000E616";
    /** Kamstrup 382 electricity meter, from libmbus's test frames (BSD-3-Clause). */
    static final String KAMSTRUP = "68464668087872209183142D2C010204000000040600000000042209000000042B00000000142B"
            + "0000000084500600000000846006000000000F000000000000000000000000000000102416";

    private final JsonMapper json = JsonMapper.builder().build();

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void tableShowsHeaderAndOneLinePerRecordWithTheProfileNames() {
        CliRun r = run("decode", "--lang", "en", DANFOSS);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("id 41494068  manufacturer DFS  version 47  medium heat")
                .contains("status 50 (temporary error")
                .containsPattern("energy\\s+24007\\s+kWh\\s+Heat energy")
                .containsPattern("volume\\s+9549.820\\s+m3\\s+Heat carrier volume")
                .containsPattern("1\\s+instantaneous\\s+volume\\s+0.099\\s+m3\\s+Pulse input 1 volume")
                .contains("Return sensor (T2) short circuit")
                .containsPattern("power\\s+—\\s+kW\\s+Thermal power \\(no value");
        assertThat(run("decode", "--lang", "ru", DANFOSS).out()).contains("Тепловая энергия");
    }

    @Test
    void aLanguageIsOneOfTheTwoAndAnyCaseIsTaken() {
        assertThat(run("decode", "--lang", "RU", DANFOSS).out()).contains("Тепловая энергия");
        CliRun german = run("decode", "--lang", "de", DANFOSS);
        assertThat(german.exit()).isEqualTo(2);
        assertThat(german.out()).isEmpty();
        assertThat(german.err()).contains("--lang").contains("'de'").contains("EN, RU");
    }

    @Test
    void jsonFollowsTheConformanceContract() throws Exception {
        CliRun r = run("decode", "--json", DANFOSS);
        assertThat(r.exit()).isZero();
        JsonNode root = json.readTree(r.out());
        assertThat(root.get("frame").asText()).isEqualTo("long");
        JsonNode h = root.get("header");
        assertThat(h.get("id").asText()).isEqualTo("41494068");
        assertThat(h.get("manufacturer").asText()).isEqualTo("DFS");
        assertThat(h.get("version").asInt()).isEqualTo(47);
        assertThat(h.get("medium").asText()).isEqualTo("heat");
        assertThat(h.get("accessNumber").asInt()).isEqualTo(206);
        assertThat(h.get("status").asInt()).isEqualTo(80);
        JsonNode first = root.get("records").get(0);
        assertThat(first.get("storage").asInt()).isZero();
        assertThat(first.get("function").asText()).isEqualTo("instantaneous");
        assertThat(first.get("quantity").asText()).isEqualTo("energy");
        assertThat(first.get("unit").asText()).isEqualTo("kWh");
        assertThat(first.get("value").isTextual()).isTrue();
        assertThat(first.get("value").asText()).isEqualTo("24007");
        assertThat(first.get("name").asText()).isEqualTo("heatEnergy");
        JsonNode date = root.get("records").get(5);
        assertThat(date.get("storage").asInt()).isEqualTo(1);
        assertThat(date.get("value").asText()).isEqualTo("2024-01-31");
        JsonNode filler = root.get("records").get(7);
        assertThat(filler.get("valid").asBoolean()).isFalse();
        assertThat(filler.get("value").isNull()).isTrue();
    }

    @Test
    void damagedTelegramGivesOneClearLineAndNonZeroExit() {
        String bad = DANFOSS.substring(0, DANFOSS.length() - 4) + "E716";
        CliRun r = run("decode", bad);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo(
                "openamr decode: checksum at byte 85: checksum is E7 but the 81 bytes it covers sum to E6");
        assertThat(run("decode", "68 04 04 68 08").err()).contains("truncated");
        assertThat(run("decode", "68 0G").err()).contains("'G' at character 3 of the telegram is not a hex digit");
    }

    @Test
    void batchDecodesEveryLineAndReportsErrorsInPlace(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("telegrams.txt");
        Files.write(file, List.of("# two good telegrams around a bad one", DANFOSS, "68040468", "",
                KAMSTRUP, "6804046808017001 00112233445566778899AABBCCDDEEFF"), StandardCharsets.UTF_8);
        CliRun r = run("decode", "--json", "--batch", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(json.readTree(lines.get(0)).get("header").get("id").asText()).isEqualTo("41494068");
        JsonNode error = json.readTree(lines.get(1)).get("error");
        assertThat(error.get("kind").asText()).isEqualTo("truncated");
        assertThat(error.get("offset").asInt()).isEqualTo(4);
        assertThat(json.readTree(lines.get(2)).get("header").get("manufacturer").asText()).isEqualTo("KAM");
        assertThat(json.readTree(lines.get(3)).get("error").get("kind").asText()).isEqualTo("truncated");
    }

    @Test
    void applicationErrorFrameIsReportedAsSuch() throws Exception {
        JsonNode root = json.readTree(run("decode", "--json", "68 04 04 68 08 01 70 08 81 16").out());
        assertThat(root.get("applicationError").get("code").asInt()).isEqualTo(8);
        assertThat(root.get("applicationError").get("meaning").asText()).contains("busy");
    }

    @Test
    void missingBatchFileIsAUsageErrorWithoutStackTrace() {
        CliRun r = run("decode", "--batch", "/nonexistent/file.txt");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("batch file /nonexistent/file.txt does not exist").doesNotContain("at org.");
    }
}
