package org.openamr.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openamr.server.security.ApiTokenFilter;
import org.openamr.server.security.Role;
import org.openamr.server.support.Prometheus;
import org.openamr.server.support.ServerTest;
import org.openamr.server.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who sees what under {@code /actuator}, on the real server: health, liveness and readiness for anyone, their
 * details only for an administrator; the metrics for an administrator's API token or the scrape token, 401
 * without, 403 for other roles; nothing else of the actuator.
 */
@ServerTest
@TestPropertySource(properties = "openamr.metrics.token=" + Prometheus.TOKEN)
class MonitoringEndpointsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReadingTableSize tableSize;

    World w;

    @BeforeEach
    void world() {
        w = World.in(jdbc, "{noop}unused");
    }

    private HttpResponse<String> get(String path, String token) {
        return Prometheus.get(port, path, token);
    }

    private JsonNode json(String path, String token) {
        HttpResponse<String> r = get(path, token);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void readinessAndLivenessAreUpForAnyoneWithoutDetails() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"}) {
            JsonNode health = json(path, null);
            assertThat(health.get("status").asString()).as(path).isEqualTo("UP");
            assertThat(health.has("components")).as(path + " shows no components to an anonymous caller").isFalse();
            assertThat(health.has("details")).as(path).isFalse();
        }
    }

    @Test
    void detailsAreShownToAnAdministratorOnly() {
        for (Role role : new Role[] {Role.MANAGER, Role.OPERATOR, Role.RESIDENT}) {
            JsonNode health = json("/actuator/health", w.tokens.get(role));
            assertThat(health.get("status").asString()).isEqualTo("UP");
            assertThat(health.has("components")).as(role + " sees no components").isFalse();
        }
        assertThat(json("/actuator/health", Prometheus.TOKEN).has("components"))
                .as("the scrape token reads metrics, not health details").isFalse();

        JsonNode readiness = json("/actuator/health/readiness", w.tokens.get(Role.ADMIN));
        JsonNode components = readiness.get("components");
        assertThat(components.propertyNames()).containsExactlyInAnyOrder("readinessState", "database", "migrations",
                "schedulers");
        components.forEach(c -> assertThat(c.get("status").asString()).isEqualTo("UP"));
        assertThat(components.get("database").get("details").get("url").asString()).startsWith("jdbc:postgresql:");
        JsonNode migrations = components.get("migrations").get("details");
        assertThat(migrations.get("pending").isEmpty()).isTrue();
        assertThat(migrations.get("version").asString()).isEqualTo(newestMigration());
        // the poll schedule and the report schedule run in every test server; alarms are off in tests
        assertThat(components.get("schedulers").get("details").propertyNames())
                .contains("PollScheduler.tick", "SubscriptionRunner.tick", "ReadingTableSize.refresh")
                .doesNotContain("AlarmScheduler.tick");
        assertThat(components.get("schedulers").get("details").get("PollScheduler.tick").get("late").asBoolean())
                .isFalse();

        JsonNode all = json("/actuator/health", w.tokens.get(Role.ADMIN)).get("components");
        assertThat(all.propertyNames()).contains("database", "migrations", "schedulers", "diskSpace",
                "livenessState", "readinessState").doesNotContain("db");
    }

    private String newestMigration() {
        return jdbc.sql("select version from flyway_schema_history where success order by installed_rank desc limit 1")
                .query(String.class).single();
    }

    @Test
    void metricsNeedAnAdministratorsTokenOrTheScrapeToken() {
        HttpResponse<String> anonymous = get("/actuator/prometheus", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"openamr-metrics\"");
        assertThat(anonymous.body()).contains("openamr.metrics.token").doesNotContain("openamr_");
        assertThat(get("/actuator/prometheus", Prometheus.TOKEN + "x").statusCode()).as("a wrong scrape token")
                .isEqualTo(401);
        assertThat(get("/actuator/prometheus", ApiTokenFilter.PREFIX + "forged").statusCode()).isEqualTo(401);
        // other roles: 403 (AccessMatrixTest)
        HttpResponse<String> manager = get("/actuator/prometheus", w.tokens.get(Role.MANAGER));
        assertThat(manager.statusCode()).isEqualTo(403);
        assertThat(manager.body()).doesNotContain("openamr_");
        for (String token : new String[] {w.tokens.get(Role.ADMIN), Prometheus.TOKEN}) {
            HttpResponse<String> r = get("/actuator/prometheus", token);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("openamr_polls_started_total{kind=\"TCP_GATEWAY\"}",
                    "openamr_reading_table_size_bytes", "hikaricp_connections_active");
        }
    }

    @Test
    void noOtherActuatorEndpointIsReachable() {
        assertThat(json("/actuator/info", null)).isNotNull();
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/heapdump",
                "/actuator/loggers", "/actuator/flyway", "/actuator/metrics", "/actuator"}) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, w.tokens.get(Role.ADMIN)).statusCode()).as(path).isIn(403, 404);
        }
    }

    @Test
    void theReadingTablesSizeIsItsPartitionsOnDisk() {
        tableSize.refresh();
        long onDisk = jdbc.sql("""
                select sum(pg_total_relation_size(c.oid)) from pg_class c join pg_inherits i on i.inhrelid = c.oid
                where i.inhparent = 'reading'::regclass""").query(Long.class).single();
        assertThat(onDisk).as("the world's readings have a partition").isPositive();
        assertThat(Prometheus.scrape(port).value("openamr_reading_table_size_bytes", Map.of()))
                .isEqualTo((double) onDisk);
    }
}
