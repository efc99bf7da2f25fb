package org.openamr.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

/** The API's limits: body size, field lengths, time parameters; each refusal says what and why. */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiLimitsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    World w;
    Api admin;

    @BeforeAll
    void world() {
        w = World.in(jdbc, passwords.encode("correct horse battery"));
        admin = new Api(port, w.tokens.get(Role.ADMIN));
    }

    private long organisations() {
        return jdbc.sql("select count(*) from organisation").query(Long.class).single();
    }

    @Test
    void aBodyOverOneMegabyteIsRefusedWith413AndNothingIsStored() throws Exception {
        long before = organisations();
        String huge = "{\"kind\":\"MANAGEMENT\",\"name\":\"" + "Я".repeat(1_100_000) + "\"}";
        Api.Response r = admin.post("/api/v1/organisations", huge);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString())
                .isEqualTo("the request body has " + huge.getBytes(StandardCharsets.UTF_8).length
                        + " bytes; the API accepts at most 1048576 bytes per request");

        // sent in chunks, without a length up front
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/organisations"))
                .header("Authorization", "Bearer " + w.tokens.get(Role.ADMIN)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> c = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(c.statusCode()).isEqualTo(413);
        assertThat(c.body()).contains("more than 1048576 bytes");
        assertThat(organisations()).isEqualTo(before);

        HttpRequest small = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/organisations"))
                .header("Authorization", "Bearer " + w.tokens.get(Role.ADMIN)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        "{\"kind\":\"MANAGEMENT\",\"name\":\"УК chunked\"}".getBytes(StandardCharsets.UTF_8))))
                .build();
        assertThat(HttpClient.newHttpClient().send(small, HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("a small chunked body is read as before").isEqualTo(201);
    }

    @Test
    void aNameOrAddressTooLongIsRefusedNamingTheFieldWithoutRepeatingIt() {
        long before = organisations();
        Api.Response r = admin.post("/api/v1/organisations",
                "{\"kind\":\"MANAGEMENT\",\"name\":\"" + "x".repeat(5000) + "\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).startsWith("name: ").contains("200")
                .endsWith("(was 5000 characters)");
        assertThat(organisations()).isEqualTo(before);

        Api.Response b = admin.post("/api/v1/buildings", "{\"address\":\"" + "ул. ".repeat(200)
                + "\",\"managementCompany\":\"" + w.managementA + "\"}");
        assertThat(b.status()).isEqualTo(400);
        assertThat(b.json().get("detail").asString()).startsWith("address: ").contains("300");
    }

    @Test
    void aTimeParameterOutsideTheYearsOfMeteringIsRefusedNamingIt() {
        String far = "-999999999-01-01T00:00:00Z";
        Api.Response consumption = admin.get("/api/v1/consumption?building=" + w.buildingA
                + "&resource=HEAT&from=" + far + "&to=2026-11-01");
        assertThat(consumption.status()).isEqualTo(400);
        assertThat(consumption.json().get("detail").asString()).isEqualTo("parameter 'from': " + far
                + " is outside the allowed range 1900-01-01T00:00:00Z to 2200-01-01T00:00:00Z");

        Api.Response readings = admin.get("/api/v1/meters/" + w.meterA1 + "/readings?from=" + far);
        assertThat(readings.status()).isEqualTo(400);
        assertThat(readings.json().get("detail").asString()).startsWith("parameter 'from': ")
                .contains("outside the allowed range");
        Api.Response events = admin.get("/api/v1/events?to=%2B50000-01-01T00:00:00Z");
        assertThat(events.status()).isEqualTo(400);
        assertThat(events.json().get("detail").asString()).startsWith("parameter 'to'");
    }
}
