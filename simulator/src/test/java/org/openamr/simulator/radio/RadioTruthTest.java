package org.openamr.simulator.radio;

import org.openamr.wmbus.keys.KeyStore;
import org.openamr.wmbus.keys.KeysFile;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.openamr.mbus.record.DataRecord;
import org.openamr.simulator.meter.Reading;
import org.openamr.simulator.meter.Register;
import org.openamr.simulator.meter.VirtualMeter;
import org.openamr.simulator.model.ConsumptionModel;
import org.openamr.wmbus.Decryption;
import org.openamr.wmbus.WirelessDecoder;
import org.openamr.wmbus.WirelessTelegram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a receiver makes of the files is what the truth says: every telegram of a generated replay
 * file, decoded with the keys file alone, carries exactly the truth file's values.
 */
class RadioTruthTest {

    @Test
    void everyTelegramDecodesWithTheKeysFileToExactlyTheTruth(@TempDir Path dir) throws Exception {
        RadioSettings settings = new RadioSettings(42, 20, RadioSecurity.MIXED, Duration.ofSeconds(300),
                Duration.ofSeconds(20), Instant.parse("2026-01-31T22:00:00Z"), Duration.ofHours(4));
        Path replay = dir.resolve("radio.txt");
        Path keys = dir.resolve("keys.txt");
        Path truth = dir.resolve("truth.json");
        RadioFiles.write(new RadioSource(settings), replay, keys, truth);

        WirelessDecoder decoder = new WirelessDecoder(KeysFile.read(keys, KeyStore.empty()));
        JsonNode json = JsonMapper.builder().build().readTree(truth.toFile());
        List<String> lines = Files.readAllLines(replay).stream().filter(l -> !l.startsWith("#")).toList();
        JsonNode telegrams = json.get("telegrams");
        assertThat(telegrams.size()).isEqualTo(lines.size()).isGreaterThan(900);
        int mode5 = 0;
        int mode7 = 0;
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(" ");
            JsonNode expected = telegrams.get(i);
            WirelessTelegram t = decoder.decode(HexFormat.of().parseHex(f[3]));
            assertThat(f[0]).isEqualTo(expected.get("at").asString());
            assertThat(t.linkAddress().manufacturerLetters()).isEqualTo(expected.get("manufacturer").asString());
            assertThat(t.linkAddress().id()).isEqualTo(expected.get("id").asString());
            assertThat(t.accessNumber()).isEqualTo(expected.get("accessNumber").asInt());
            assertThat(t.status().value()).isEqualTo(expected.get("status").asInt());
            Decryption.Method method = t.decryptions().get(0).method();
            mode5 += method == Decryption.Method.MODE_5_AES_CBC_IV ? 1 : 0;
            mode7 += method == Decryption.Method.MODE_7_AES_CBC_KDF ? 1 : 0;
            assertValues(t, expected.get("values"), "telegram " + i + " " + lines.get(i));
        }
        assertThat(mode5 + mode7).isEqualTo(lines.size());
        assertThat(mode5).isPositive();
        assertThat(mode7).isPositive();
    }

    /** Each decoded record is one truth value, with the same text and unit, and no truth value is left over. */
    private static void assertValues(WirelessTelegram t, JsonNode values, String where) {
        Map<String, JsonNode> byRegister = new HashMap<>();
        values.forEach(v -> byRegister.put(v.get("register").asString(), v));
        assertThat(t.records().records()).as(where).hasSize(values.size());
        for (DataRecord r : t.records().records()) {
            Register register = Register.of(r).orElseThrow(() -> new AssertionError(where + ": record of no register "
                    + r));
            JsonNode v = byRegister.remove(register.name());
            assertThat(v).as("%s: %s once in the truth", where, register).isNotNull();
            assertThat(r.value().text()).as("%s: %s", where, register).isEqualTo(v.get("value").asString());
            assertThat(r.unit().symbol()).as("%s: unit of %s", where, register).isEqualTo(v.get("unit").asString());
            assertThat(r.quantity().jsonName()).isEqualTo(v.get("quantity").asString());
            assertThat(r.storageNumber()).isEqualTo(v.get("storage").asLong());
            assertThat(r.subunit()).isEqualTo(v.get("subunit").asInt());
            assertThat(r.tariff()).isEqualTo(v.get("tariff").asInt());
        }
        assertThat(byRegister).as(where).isEmpty();
    }

    @Test
    void theTruthIsTheConsumptionModelsReadingOfTheMeter() {
        // A meter built apart from the source, from the same seed and id: its reading at the moment of
        // the telegram is what the truth says, so the radio shows the same building as the wired bus.
        RadioSource source = new RadioSource(RadioFilesTest.settings(9, 4, RadioSecurity.MODE_5));
        RadioTelegram t = source.telegrams().next();
        VirtualMeter twin = new VirtualMeter(t.meter().meter().type(), t.meter().id(), 1, new ConsumptionModel(9));
        Reading reading = twin.reading(t.at());
        assertThat(t.truth().values()).isNotEmpty();
        for (TruthValue v : t.truth().values()) {
            assertThat(v.value()).as("%s", v.register()).isEqualTo(reading.value(v.register()));
        }
        assertThat(t.truth().values()).extracting(TruthValue::register)
                .containsExactlyInAnyOrderElementsOf(reading.values().keySet());
    }
}
