package org.openamr.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openamr.server.support.ServerTest;
import org.openamr.server.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Calls every endpoint of the API as every role, on the caller's own apartment, on a neighbour's
 * (same building) and on another company's building, and checks three things: the status (allowed,
 * denied, or hidden as 404), that no response body carries an identifier of something the caller
 * may not see, and that a refused change changed nothing (the audit log did not grow). The matrix
 * is printed. An endpoint added without a row here fails the test.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    enum Target { OWN, NEIGHBOUR, FOREIGN, NONE }

    /** How an endpoint decides: the expectation per role and target follows from it. */
    enum Rule {
        READ, LIST, EDIT, ADMIN_ONLY, OPERATE, SELF,
        /** report and alarm subscriptions: companies' users and administrators; residents 403 */
        SUBSCRIBE,
        /** one of them, owned by the manager: the manager and administrators; the operator 404, residents 403 */
        OWNED
    }

    enum Outcome { OK, DENIED, HIDDEN }

    record Call(String method, String pattern, Rule rule, Target target, Supplier<String> path, Supplier<String> body) {
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    World w;
    final HttpClient http = HttpClient.newHttpClient();
    final AtomicInteger unique = new AtomicInteger(100);

    @BeforeAll
    void world() {
        w = World.in(jdbc, passwords.encode("correct horse battery"));
    }

    List<Call> calls() {
        List<Call> c = new ArrayList<>();
        // organisations
        c.add(new Call("GET", "/api/v1/organisations", Rule.LIST, Target.NONE, () -> "/api/v1/organisations", null));
        c.add(new Call("GET", "/api/v1/organisations/{id}", Rule.READ, Target.OWN, () -> "/api/v1/organisations/" + w.managementA, null));
        c.add(new Call("GET", "/api/v1/organisations/{id}", Rule.READ, Target.FOREIGN, () -> "/api/v1/organisations/" + w.managementB, null));
        c.add(new Call("POST", "/api/v1/organisations", Rule.ADMIN_ONLY, Target.NONE, () -> "/api/v1/organisations",
                () -> "{\"kind\":\"SERVICE\",\"name\":\"Новая " + unique.incrementAndGet() + "\"}"));
        c.add(new Call("PUT", "/api/v1/organisations/{id}", Rule.ADMIN_ONLY, Target.FOREIGN, () -> "/api/v1/organisations/" + w.serviceB,
                () -> "{\"kind\":\"SERVICE\",\"name\":\"Сервис Б\"}"));
        // buildings
        c.add(new Call("GET", "/api/v1/buildings", Rule.LIST, Target.NONE, () -> "/api/v1/buildings", null));
        c.add(new Call("GET", "/api/v1/buildings/{id}", Rule.READ, Target.OWN, () -> "/api/v1/buildings/" + w.buildingA, null));
        c.add(new Call("GET", "/api/v1/buildings/{id}", Rule.READ, Target.FOREIGN, () -> "/api/v1/buildings/" + w.buildingB, null));
        c.add(new Call("POST", "/api/v1/buildings", Rule.ADMIN_ONLY, Target.NONE, () -> "/api/v1/buildings",
                () -> "{\"address\":\"ул. Новая, " + unique.incrementAndGet() + "\",\"managementCompany\":\"" + w.managementA + "\"}"));
        c.add(new Call("PUT", "/api/v1/buildings/{id}", Rule.EDIT, Target.NEIGHBOUR, () -> "/api/v1/buildings/" + w.buildingA,
                () -> "{\"address\":\"ул. Первая, 1\"}"));
        c.add(new Call("PUT", "/api/v1/buildings/{id}", Rule.EDIT, Target.FOREIGN, () -> "/api/v1/buildings/" + w.buildingB,
                () -> "{\"address\":\"ул. Вторая, 2\"}"));
        c.add(new Call("POST", "/api/v1/buildings/{id}/entrances", Rule.EDIT, Target.NEIGHBOUR,
                () -> "/api/v1/buildings/" + w.buildingA + "/entrances", () -> "{\"number\":" + unique.incrementAndGet() + "}"));
        c.add(new Call("POST", "/api/v1/buildings/{id}/entrances", Rule.EDIT, Target.FOREIGN,
                () -> "/api/v1/buildings/" + w.buildingB + "/entrances", () -> "{\"number\":" + unique.incrementAndGet() + "}"));
        // premises
        c.add(new Call("GET", "/api/v1/premises", Rule.LIST, Target.NONE, () -> "/api/v1/premises", null));
        c.add(new Call("GET", "/api/v1/premises/{id}", Rule.READ, Target.OWN, () -> "/api/v1/premises/" + w.premiseA1, null));
        c.add(new Call("GET", "/api/v1/premises/{id}", Rule.READ, Target.NEIGHBOUR, () -> "/api/v1/premises/" + w.premiseA2, null));
        c.add(new Call("GET", "/api/v1/premises/{id}", Rule.READ, Target.FOREIGN, () -> "/api/v1/premises/" + w.premiseB1, null));
        c.add(new Call("POST", "/api/v1/premises", Rule.EDIT, Target.NEIGHBOUR, () -> "/api/v1/premises",
                () -> "{\"building\":\"" + w.buildingA + "\",\"number\":\"" + unique.incrementAndGet() + "\",\"kind\":\"APARTMENT\"}"));
        c.add(new Call("POST", "/api/v1/premises", Rule.EDIT, Target.FOREIGN, () -> "/api/v1/premises",
                () -> "{\"building\":\"" + w.buildingB + "\",\"number\":\"" + unique.incrementAndGet() + "\",\"kind\":\"APARTMENT\"}"));
        c.add(new Call("PUT", "/api/v1/premises/{id}", Rule.EDIT, Target.OWN, () -> "/api/v1/premises/" + w.premiseA1,
                () -> "{\"building\":\"" + w.buildingA + "\",\"number\":\"1\",\"kind\":\"APARTMENT\",\"entrance\":1}"));
        c.add(new Call("PUT", "/api/v1/premises/{id}", Rule.EDIT, Target.FOREIGN, () -> "/api/v1/premises/" + w.premiseB1,
                () -> "{\"building\":\"" + w.buildingB + "\",\"number\":\"1\",\"kind\":\"APARTMENT\"}"));
        // metering points
        c.add(new Call("GET", "/api/v1/points", Rule.LIST, Target.NONE, () -> "/api/v1/points", null));
        c.add(new Call("GET", "/api/v1/points/{id}", Rule.READ, Target.OWN, () -> "/api/v1/points/" + w.pointA1, null));
        c.add(new Call("GET", "/api/v1/points/{id}", Rule.READ, Target.NEIGHBOUR, () -> "/api/v1/points/" + w.pointAHouse, null));
        c.add(new Call("GET", "/api/v1/points/{id}", Rule.READ, Target.FOREIGN, () -> "/api/v1/points/" + w.pointB1, null));
        c.add(new Call("POST", "/api/v1/points", Rule.EDIT, Target.NEIGHBOUR, () -> "/api/v1/points",
                () -> "{\"premise\":\"" + w.premiseA2 + "\",\"resource\":\"GAS\",\"name\":\"n" + unique.incrementAndGet() + "\"}"));
        c.add(new Call("POST", "/api/v1/points", Rule.EDIT, Target.FOREIGN, () -> "/api/v1/points",
                () -> "{\"building\":\"" + w.buildingB + "\",\"resource\":\"GAS\",\"name\":\"n" + unique.incrementAndGet() + "\"}"));
        c.add(new Call("POST", "/api/v1/points/{id}/installations", Rule.EDIT, Target.NEIGHBOUR,
                () -> "/api/v1/points/" + w.pointA2 + "/installations", () -> installation()));
        c.add(new Call("POST", "/api/v1/points/{id}/installations", Rule.EDIT, Target.FOREIGN,
                () -> "/api/v1/points/" + w.pointB1 + "/installations", () -> installation()));
        c.add(new Call("POST", "/api/v1/points/{id}/removal", Rule.EDIT, Target.FOREIGN,
                () -> "/api/v1/points/" + w.pointB1 + "/removal", () -> "{\"removedAt\":\"2026-12-31T00:00:00Z\"}"));
        // meters, readings, events
        c.add(new Call("GET", "/api/v1/meters", Rule.LIST, Target.NONE, () -> "/api/v1/meters", null));
        c.add(new Call("GET", "/api/v1/meters/{id}", Rule.READ, Target.OWN, () -> "/api/v1/meters/" + w.meterA1, null));
        c.add(new Call("GET", "/api/v1/meters/{id}", Rule.READ, Target.NEIGHBOUR, () -> "/api/v1/meters/" + w.meterA2, null));
        c.add(new Call("GET", "/api/v1/meters/{id}", Rule.READ, Target.FOREIGN, () -> "/api/v1/meters/" + w.meterB1, null));
        c.add(new Call("POST", "/api/v1/meters", Rule.EDIT, Target.NONE, () -> "/api/v1/meters",
                () -> "{\"manufacturer\":\"ZRI\",\"serial\":\"" + (30000000 + unique.incrementAndGet()) + "\"}"));
        c.add(new Call("PUT", "/api/v1/meters/{id}", Rule.EDIT, Target.NEIGHBOUR, () -> "/api/v1/meters/" + w.meterA2,
                () -> "{\"manufacturer\":\"DFS\",\"serial\":\"10000002\",\"channel\":\"" + w.channelA + "\"}"));
        c.add(new Call("PUT", "/api/v1/meters/{id}", Rule.EDIT, Target.FOREIGN, () -> "/api/v1/meters/" + w.meterB1,
                () -> "{\"manufacturer\":\"DFS\",\"serial\":\"20000001\"}"));
        c.add(new Call("PUT", "/api/v1/meters/{id}/key", Rule.EDIT, Target.OWN, () -> "/api/v1/meters/" + w.meterA1 + "/key",
                () -> "{\"key\":\"000102030405060708090A0B0C0D0E0F\"}"));
        c.add(new Call("PUT", "/api/v1/meters/{id}/key", Rule.EDIT, Target.FOREIGN, () -> "/api/v1/meters/" + w.meterB1 + "/key",
                () -> "{\"key\":\"000102030405060708090A0B0C0D0E0F\"}"));
        c.add(new Call("GET", "/api/v1/meters/{id}/readings", Rule.READ, Target.OWN,
                () -> "/api/v1/meters/" + w.meterA1 + "/readings?from=2026-01-01T00:00:00Z", null));
        c.add(new Call("GET", "/api/v1/meters/{id}/readings", Rule.READ, Target.NEIGHBOUR,
                () -> "/api/v1/meters/" + w.meterA2 + "/readings?from=2026-01-01T00:00:00Z", null));
        c.add(new Call("GET", "/api/v1/meters/{id}/readings", Rule.READ, Target.FOREIGN,
                () -> "/api/v1/meters/" + w.meterB1 + "/readings?from=2026-01-01T00:00:00Z", null));
        c.add(new Call("GET", "/api/v1/events", Rule.LIST, Target.NONE, () -> "/api/v1/events", null));
        // channels, polling, jobs
        UUID[] runA = w.runAndJob(w.channelA);
        UUID[] runB = w.runAndJob(w.channelB);
        c.add(new Call("GET", "/api/v1/channels", Rule.LIST, Target.NONE, () -> "/api/v1/channels", null));
        c.add(new Call("GET", "/api/v1/channels/{id}", Rule.READ, Target.NEIGHBOUR, () -> "/api/v1/channels/" + w.channelA, null));
        c.add(new Call("GET", "/api/v1/channels/{id}", Rule.READ, Target.FOREIGN, () -> "/api/v1/channels/" + w.channelB, null));
        c.add(new Call("GET", "/api/v1/channels/{id}/runs", Rule.READ, Target.NEIGHBOUR, () -> "/api/v1/channels/" + w.channelA + "/runs", null));
        c.add(new Call("GET", "/api/v1/channels/{id}/runs", Rule.READ, Target.FOREIGN, () -> "/api/v1/channels/" + w.channelB + "/runs", null));
        c.add(new Call("GET", "/api/v1/channels/{id}/runs/{runId}", Rule.READ, Target.NEIGHBOUR,
                () -> "/api/v1/channels/" + w.channelA + "/runs/" + runA[0], null));
        c.add(new Call("GET", "/api/v1/channels/{id}/runs/{runId}", Rule.READ, Target.FOREIGN,
                () -> "/api/v1/channels/" + w.channelB + "/runs/" + runB[0], null));
        c.add(new Call("GET", "/api/v1/jobs/{id}", Rule.READ, Target.NEIGHBOUR, () -> "/api/v1/jobs/" + runA[1], null));
        c.add(new Call("GET", "/api/v1/jobs/{id}", Rule.READ, Target.FOREIGN, () -> "/api/v1/jobs/" + runB[1], null));
        c.add(new Call("POST", "/api/v1/channels", Rule.OPERATE, Target.NEIGHBOUR, () -> "/api/v1/channels",
                () -> "{\"kind\":\"TCP_GATEWAY\",\"name\":\"n" + unique.incrementAndGet() + "\",\"buildingId\":\"" + w.buildingA
                        + "\",\"address\":\"tcp://127.0.0.1:9\"}"));
        c.add(new Call("POST", "/api/v1/channels", Rule.OPERATE, Target.FOREIGN, () -> "/api/v1/channels",
                () -> "{\"kind\":\"TCP_GATEWAY\",\"name\":\"n" + unique.incrementAndGet() + "\",\"buildingId\":\"" + w.buildingB
                        + "\",\"address\":\"tcp://127.0.0.1:9\"}"));
        c.add(new Call("PATCH", "/api/v1/channels/{id}", Rule.OPERATE, Target.NEIGHBOUR, () -> "/api/v1/channels/" + w.channelA,
                () -> "{\"name\":\"Шлюз А\"}"));
        c.add(new Call("PATCH", "/api/v1/channels/{id}", Rule.OPERATE, Target.FOREIGN, () -> "/api/v1/channels/" + w.channelB,
                () -> "{\"name\":\"Шлюз Б\"}"));
        c.add(new Call("DELETE", "/api/v1/channels/{id}", Rule.OPERATE, Target.NEIGHBOUR,
                () -> "/api/v1/channels/" + w.emptyChannel(true, "TCP_GATEWAY"), null));
        c.add(new Call("DELETE", "/api/v1/channels/{id}", Rule.OPERATE, Target.FOREIGN,
                () -> "/api/v1/channels/" + w.emptyChannel(false, "TCP_GATEWAY"), null));
        c.add(new Call("POST", "/api/v1/channels/{id}/token", Rule.OPERATE, Target.NEIGHBOUR,
                () -> "/api/v1/channels/" + w.emptyChannel(true, "CONCENTRATOR") + "/token", null));
        c.add(new Call("POST", "/api/v1/channels/{id}/token", Rule.OPERATE, Target.FOREIGN,
                () -> "/api/v1/channels/" + w.emptyChannel(false, "CONCENTRATOR") + "/token", null));
        c.add(new Call("POST", "/api/v1/channels/{id}/poll", Rule.OPERATE, Target.NEIGHBOUR,
                () -> "/api/v1/channels/" + w.emptyChannel(true, "TCP_GATEWAY") + "/poll", null));
        c.add(new Call("POST", "/api/v1/channels/{id}/poll", Rule.OPERATE, Target.FOREIGN,
                () -> "/api/v1/channels/" + w.emptyChannel(false, "TCP_GATEWAY") + "/poll", null));
        c.add(new Call("POST", "/api/v1/channels/{id}/search", Rule.OPERATE, Target.NEIGHBOUR,
                () -> "/api/v1/channels/" + w.emptyChannel(true, "TCP_GATEWAY") + "/search?mode=primary&from=1&to=1", null));
        c.add(new Call("POST", "/api/v1/channels/{id}/search", Rule.OPERATE, Target.FOREIGN,
                () -> "/api/v1/channels/" + w.emptyChannel(false, "TCP_GATEWAY") + "/search?mode=primary&from=1&to=1", null));
        String month = "&resource=HEAT&from=2026-01-01&to=2026-02-01&resolution=DAY";
        c.add(new Call("GET", "/api/v1/consumption", Rule.READ, Target.OWN, () -> "/api/v1/consumption?point=" + w.pointA1 + month, null));
        c.add(new Call("GET", "/api/v1/consumption", Rule.READ, Target.OWN, () -> "/api/v1/consumption?premise=" + w.premiseA1 + month, null));
        c.add(new Call("GET", "/api/v1/consumption", Rule.READ, Target.NEIGHBOUR, () -> "/api/v1/consumption?premise=" + w.premiseA2 + month, null));
        c.add(new Call("GET", "/api/v1/consumption", Rule.READ, Target.NEIGHBOUR, () -> "/api/v1/consumption?building=" + w.buildingA + month, null));
        c.add(new Call("GET", "/api/v1/consumption", Rule.READ, Target.FOREIGN, () -> "/api/v1/consumption?building=" + w.buildingB + month, null));
        c.add(new Call("GET", "/api/v1/consumption", Rule.READ, Target.FOREIGN, () -> "/api/v1/consumption?point=" + w.pointB1 + month, null));
        // a building's balance sums the neighbours' apartments: a resident's own building is a neighbour's here
        c.add(new Call("GET", "/api/v1/buildings/{id}/balance", Rule.READ, Target.NEIGHBOUR, () -> "/api/v1/buildings/" + w.buildingA + "/balance?" + month.substring(1), null));
        c.add(new Call("GET", "/api/v1/buildings/{id}/balance", Rule.READ, Target.FOREIGN, () -> "/api/v1/buildings/" + w.buildingB + "/balance?" + month.substring(1), null));
        // reports: a premise's statement is its resident's; a building's sums the neighbours'; none: what the caller sees
        String report = "&month=2026-01&format=csv";
        c.add(new Call("GET", "/api/v1/reports/{kind}", Rule.READ, Target.OWN, () -> "/api/v1/reports/statement?scope=" + w.premiseA1 + report, null));
        c.add(new Call("GET", "/api/v1/reports/{kind}", Rule.READ, Target.NEIGHBOUR, () -> "/api/v1/reports/statement?scope=" + w.premiseA2 + report, null));
        c.add(new Call("GET", "/api/v1/reports/{kind}", Rule.READ, Target.NEIGHBOUR, () -> "/api/v1/reports/statement?scope=" + w.buildingA + report, null));
        c.add(new Call("GET", "/api/v1/reports/{kind}", Rule.READ, Target.FOREIGN, () -> "/api/v1/reports/statement?scope=" + w.buildingB + report, null));
        c.add(new Call("GET", "/api/v1/reports/{kind}", Rule.LIST, Target.NONE, () -> "/api/v1/reports/statement?format=xml&month=2026-01", null));
        // the heat sheet is a building meter's: building A has one (building B has none, so it is not asked there)
        c.add(new Call("GET", "/api/v1/reports/{kind}", Rule.READ, Target.NEIGHBOUR, () -> "/api/v1/reports/heat-sheet?scope=" + w.buildingA + report, null));
        for (String kind : List.of("meters", "readings", "billing", "gis")) {
            c.add(new Call("GET", "/api/v1/reports/{kind}", Rule.READ, Target.OWN, () -> "/api/v1/reports/" + kind + "?scope=" + w.premiseA1 + report, null));
            c.add(new Call("GET", "/api/v1/reports/{kind}", Rule.READ, Target.NEIGHBOUR, () -> "/api/v1/reports/" + kind + "?scope=" + w.premiseA2 + report, null));
            c.add(new Call("GET", "/api/v1/reports/{kind}", Rule.READ, Target.FOREIGN, () -> "/api/v1/reports/" + kind + "?scope=" + w.buildingB + report, null));
            c.add(new Call("GET", "/api/v1/reports/{kind}", Rule.LIST, Target.NONE, () -> "/api/v1/reports/" + kind + "?format=xml&month=2026-01", null));
        }
        String subscriptions = "/api/v1/report-subscriptions";
        c.add(new Call("GET", subscriptions, Rule.SUBSCRIBE, Target.NONE, () -> subscriptions, null));
        c.add(new Call("POST", subscriptions, Rule.SUBSCRIBE, Target.NONE, () -> subscriptions,
                () -> "{\"name\":\"m" + unique.incrementAndGet() + "\",\"kind\":\"statement\",\"formats\":[\"csv\"],"
                        + "\"cron\":\"0 0 8 23 * *\",\"recipients\":[\"a@uk.example.ru\"]}"));
        c.add(new Call("GET", subscriptions + "/{id}", Rule.OWNED, Target.NONE, () -> subscriptions + "/" + managersSubscription(), null));
        c.add(new Call("GET", subscriptions + "/{id}/runs", Rule.OWNED, Target.NONE, () -> subscriptions + "/" + managersSubscription() + "/runs", null));
        c.add(new Call("POST", subscriptions + "/{id}/send", Rule.OWNED, Target.NONE, () -> subscriptions + "/" + managersSubscription() + "/send", () -> "{}"));
        c.add(new Call("DELETE", subscriptions + "/{id}", Rule.OWNED, Target.NONE, () -> subscriptions + "/" + managersSubscription(), null));
        // alarms: a fresh one each time, so that an acknowledgement allowed for one role leaves one for the next
        c.add(new Call("GET", "/api/v1/alarms", Rule.LIST, Target.NONE, () -> "/api/v1/alarms?state=all", null));
        c.add(new Call("GET", "/api/v1/alarms/{id}", Rule.READ, Target.OWN, () -> "/api/v1/alarms/" + alarm(w.pointA1), null));
        c.add(new Call("GET", "/api/v1/alarms/{id}", Rule.READ, Target.NEIGHBOUR, () -> "/api/v1/alarms/" + alarm(w.pointA2), null));
        c.add(new Call("GET", "/api/v1/alarms/{id}", Rule.READ, Target.FOREIGN, () -> "/api/v1/alarms/" + alarm(w.pointB1), null));
        c.add(new Call("POST", "/api/v1/alarms/{id}/acknowledge", Rule.EDIT, Target.OWN,
                () -> "/api/v1/alarms/" + alarm(w.pointA1) + "/acknowledge", () -> "{\"comment\":\"seen\"}"));
        c.add(new Call("POST", "/api/v1/alarms/{id}/acknowledge", Rule.EDIT, Target.FOREIGN,
                () -> "/api/v1/alarms/" + alarm(w.pointB1) + "/acknowledge", () -> "{\"comment\":\"seen\"}"));
        c.add(new Call("GET", "/api/v1/alarm-rules", Rule.SUBSCRIBE, Target.NONE, () -> "/api/v1/alarm-rules", null));
        c.add(new Call("PUT", "/api/v1/alarm-rules/{rule}", Rule.ADMIN_ONLY, Target.NONE, () -> "/api/v1/alarm-rules/LEAK",
                () -> "{\"parameters\":{\"hours\":24,\"threshold\":0}}"));
        c.add(new Call("PUT", "/api/v1/alarm-rules/{rule}", Rule.EDIT, Target.NEIGHBOUR, () -> "/api/v1/alarm-rules/LEAK",
                () -> "{\"building\":\"" + w.buildingA + "\",\"parameters\":{\"hours\":12,\"threshold\":0}}"));
        c.add(new Call("PUT", "/api/v1/alarm-rules/{rule}", Rule.EDIT, Target.FOREIGN, () -> "/api/v1/alarm-rules/LEAK",
                () -> "{\"building\":\"" + w.buildingB + "\",\"parameters\":{\"hours\":12,\"threshold\":0}}"));
        c.add(new Call("DELETE", "/api/v1/alarm-rules/{rule}/settings/{id}", Rule.EDIT, Target.NEIGHBOUR,
                () -> "/api/v1/alarm-rules/NO_READINGS/settings/" + ruleSetting(w.buildingA), null));
        c.add(new Call("DELETE", "/api/v1/alarm-rules/{rule}/settings/{id}", Rule.EDIT, Target.FOREIGN,
                () -> "/api/v1/alarm-rules/NO_READINGS/settings/" + ruleSetting(w.buildingB), null));
        String alarmSubscriptions = "/api/v1/alarm-subscriptions";
        c.add(new Call("GET", alarmSubscriptions, Rule.SUBSCRIBE, Target.NONE, () -> alarmSubscriptions, null));
        c.add(new Call("POST", alarmSubscriptions, Rule.SUBSCRIBE, Target.NONE, () -> alarmSubscriptions,
                () -> "{\"name\":\"a" + unique.incrementAndGet() + "\",\"recipients\":[\"a@uk.example.ru\"]}"));
        c.add(new Call("GET", alarmSubscriptions + "/{id}", Rule.OWNED, Target.NONE,
                () -> alarmSubscriptions + "/" + managersAlarmSubscription(), null));
        c.add(new Call("PUT", alarmSubscriptions + "/{id}", Rule.OWNED, Target.NONE,
                () -> alarmSubscriptions + "/" + managersAlarmSubscription(),
                () -> "{\"name\":\"changed\",\"recipients\":[\"m@uk.example.ru\"],\"minSeverity\":\"CRITICAL\"}"));
        c.add(new Call("GET", alarmSubscriptions + "/{id}/deliveries", Rule.OWNED, Target.NONE,
                () -> alarmSubscriptions + "/" + managersAlarmSubscription() + "/deliveries", null));
        c.add(new Call("DELETE", alarmSubscriptions + "/{id}", Rule.OWNED, Target.NONE,
                () -> alarmSubscriptions + "/" + managersAlarmSubscription(), null));
        c.add(new Call("GET", "/api/v1/audit", Rule.ADMIN_ONLY, Target.NONE, () -> "/api/v1/audit?entity=meter", null));
        // users and tokens
        c.add(new Call("GET", "/api/v1/me", Rule.SELF, Target.NONE, () -> "/api/v1/me", null));
        c.add(new Call("GET", "/api/v1/users", Rule.ADMIN_ONLY, Target.NONE, () -> "/api/v1/users", null));
        c.add(new Call("POST", "/api/v1/users", Rule.ADMIN_ONLY, Target.NONE, () -> "/api/v1/users",
                () -> "{\"username\":\"u" + unique.incrementAndGet() + "\",\"password\":\"long enough pass\",\"role\":\"ADMIN\"}"));
        c.add(new Call("PUT", "/api/v1/users/{id}", Rule.ADMIN_ONLY, Target.NONE, () -> "/api/v1/users/" + userId("resident"),
                () -> "{\"username\":\"resident\",\"role\":\"RESIDENT\",\"premise\":\"" + w.premiseA1 + "\"}"));
        c.add(new Call("DELETE", "/api/v1/users/{id}", Rule.ADMIN_ONLY, Target.NONE,
                () -> "/api/v1/users/" + disposableUser(), null));
        c.add(new Call("GET", "/api/v1/tokens", Rule.SELF, Target.NONE, () -> "/api/v1/tokens", null));
        c.add(new Call("POST", "/api/v1/tokens", Rule.SELF, Target.NONE, () -> "/api/v1/tokens", () -> "{\"name\":\"second\"}"));
        c.add(new Call("DELETE", "/api/v1/tokens/{id}", Rule.SELF, Target.FOREIGN,
                () -> "/api/v1/tokens/" + UUID.randomUUID(), null));
        return c;
    }

    /** Outcomes per rule; DELETE of someone else's token is "hidden" for everyone. */
    Outcome expected(Role role, Call call) {
        boolean admin = role == Role.ADMIN;
        boolean company = role == Role.OPERATOR || role == Role.MANAGER;
        boolean sees = admin || call.target() == Target.NONE || company && call.target() != Target.FOREIGN
                || role == Role.RESIDENT && call.target() == Target.OWN;
        return switch (call.rule()) {
            case LIST -> Outcome.OK;
            case SELF -> call.target() == Target.FOREIGN ? Outcome.HIDDEN : Outcome.OK;
            case READ -> sees ? Outcome.OK : Outcome.HIDDEN;
            case ADMIN_ONLY -> admin ? Outcome.OK : Outcome.DENIED;
            case EDIT -> role == Role.RESIDENT ? Outcome.DENIED : sees || admin ? Outcome.OK : Outcome.HIDDEN;
            case OPERATE -> admin || role == Role.OPERATOR && call.target() != Target.FOREIGN ? Outcome.OK
                    : role == Role.OPERATOR ? Outcome.HIDDEN : Outcome.DENIED;
            case SUBSCRIBE -> role == Role.RESIDENT ? Outcome.DENIED : Outcome.OK;
            case OWNED -> role == Role.RESIDENT ? Outcome.DENIED
                    : admin || role == Role.MANAGER ? Outcome.OK : Outcome.HIDDEN;
        };
    }

    /** A fresh subscription of the manager's, so that a DELETE allowed for one role leaves one for the next. */
    UUID managersSubscription() {
        return jdbc.sql("""
                insert into report_subscription (owner_id, name, kind, period_rule, formats, cron, recipients)
                select id, 'matrix', 'statement', 'PREVIOUS_MONTH', array['csv'], '0 0 8 23 * *', array['m@uk.example.ru']
                from app_user where username = 'manager' returning public_id""").query(UUID.class).single();
    }

    /** A fresh open alarm of a point, as the evaluation would raise it. */
    UUID alarm(UUID point) {
        jdbc.sql("update alarm set cleared_at = now(), cleared_detail = 'matrix' where object_id = ? and cleared_at is null")
                .param(point).update();
        return jdbc.sql("""
                insert into alarm (rule, severity, object_kind, object_id, building_id, premise_id, object_label,
                    raised_at, raised_detail)
                select 'LEAK', 'CRITICAL', 'POINT', p.public_id, p.building_id, p.premise_id, 'matrix', now(), 'matrix'
                from metering_point p where p.public_id = ? returning public_id""").param(point)
                .query(UUID.class).single();
    }

    /** A setting of a building's no-readings rule, made again after each deletion. */
    long ruleSetting(UUID building) {
        return jdbc.sql("""
                insert into alarm_rule_setting (rule, building_id, parameters)
                select 'NO_READINGS', id, '{"periods": 3, "minimum": "PT72H"}' from building where public_id = ?
                on conflict (rule, coalesce(resource, ''), coalesce(building_id, 0), coalesce(point_id, 0))
                do update set enabled = true returning id""").param(building).query(Long.class).single();
    }

    /** A fresh alarm subscription of the manager's, so that a DELETE allowed for one role leaves one for the next. */
    UUID managersAlarmSubscription() {
        return jdbc.sql("""
                insert into alarm_subscription (owner_id, name, recipients)
                select id, 'matrix', array['m@uk.example.ru'] from app_user where username = 'manager'
                returning public_id""").query(UUID.class).single();
    }

    /** Identifiers a role must never find in a response. */
    Set<UUID> invisible(Role role) {
        Set<UUID> hidden = new java.util.HashSet<>();
        if (role == Role.ADMIN) {
            return hidden;
        }
        hidden.addAll(List.of(w.buildingB, w.premiseB1, w.pointB1, w.meterB1, w.channelB, w.managementB, w.serviceB));
        if (role == Role.RESIDENT) {
            hidden.addAll(List.of(w.premiseA2, w.pointA2, w.pointAHouse, w.meterA2, w.channelA));
        }
        return hidden;
    }

    @Test
    void everyEndpointAsEveryRole() throws Exception {
        List<Call> calls = calls();
        Set<String> covered = calls.stream().map(c -> c.method() + " " + c.pattern()).collect(Collectors.toSet());
        assertThat(covered).as("endpoints without a row in the access matrix").containsAll(endpoints());
        assertThat(endpoints()).as("rows for endpoints that do not exist").containsAll(covered);

        Map<String, Map<Role, String>> matrix = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Call call : calls) {
            String query = call.path().get().contains("?") ? " ?" + call.path().get().replaceAll(".*\\?([a-z]+)=.*", "$1") : "";
            String row = call.method() + " " + call.pattern() + query + " [" + call.target() + "]";
            Map<Role, String> cells = matrix.computeIfAbsent(row, k -> new EnumMap<>(Role.class));
            for (Role role : Role.values()) {
                String path = call.path().get();
                String body = call.body() == null ? null : call.body().get();
                long auditBefore = auditRows();
                HttpResponse<String> r = send(role, call.method(), path, body);
                Outcome want = expected(role, call);
                Outcome got = r.statusCode() < 300 ? Outcome.OK : r.statusCode() == 403 ? Outcome.DENIED
                        : r.statusCode() == 404 ? Outcome.HIDDEN : null;
                cells.put(role, r.statusCode() + (got == want ? "" : "!"));
                if (got != want) {
                    failures.add(role + " " + row + ": expected " + want + ", got " + r.statusCode() + " " + r.body());
                }
                if (got == Outcome.OK && "GET".equals(call.method())) {
                    for (UUID id : invisible(role)) {
                        if (r.body().contains(id.toString())) {
                            failures.add(role + " " + row + ": response shows " + id + ", which it may not see");
                        }
                    }
                }
                if (got != Outcome.OK && !"GET".equals(call.method()) && auditRows() != auditBefore) {
                    failures.add(role + " " + row + ": refused, yet the audit log grew (something was changed)");
                }
            }
        }
        print(matrix);
        assertThat(failures).isEmpty();
    }

    /**
     * The actuator's endpoints, which are not handler methods of the API and so not in {@link #endpoints()}: health,
     * liveness, readiness and info for everyone (details are MonitoringEndpointsTest's), the metrics for
     * administrators only.
     */
    @Test
    void actuatorAsEveryRole() throws Exception {
        Map<String, Map<Role, String>> matrix = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                "/actuator/info", "/actuator/prometheus")) {
            for (Role role : Role.values()) {
                int want = path.equals("/actuator/prometheus") && role != Role.ADMIN ? 403 : 200;
                HttpResponse<String> r = send(role, "GET", path, null);
                matrix.computeIfAbsent("GET " + path, k -> new EnumMap<>(Role.class))
                        .put(role, r.statusCode() + (r.statusCode() == want ? "" : "!"));
                if (r.statusCode() != want) {
                    failures.add(role + " GET " + path + ": expected " + want + ", got " + r.statusCode());
                }
            }
        }
        print(matrix);
        assertThat(failures).isEmpty();
    }

    @Test
    void noCredentialsNoAccess() throws Exception {
        for (String path : List.of("/api/v1/buildings", "/api/v1/meters", "/api/v1/me", "/actuator/prometheus")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(401);
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                .header("Authorization", "Bearer " + ApiTokenFilter.PREFIX + "forged").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("API token is unknown");
    }

    Set<String> endpoints() {
        Set<String> result = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    info.getMethodsCondition().getMethods().forEach(m -> result.add(m.name() + " " + pattern));
                }
            }
        }
        return result;
    }

    HttpResponse<String> send(Role role, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + w.tokens.get(role))
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    long auditRows() {
        return jdbc.sql("select count(*) from audit_log").query(Long.class).single();
    }

    String installation() {
        UUID meter = w.unassignedMeterOnA(String.valueOf(40000000 + unique.incrementAndGet()));
        return "{\"meter\":\"" + meter + "\",\"installedAt\":\"2026-0" + (2 + unique.get() % 7) + "-01T00:00:00Z\"}";
    }

    /** An account made for one call that deletes it. */
    UUID disposableUser() {
        return jdbc.sql("insert into app_user (username, password_hash, role) values (?, 'x', 'ADMIN') returning public_id")
                .param("gone" + unique.incrementAndGet()).query(UUID.class).single();
    }

    UUID userId(String username) {
        return jdbc.sql("select public_id from app_user where username = ?").param(username).query(UUID.class).single();
    }

    static void print(Map<String, Map<Role, String>> matrix) {
        StringBuilder s = new StringBuilder("\nAccess matrix (HTTP status per role; ! = unexpected)\n");
        s.append(String.format("%-62s", "endpoint [target]"));
        for (Role r : Role.values()) {
            s.append(String.format("%10s", r));
        }
        s.append('\n');
        matrix.forEach((row, cells) -> {
            s.append(String.format("%-62s", row));
            for (Role r : Role.values()) {
                s.append(String.format("%10s", cells.get(r)));
            }
            s.append('\n');
        });
        System.out.println(s);
    }
}
