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

class WirelessDecodeCommandTest {

    /** Danfoss Sonometer 1100 radio telegram (Diehl PRIOS), wmbusmeters issue 1253. */
    static final String SONOMETER = "3944D3102F04684049417ACE502BD0DCC3F55D144EF906B1FB0B0948DBCE7AFACC254E924C07184513"
            + "993ED3BA50730516C23ADB186C747AF724";
    /** jMBus's test telegram with one encrypted block (mode 5) and its key 000102…0F (MPL-2.0). */
    static final String MODE5 = "284493154433221101377A0F00102549DECB4A1076DFBC336BCDA4CF560037426CBF2C046D112AC423";
    static final String KEY = "000102030405060708090A0B0C0D0E0F";
    static final String WRONG = "000102030405060708090A0B0C0D0EEE";

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void wirelessJsonHasTheShapeOfAWiredOne() throws Exception {
        CliRun r = CliRun.of("decode", "--json", SONOMETER);
        assertThat(r.exit()).isZero();
        JsonNode root = json.readTree(r.out());
        assertThat(root.get("frame").asText()).isEqualTo("wireless");
        JsonNode h = root.get("header");
        assertThat(h.get("id").asText()).isEqualTo("41494068");
        assertThat(h.get("manufacturer").asText()).isEqualTo("DFS");
        assertThat(h.get("version").asInt()).isEqualTo(47);
        assertThat(h.get("medium").asText()).isEqualTo("heat");
        assertThat(h.get("accessNumber").asInt()).isEqualTo(206);
        assertThat(h.get("status").asInt()).isEqualTo(80);
        JsonNode first = root.get("records").get(0);
        assertThat(first.get("quantity").asText()).isEqualTo("energy");
        assertThat(first.get("unit").asText()).isEqualTo("kWh");
        assertThat(first.get("value").asText()).isEqualTo("24007");
        assertThat(root.get("decrypted").get(0).get("method").asText()).isEqualTo("prios");
    }

    @Test
    void keyOptionDecryptsAndTheTableShowsTheLayers() {
        CliRun r = CliRun.of("decode", "--lang", "en", "--key", KEY, MODE5);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Frame              wireless  format none  C=44  CI=7A")
                .contains("id 11223344  manufacturer ELS")
                .contains("Decrypted          mode-5 (meter key, 16 bytes)")
                .containsPattern("date\\s+2021-12-31");
    }

    @Test
    void withoutAKeyTheHeaderIsPrintedAndTheExitCodeSaysIncomplete() throws Exception {
        CliRun r = CliRun.of("decode", "--json", MODE5);
        assertThat(r.exit()).isEqualTo(1);
        JsonNode root = json.readTree(r.out());
        assertThat(root.has("error")).isFalse();
        assertThat(root.get("header").get("id").asText()).isEqualTo("11223344");
        assertThat(root.get("records")).isEmpty();
        assertThat(root.get("notDecoded").get("kind").asText()).isEqualTo("missing-key");
    }

    @Test
    void batchLinesCarryTheirKeysAndAWrongKeyIsAnErrorThatNeverShowsTheKey(@TempDir Path dir) throws Exception {
        Path batch = dir.resolve("batch.txt");
        Files.write(batch, List.of(MODE5 + " " + KEY, MODE5 + " " + WRONG, SONOMETER), StandardCharsets.UTF_8);
        CliRun r = CliRun.of("decode", "--json", "--batch", batch.toString());
        assertThat(r.exit()).isEqualTo(1);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(json.readTree(lines.get(0)).get("records")).hasSize(4);
        JsonNode error = json.readTree(lines.get(1)).get("error");
        assertThat(error.get("kind").asText()).isEqualTo("wrong-key");
        assertThat(error.get("message").asText()).contains("2F 2F");
        assertThat(r.out() + r.err()).doesNotContain(WRONG).doesNotContain(KEY).doesNotContain("0D0EEE");
        assertThat(json.readTree(lines.get(2)).get("header").get("id").asText()).isEqualTo("41494068");
    }

    @Test
    void aBadKeyIsNamedWithoutEchoingIt() {
        CliRun r = CliRun.of("decode", "--key", "00112233445566778899AABBCCDDEEFX", MODE5);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("key").doesNotContain("00112233");
    }
}
