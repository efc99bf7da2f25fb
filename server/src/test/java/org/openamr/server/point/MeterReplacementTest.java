package org.openamr.server.point;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openamr.server.security.Role;
import org.openamr.server.support.Api;
import org.openamr.server.support.ServerTest;
import org.openamr.server.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/** Registering an apartment's meter through the API, replacing it, and what the audit log keeps. */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeterReplacementTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    World w;
    Api operator;

    @BeforeAll
    void world() {
        w = World.in(jdbc, passwords.encode("correct horse battery"));
        operator = new Api(port, w.tokens.get(Role.OPERATOR));
    }

    @Test
    void aReplacedMeterStaysInThePointsHistoryWithItsFinalValue() {
        String premise = operator.post("/api/v1/premises", "{\"building\":\"" + w.buildingA
                + "\",\"number\":\"77\",\"kind\":\"APARTMENT\",\"entrance\":1,\"areaM2\":54.30}").json().get("id").asString();
        String point = operator.post("/api/v1/points", "{\"premise\":\"" + premise + "\",\"resource\":\"COLD_WATER\"}")
                .json().get("id").asString();
        String oldMeter = operator.post("/api/v1/meters", "{\"manufacturer\":\"ZRI\",\"serial\":\"55000001\","
                + "\"channel\":\"" + w.channelA + "\",\"registerDigits\":8}").json().get("id").asString();
        String newMeter = operator.post("/api/v1/meters", "{\"manufacturer\":\"ZRI\",\"serial\":\"55000002\","
                + "\"channel\":\"" + w.channelA + "\"}").json().get("id").asString();

        assertThat(operator.post("/api/v1/points/" + point + "/installations", "{\"meter\":\"" + oldMeter
                + "\",\"installedAt\":\"2025-05-01T00:00:00Z\",\"initialValue\":\"0.000\"}").status()).isEqualTo(201);
        Api.Response replaced = operator.post("/api/v1/points/" + point + "/installations", "{\"meter\":\"" + newMeter
                + "\",\"installedAt\":\"2026-02-15T09:00:00Z\",\"initialValue\":\"0.012\",\"previousFinalValue\":\"345.678\"}");
        assertThat(replaced.status()).isEqualTo(201);
        JsonNode history = replaced.json().get("installations");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("meter").asString()).isEqualTo(oldMeter);
        assertThat(history.get(0).get("removedAt").asString()).isEqualTo("2026-02-15T09:00:00Z");
        assertThat(history.get(0).get("finalValue").decimalValue()).isEqualByComparingTo("345.678");
        assertThat(history.get(1).get("meter").asString()).isEqualTo(newMeter);
        assertThat(history.get(1).has("removedAt") && !history.get(1).get("removedAt").isNull()).isFalse();

        String kitchen = operator.post("/api/v1/points", "{\"premise\":\"" + premise
                + "\",\"resource\":\"COLD_WATER\",\"name\":\"kitchen\"}").json().get("id").asString();
        Api.Response twice = operator.post("/api/v1/points/" + kitchen + "/installations", "{\"meter\":\"" + newMeter
                + "\",\"installedAt\":\"2026-03-01T00:00:00Z\"}");
        assertThat(twice.status()).as("one register counts for one point at a time").isEqualTo(409);
        assertThat(twice.contentType()).startsWith("application/problem+json");
        assertThat(twice.json().get("detail").asString()).contains("already installed at point");

        assertThat(jdbc.sql("select count(*) from audit_log where entity = 'meter_installation' and actor = 'user:operator'")
                .query(Long.class).single()).as("insert, update (removal), insert").isEqualTo(3L);
        JsonNode audit = new Api(port, w.tokens.get(Role.ADMIN))
                .get("/api/v1/audit?entity=meter_installation&actor=user:operator").json();
        assertThat(audit.get("total").asLong()).isEqualTo(3);
        assertThat(audit.get("items").get(1).get("action").asString()).isEqualTo("UPDATE");
        assertThat(audit.get("items").get(1).get("after").asString()).contains("345.678");
    }

    @Test
    void aPulseInputsPointIsMadeWithItsSubunitAndTheMetersRegistersShareNoPoint() {
        String premise = operator.post("/api/v1/premises", "{\"building\":\"" + w.buildingA
                + "\",\"number\":\"78\",\"kind\":\"APARTMENT\"}").json().get("id").asString();
        Api.Response heat = operator.post("/api/v1/points", "{\"premise\":\"" + premise + "\",\"resource\":\"HEAT\"}");
        Api.Response cold = operator.post("/api/v1/points", "{\"premise\":\"" + premise
                + "\",\"resource\":\"COLD_WATER\",\"subunit\":1}");
        assertThat(heat.json().get("subunit").asInt()).as("the meter itself when not given").isZero();
        assertThat(cold.status()).isEqualTo(201);
        assertThat(cold.json().get("subunit").asInt()).isEqualTo(1);
        String sonoSafe = operator.post("/api/v1/meters", "{\"manufacturer\":\"DFS\",\"serial\":\"71000078\","
                + "\"channel\":\"" + w.channelA + "\"}").json().get("id").asString();
        for (Api.Response point : List.of(heat, cold)) {
            assertThat(operator.post("/api/v1/points/" + point.json().get("id").asString() + "/installations",
                    "{\"meter\":\"" + sonoSafe + "\",\"installedAt\":\"2026-01-01T00:00:00Z\"}").status())
                    .as("one SonoSafe counts heat on itself and cold water on its pulse input 1").isEqualTo(201);
        }
        Api.Response tooBig = operator.post("/api/v1/points", "{\"premise\":\"" + premise
                + "\",\"resource\":\"HOT_WATER\",\"subunit\":1024}");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().toString()).contains("subunit");
    }

    @Test
    void badInputIsAProblemThatSaysWhatAndWhere() {
        Api.Response page = operator.get("/api/v1/premises?size=5000");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.json().get("detail").asString()).contains("size must be 1–1000, was 5000");
        Api.Response zone = new Api(port, w.tokens.get(Role.ADMIN)).post("/api/v1/buildings",
                "{\"address\":\"x\",\"managementCompany\":\"" + w.managementA + "\",\"timeZone\":\"Moscow\"}");
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.json().get("detail").asString()).contains("timeZone 'Moscow'");
        Api.Response key = operator.put("/api/v1/meters/" + w.meterA1 + "/key", "{\"key\":\"00\"}");
        assertThat(key.status()).isEqualTo(400);
        assertThat(key.body()).contains("32 hex digits");
        assertThat(key.body()).doesNotContain("at org.");
        Api.Response broken = operator.post("/api/v1/premises", "{\"building\": ");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("detail").asString()).startsWith("the request body is not valid JSON");
        Api.Response uuid = operator.get("/api/v1/meters/not-a-uuid");
        assertThat(uuid.status()).isEqualTo(400);
        assertThat(uuid.json().get("detail").asString()).contains("'not-a-uuid' is not a valid UUID");
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        Api.Response docs = operator.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/api/v1/points/{id}/installations")).isTrue();
        assertThat(paths.has("/api/v1/meters/{id}/readings")).isTrue();
    }
}
