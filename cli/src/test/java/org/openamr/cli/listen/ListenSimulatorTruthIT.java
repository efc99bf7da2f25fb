package org.openamr.cli.listen;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.cli.CliRun;
import org.openamr.simulator.radio.RadioKeys;
import org.openamr.simulator.radio.RadioSecurity;
import org.openamr.simulator.radio.RadioSettings;
import org.openamr.simulator.radio.RadioSource;
import org.openamr.simulator.radio.RadioTcpServer;
import org.openamr.simulator.radio.TelegramLineFormat;
import org.openamr.simulator.radio.TelegramTruth;
import org.openamr.simulator.radio.TruthValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole radio path without hardware: {@code openamr simulate radio} writes a replay file of encrypted telegrams
 * (security modes 5 and 7) with the meters' keys and the truth, and {@code openamr listen} fed with that file and
 * keys prints, telegram by telegram, exactly the values of the truth; and the same live, over the simulator's TCP
 * stream in rtl_wmbus's text format.
 */
class ListenSimulatorTruthIT {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void listenFedWithTheSimulatorsReplayPrintsTheSimulatorsTruth(@TempDir Path dir) throws Exception {
        Path replay = dir.resolve("radio.txt");
        Path keys = dir.resolve("keys.txt");
        Path truthFile = dir.resolve("truth.json");
        CliRun sim = CliRun.of("simulate", "radio", "--meters", "12", "--security", "mixed", "--interval", "120s",
                "--period", "2h", "--seed", "11", "--out", replay.toString(), "--keys-out", keys.toString(),
                "--truth-out", truthFile.toString());
        assertThat(sim.exit()).as(sim.err()).isZero();

        CliRun heard = CliRun.of("listen", "replay:" + replay, "--json", "--keys", keys.toString());
        assertThat(heard.exit()).as(heard.err()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : heard.out().lines().toList()) {
            lines.add(json.readTree(l));
        }
        JsonNode summary = lines.remove(lines.size() - 1).get("summary");
        JsonNode truth = json.readTree(truthFile.toFile());
        JsonNode expected = truth.get("telegrams");

        assertThat(expected.size()).as("two hours of 12 meters every two minutes").isGreaterThan(600);
        assertThat(lines).hasSize(expected.size());
        int mode7 = 0;
        for (int i = 0; i < expected.size(); i++) {
            JsonNode want = expected.get(i);
            JsonNode got = lines.get(i);
            String where = "telegram " + i + " of meter " + want.get("id").asString();
            assertThat(got.has("error")).as(where + ": " + got).isFalse();
            assertThat(got.get("header").get("id").asString()).as(where).isEqualTo(want.get("id").asString());
            assertThat(got.get("header").get("manufacturer").asString()).as(where)
                    .isEqualTo(want.get("manufacturer").asString());
            assertThat(got.get("header").get("accessNumber").asInt()).as(where)
                    .isEqualTo(want.get("accessNumber").asInt());
            assertThat(got.get("receivedAt").asString()).as(where).isEqualTo(want.get("at").asString());
            mode7 += got.get("header").get("securityMode").asInt() == 7 ? 1 : 0;
            JsonNode records = got.get("records");
            JsonNode values = want.get("values");
            assertThat(records.size()).as(where).isEqualTo(values.size());
            for (int j = 0; j < values.size(); j++) {
                JsonNode r = records.get(j);
                JsonNode v = values.get(j);
                String what = where + ", value " + v.get("register").asString();
                assertThat(r.get("quantity").asString()).as(what).isEqualTo(v.get("quantity").asString());
                assertThat(r.get("storage").asInt()).as(what).isEqualTo(v.get("storage").asInt());
                assertThat(r.get("tariff").asInt()).as(what).isEqualTo(v.get("tariff").asInt());
                assertThat(r.get("subunit").asInt()).as(what).isEqualTo(v.get("subunit").asInt());
                assertThat(r.get("unit").asString()).as(what).isEqualTo(v.get("unit").asString());
                // exact decimal strings: "12.340" is not "12.34"
                assertThat(r.get("value").asString()).as(what).isEqualTo(v.get("value").asString());
            }
        }
        assertThat(mode7).as("mixed security: modes 5 and 7 both heard").isBetween(1, expected.size() - 1);
        assertThat(summary.get("telegrams").asInt()).isEqualTo(expected.size());
        assertThat(summary.get("errors").size()).as("errors by kind").isZero();
        assertThat(summary.get("meters").size()).isEqualTo(12);
        for (JsonNode m : summary.get("meters")) {
            assertThat(m.get("readability").asString()).as(m.toString()).isEqualTo("decrypted");
        }
    }

    @Test
    void listenOnTheSimulatorsLiveRtlWmbusStreamDecodesEveryTelegramToItsTruth(@TempDir Path dir) throws Exception {
        RadioSettings settings = new RadioSettings(5, 6, RadioSecurity.MIXED, Duration.ofSeconds(60),
                Duration.ofSeconds(6), Instant.parse("2026-11-24T10:00:00Z"), Duration.ofMinutes(20));
        Map<String, TelegramTruth> truth = new HashMap<>();
        new RadioSource(settings).telegrams().forEachRemaining(t -> truth.put(key(t.truth().id(),
                t.truth().accessNumber()), t.truth()));
        Path keys = dir.resolve("keys.txt");
        RadioKeys.write(keys, new RadioSource(settings).meters());

        // 20 simulated minutes in 10 s; listen connects at once and reads until the simulator, its period over,
        // closes the stream (as `openamr simulate radio --tcp` does at the end of --period)
        CompletableFuture<CliRun> listening;
        try (RadioTcpServer sim = RadioTcpServer.start(new RadioSource(settings),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), TelegramLineFormat.RTL_WMBUS, 120)) {
            listening = CompletableFuture.supplyAsync(() -> CliRun.of("listen", "rtl-wmbus:tcp:127.0.0.1:"
                    + sim.port(), "--json", "--keys", keys.toString()));
            assertThat(sim.awaitEnd(2, TimeUnit.MINUTES)).as("the simulated period ends").isTrue();
        }
        CliRun heard = listening.get(2, TimeUnit.MINUTES);
        assertThat(heard.exit()).as(heard.err()).isZero();
        List<String> lines = heard.out().lines().toList();
        assertThat(lines.size()).as("telegrams heard, then the summary").isGreaterThan(20);
        for (String l : lines.subList(0, lines.size() - 1)) {
            JsonNode got = json.readTree(l);
            assertThat(got.has("error")).as(l).isFalse();
            TelegramTruth want = truth.get(key(got.get("header").get("id").asString(),
                    got.get("header").get("accessNumber").asInt()));
            assertThat(want).as("a telegram the simulator sent: " + l).isNotNull();
            JsonNode records = got.get("records");
            assertThat(records.size()).isEqualTo(want.values().size());
            for (int j = 0; j < records.size(); j++) {
                TruthValue v = want.values().get(j);
                assertThat(records.get(j).get("value").asString()).as(l).isEqualTo(v.text());
                assertThat(records.get(j).get("unit").asString()).as(l).isEqualTo(v.unit().symbol());
            }
        }
    }

    private static String key(String id, int accessNumber) {
        return id + "/" + accessNumber;
    }
}
