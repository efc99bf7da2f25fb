package org.openamr.server.alarm.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.evaluation.AlarmEvaluator;
import org.openamr.server.consumption.RegistryFixture;
import org.openamr.server.reading.ReadingPartitions;
import org.openamr.server.support.Api;
import org.openamr.server.support.ServerTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alarm notifications from the real server to a real SMTP server (GreenMail) and a real HTTP receiver: a storm of
 * silent meters is one message naming the channel, webhooks are signed and retried, quiet hours and digests defer
 * without dropping, one company never hears of another's alarms, and wrong subscriptions are refused by field. The
 * alarms are written as the evaluation writes them ({@link Alarms}). Each test has its own company and recipients.
 */
@ServerTest
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlarmNotificationsIT {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final String PUBLIC_URL = "https://amr.example.ru";
    static final int SMTP_PORT = freePort();
    static final GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("openamr.reports.mail.enabled", () -> "true");
        r.add("openamr.reports.mail.host", () -> "127.0.0.1");
        r.add("openamr.reports.mail.port", () -> SMTP_PORT);
        r.add("openamr.reports.mail.security", () -> "NONE");
        r.add("openamr.reports.mail.timeout", () -> "5s");
        r.add("openamr.reports.public-url", () -> PUBLIC_URL + "/");
        r.add("openamr.alarms.notify.tick", () -> "200ms");
        r.add("openamr.alarms.notify.retry-after", () -> "1s");
        r.add("openamr.alarms.notify.webhook-timeout", () -> "3s");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReadingPartitions partitions;
    @Autowired
    AlarmNotifier notifier;
    @Autowired
    MeterRegistry metrics;

    RegistryFixture fx;
    HttpServer receiver;
    /** What the webhook receiver got, per path. */
    final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    /** Statuses the receiver answers per path, one per request; 200 once they are used up. */
    final Map<String, List<Integer>> answers = new ConcurrentHashMap<>();

    record Received(byte[] body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void start() throws IOException {
        smtp.start();
        fx = new RegistryFixture(jdbc, partitions);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.computeIfAbsent(path, k -> new CopyOnWriteArrayList<>())
                    .add(new Received(body, Map.copyOf(exchange.getRequestHeaders())));
            List<Integer> planned = answers.getOrDefault(path, List.of());
            int status = planned.isEmpty() ? 200 : planned.remove(0);
            byte[] answer = (status == 200 ? "ok" : "temporarily broken, status " + status)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void stop() {
        receiver.stop(0);
        smtp.stop();
    }

    /** A management company with a building, a channel, and meters at apartments; {@code onChannel} of them on it. */
    class Company {
        final long org = fx.organisation("MANAGEMENT");
        final long building = fx.building(org, "Europe/Moscow");
        final long channel = fx.channel(building, RegistryFixture.unique("Шлюз подъезда "));
        final String channelName = jdbc.sql("select name from acquisition_channel where id = ?").param(channel)
                .query(String.class).single();
        final String address = jdbc.sql("select address from building where id = ?").param(building)
                .query(String.class).single();
        final Api manager = new Api(port, fx.token("MANAGER", org, null));
        final List<Long> meters = new ArrayList<>();
        final List<String> serials = new ArrayList<>();

        UUID buildingId() {
            return fx.publicId("building", building);
        }

        Company(int meterCount, int onChannel) {
            long entrance = fx.entrance(building, 1);
            for (int i = 0; i < meterCount; i++) {
                long premise = fx.premise(building, entrance, Integer.toString(i + 1));
                long point = fx.point(building, premise, "HEAT");
                String serial = RegistryFixture.unique("SN");
                long meter = fx.meter(serial, null);
                fx.install(meter, point, Instant.parse("2025-01-01T00:00:00Z"), null, null, null);
                if (i < onChannel) {
                    fx.onChannel(meter, channel);
                }
                meters.add(meter);
                serials.add(serial);
            }
        }
    }

    private static String json(Map<String, Object> m) {
        return JSON.writeValueAsString(m);
    }

    private static String subscribe(Api api, Map<String, Object> body) {
        Api.Response r = api.post("/api/v1/alarm-subscriptions", json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + 30_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(100);
        }
    }

    private static List<MimeMessage> mailsTo(String address) {
        List<MimeMessage> out = new ArrayList<>();
        try {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                for (var a : m.getRecipients(Message.RecipientType.TO)) {
                    if (a.toString().equals(address)) {
                        out.add(m);
                    }
                }
            }
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static String text(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode deliveries(Api api, String subscription) {
        Api.Response r = api.get("/api/v1/alarm-subscriptions/" + subscription + "/deliveries");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Autowired
    AlarmEvaluator evaluator;

    @Test
    void threeHundredSilentMetersOfOneChannelAreOneMessageNamingTheChannelAndTheCount() throws Exception {
        Company c = new Company(300, 300);
        String to = "storm@uk.example.ru";
        String id = subscribe(c.manager, Map.of("name", "Аварии дома", "recipients", List.of(to)));

        // the real evaluation: none of the 300 meters has been heard since it was installed in 2025
        AlarmEvaluator.Outcome outcome = evaluator.evaluate(Instant.now());
        assertThat(jdbc.sql("""
                select count(*) from alarm a join meter m on a.object_kind = 'METER' and a.object_id = m.public_id
                where a.rule = 'NO_READINGS' and a.cleared_at is null and m.channel_id = ?""").param(c.channel)
                .query(Long.class).single()).as("raised by the evaluation, %s", outcome.counts()).isEqualTo(300);
        // two more "instances" tick at the same time as the scheduled one: the message is still made once
        List<Thread> others = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                for (int k = 0; k < 10; k++) {
                    notifier.tick();
                }
            });
            t.start();
            others.add(t);
        }
        for (Thread t : others) {
            t.join();
        }
        await("the storm's message", () -> mailsTo(to).size() >= 1);
        Thread.sleep(1500);
        List<MimeMessage> got = mailsTo(to);
        assertThat(got).as("one message for 300 alarms").hasSize(1);
        MimeMessage m = got.get(0);
        // the channel itself was set up just now: not yet silent for long enough to be an alarm of its own
        assertThat(m.getSubject()).isEqualTo("Аварии дома: новые нештатные ситуации (300)");
        String body = text(m);
        assertThat(body).contains("Канал «" + c.channelName + "», 300 приборов: нет показаний")
                .contains("Новые нештатные ситуации: 300")
                .contains(PUBLIC_URL + "/alarms\n");
        assertThat(body.lines().count()).as("a line for the channel, not one per meter").isLessThan(12);
        assertThat(c.serials).noneMatch(body::contains);

        await("the delivery is recorded as sent", () -> "SENT".equals(
                deliveries(c.manager, id).path(0).path("status").asString()));
        JsonNode history = deliveries(c.manager, id);
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.get(0).get("channel").asString()).isEqualTo("EMAIL");
        assertThat(history.get(0).get("alarmCount").asInt()).isEqualTo(300);
        assertThat(history.get(0).get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void aWebhookGetsTheSignedJsonWithTheChannelGroupedAndTheSecretIsNeverShownAgain() throws Exception {
        Company c = new Company(4, 3);
        String secret = "correct-horse-battery-staple-42";
        Api.Response created = c.manager.post("/api/v1/alarm-subscriptions", json(Map.of("name", "Диспетчерская",
                "webhookUrl", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/signed",
                "webhookSecret", secret, "minSeverity", "critical", "kinds", List.of("NO_READINGS", "LEAK"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.body()).doesNotContain(secret).doesNotContain("webhookSecret");
        assertThat(c.manager.get("/api/v1/alarm-subscriptions/" + id).body()).doesNotContain(secret);
        assertThat(c.manager.get("/api/v1/alarm-subscriptions").body()).doesNotContain(secret);

        Instant raised = Instant.parse("2026-12-10T07:00:00Z");
        // a warning the subscription does not ask for (minimum CRITICAL, kinds) is left out
        Alarms.raise(jdbc, RuleKind.LOW_BATTERY, List.of(c.meters.get(3)), raised);
        Alarms.raiseSilence(jdbc, c.meters, raised);
        await("the webhook is called", () -> !received.getOrDefault("/signed", List.of()).isEmpty());
        Thread.sleep(1000);
        List<Received> calls = received.get("/signed");
        assertThat(calls).hasSize(1);
        Received call = calls.get(0);
        assertThat(call.header("X-OpenAMR-Signature")).isEqualTo("sha256=" + WebhookClient.sign(
                secret.getBytes(StandardCharsets.UTF_8), call.body()));
        assertThat(call.header("X-OpenAMR-Signature")).as("a signature under another key differs")
                .isNotEqualTo("sha256=" + WebhookClient.sign("another-secret-of-enough-length".getBytes(
                        StandardCharsets.UTF_8), call.body()));
        long stamp = Long.parseLong(call.header("X-OpenAMR-Timestamp"));
        assertThat(Math.abs(stamp - Instant.now().getEpochSecond())).isLessThan(60);
        assertThat(call.header("Content-Type")).startsWith("application/json");

        JsonNode body = JSON.readTree(new String(call.body(), StandardCharsets.UTF_8));
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("subscription").asString()).isEqualTo(id);
        assertThat(body.get("delivery").asString()).isEqualTo(call.header("X-OpenAMR-Delivery"));
        assertThat(body.get("raised").asInt()).isEqualTo(4);
        JsonNode entries = body.get("entries");
        assertThat(entries.size()).as("the 3 meters of the channel are one group, the 4th alone").isEqualTo(2);
        JsonNode group = entries.get(0);
        assertThat(group.get("type").asString()).isEqualTo("group");
        assertThat(group.get("rule").asString()).isEqualTo("NO_READINGS");
        assertThat(group.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(group.get("label").get("ru").asString()).isEqualTo("Нет показаний");
        assertThat(group.get("label").get("en").asString()).isEqualTo("No readings");
        assertThat(group.get("channel").get("name").asString()).isEqualTo(c.channelName);
        assertThat(group.get("count").asInt()).isEqualTo(3);
        assertThat(group.get("building").get("address").asString()).isEqualTo(c.address);
        assertThat(group.get("firstAt").asString()).isEqualTo(raised.toString());
        JsonNode alone = entries.get(1);
        assertThat(alone.get("type").asString()).isEqualTo("alarm");
        assertThat(alone.get("object").get("label").asString()).contains(c.serials.get(3)).contains(c.address);
        assertThat(alone.get("detail").asString()).startsWith("no reading since");
        assertThat(alone.get("raisedAt").asString()).isEqualTo(raised.toString());
        assertThat(alone.get("link").asString()).startsWith(PUBLIC_URL + "/alarms/");

        String sealed = jdbc.sql("select encode(key_sealed, 'escape') from alarm_subscription where public_id = ?::uuid")
                .param(id).query(String.class).single();
        assertThat(sealed).as("stored sealed").doesNotContain(secret);
        String audit = jdbc.sql("""
                select string_agg(coalesce(before::text, '') || coalesce(after::text, ''), ' ') from audit_log
                where entity = 'alarm_subscription'""").query(String.class).single();
        assertThat(audit).as("the subscription is audited").contains("Диспетчерская").contains("/signed");
        assertThat(audit).as("without its key").doesNotContain("key_sealed").doesNotContain(secret);
    }

    @Test
    void aWebhookThatAnswers500IsTriedAgainAndTheHistoryShowsBothTries() throws Exception {
        Company c = new Company(1, 0);
        answers.put("/flaky", new CopyOnWriteArrayList<>(List.of(500)));
        Api.Response created = c.manager.post("/api/v1/alarm-subscriptions", json(Map.of("name", "Ненадёжный приёмник",
                "webhookUrl", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/flaky")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String made = created.json().get("webhookSecret").asString();
        assertThat(made).as("a secret made by the server, shown once").startsWith("oamr_whs_");
        assertThat(c.manager.get("/api/v1/alarm-subscriptions/" + id).body()).doesNotContain(made);

        double retriedBefore = deliveryCount("retry");
        double sentBefore = deliveryCount("sent");
        Alarms.raiseSilence(jdbc, c.meters, Instant.now());
        await("sent on the second try", () -> "SENT".equals(deliveries(c.manager, id).path(0).path("status")
                .asString()));
        assertThat(deliveryCount("retry") - retriedBefore).as("openamr_notification_deliveries_total{outcome=retry}")
                .isGreaterThanOrEqualTo(1);
        assertThat(deliveryCount("sent") - sentBefore).as("openamr_notification_deliveries_total{outcome=sent}")
                .isGreaterThanOrEqualTo(1);
        JsonNode d = deliveries(c.manager, id).get(0);
        assertThat(d.get("channel").asString()).isEqualTo("WEBHOOK");
        assertThat(d.get("attempts").asInt()).isEqualTo(2);
        JsonNode tries = d.get("tries");
        assertThat(tries.size()).isEqualTo(2);
        assertThat(tries.get(0).get("ok").asBoolean()).isFalse();
        assertThat(tries.get(0).get("httpStatus").asInt()).isEqualTo(500);
        assertThat(tries.get(0).get("answer").asString()).contains("temporarily broken, status 500");
        assertThat(tries.get(1).get("ok").asBoolean()).isTrue();
        assertThat(tries.get(1).get("httpStatus").asInt()).isEqualTo(200);
        assertThat(Instant.parse(tries.get(1).get("at").asString()))
                .as("retried after retry-after (1 s)").isAfter(Instant.parse(tries.get(0).get("at").asString())
                        .plusMillis(900));
        List<Received> calls = received.get("/flaky");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).body()).as("the same bytes on every try").isEqualTo(calls.get(0).body());
        assertThat(calls.get(1).header("X-OpenAMR-Delivery")).isEqualTo(calls.get(0).header("X-OpenAMR-Delivery"));
        assertThat(calls.get(1).header("X-OpenAMR-Signature")).isEqualTo("sha256=" + WebhookClient.sign(
                made.getBytes(StandardCharsets.UTF_8), calls.get(1).body()));
    }

    private double deliveryCount(String outcome) {
        return metrics.get("openamr.notification.deliveries").tag("outcome", outcome).counter().count();
    }

    @Test
    void duringQuietHoursMessagesWaitAndGoWhenTheyEnd() throws Exception {
        Company c = new Company(2, 0);
        String to = "quiet@uk.example.ru";
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        LocalTime now = LocalTime.now(MOSCOW);
        Map<String, Object> body = new HashMap<>(Map.of("name", "Ночью не беспокоить", "recipients", List.of(to),
                "quietFrom", now.minusHours(1).format(hhmm), "quietTo", now.plusHours(1).format(hhmm),
                "timeZone", "Europe/Moscow"));
        String id = subscribe(c.manager, body);

        Alarms.raiseSilence(jdbc, c.meters, Instant.now());
        Thread.sleep(2000);
        assertThat(mailsTo(to)).as("nothing during quiet hours").isEmpty();
        assertThat(deliveries(c.manager, id).size()).isZero();

        // the quiet hours end (moved to later today): what waited goes in one message
        body.put("quietFrom", now.plusHours(2).format(hhmm));
        body.put("quietTo", now.plusHours(3).format(hhmm));
        Api.Response changed = c.manager.put("/api/v1/alarm-subscriptions/" + id, json(body));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        await("the deferred message", () -> mailsTo(to).size() >= 1);
        Thread.sleep(1000);
        assertThat(mailsTo(to)).hasSize(1);
        String text = text(mailsTo(to).get(0));
        assertThat(c.serials).allMatch(text::contains);
    }

    @Test
    void aDigestMergesTheChangesOfSeveralTicksIntoOneMessage() throws Exception {
        Company c = new Company(3, 0);
        String to = "digest@uk.example.ru";
        String id = subscribe(c.manager, Map.of("name", "Сводка", "recipients", List.of(to), "digestMinutes", 60));

        Alarms.raiseSilence(jdbc, List.of(c.meters.get(0)), Instant.now());
        await("the first message, at once", () -> mailsTo(to).size() >= 1);
        Alarms.raiseSilence(jdbc, List.of(c.meters.get(1)), Instant.now());
        Thread.sleep(1000);
        Alarms.raiseSilence(jdbc, List.of(c.meters.get(2)), Instant.now());
        Thread.sleep(1000);
        assertThat(mailsTo(to)).as("within the digest's hour nothing more").hasSize(1);

        // the hour passes
        jdbc.sql("update alarm_subscription set last_message_at = last_message_at - interval '61 minutes'"
                + " where public_id = ?::uuid").param(id).update();
        await("the digest", () -> mailsTo(to).size() >= 2);
        Thread.sleep(1000);
        List<MimeMessage> got = mailsTo(to);
        assertThat(got).hasSize(2);
        String first = text(got.get(0));
        String digest = text(got.get(1));
        assertThat(first).contains(c.serials.get(0)).doesNotContain(c.serials.get(1));
        assertThat(digest).contains(c.serials.get(1)).contains(c.serials.get(2)).doesNotContain(c.serials.get(0));
        assertThat(got.get(1).getSubject()).isEqualTo("Сводка: новые нештатные ситуации (2)");
        assertThat(deliveries(c.manager, id).size()).isEqualTo(2);
    }

    @Test
    void aPausedSubscriptionStartsAgainFromThePresent() throws Exception {
        Company c = new Company(2, 0);
        String to = "paused@uk.example.ru";
        Map<String, Object> body = new HashMap<>(Map.of("name", "На паузе", "recipients", List.of(to),
                "enabled", false));
        String id = subscribe(c.manager, body);
        Alarms.raiseSilence(jdbc, List.of(c.meters.get(0)), Instant.now());
        Thread.sleep(1000);
        body.put("enabled", true);
        assertThat(c.manager.put("/api/v1/alarm-subscriptions/" + id, json(body)).status()).isEqualTo(200);
        Alarms.raiseSilence(jdbc, List.of(c.meters.get(1)), Instant.now());
        await("the message after the pause", () -> mailsTo(to).size() >= 1);
        Thread.sleep(1000);
        assertThat(mailsTo(to)).hasSize(1);
        String text = text(mailsTo(to).get(0));
        assertThat(text).contains(c.serials.get(1)).as("what happened during the pause is not replayed")
                .doesNotContain(c.serials.get(0));
    }

    @Test
    void aCompanysSubscriberNeverHearsOfAnotherCompanysAlarms() throws Exception {
        Company mine = new Company(1, 1);
        Company theirs = new Company(1, 1);
        String toMine = "own@uk-one.example.ru";
        String toAdmin = "admin@operator.example.ru";
        subscribe(mine.manager, Map.of("name", "Мои дома", "recipients", List.of(toMine), "notifyCleared", true));
        Api admin = new Api(port, fx.token("ADMIN", null, null));
        String adminSubscription = subscribe(admin, Map.of("name", "Все дома", "recipients", List.of(toAdmin),
                "kinds", List.of("NO_READINGS")));
        try {
            List<Long> both = List.of(mine.meters.get(0), theirs.meters.get(0));
            Alarms.raiseSilence(jdbc, both, Instant.now());
            await("the company's message", () -> mailsTo(toMine).size() >= 1);
            await("the administrator's message", () -> mailsTo(toAdmin).size() >= 1);
            String own = text(mailsTo(toMine).get(0));
            assertThat(own).contains(mine.serials.get(0)).contains(mine.address);
            assertThat(own).doesNotContain(theirs.serials.get(0)).doesNotContain(theirs.address)
                    .doesNotContain(theirs.channelName);
            String all = text(mailsTo(toAdmin).get(0));
            assertThat(all).as("the administrator sees both").contains(mine.serials.get(0))
                    .contains(theirs.serials.get(0));

            Alarms.clear(jdbc, RuleKind.NO_READINGS, both, Instant.now());
            await("the clearing message", () -> mailsTo(toMine).size() >= 2);
            Thread.sleep(1000);
            MimeMessage cleared = mailsTo(toMine).get(1);
            assertThat(cleared.getSubject()).isEqualTo("Мои дома: устранены нештатные ситуации (1)");
            assertThat(text(cleared)).contains(mine.serials.get(0)).doesNotContain(theirs.serials.get(0));
            assertThat(mailsTo(toAdmin)).as("the administrator asked for no clearing").hasSize(1);
        } finally {
            assertThat(admin.send("DELETE", "/api/v1/alarm-subscriptions/" + adminSubscription, null).status())
                    .isEqualTo(204);
        }
    }

    @Test
    void wrongSubscriptionsAreRefusedNamingTheField() {
        Company c = new Company(0, 0);
        Company other = new Company(0, 0);
        Map<String, Object> base = Map.of("name", "x", "recipients", List.of("a@uk.example.ru"));
        assertRefused(c, with(base, "digestMinutes", 1441), "digestMinutes");
        assertRefused(c, with(base, "digestMinutes", -1), "digestMinutes");
        assertRefused(c, with(base, "timeZone", "Mars/Olympus"), "timeZone");
        assertRefused(c, with(with(base, "quietFrom", "25:00"), "quietTo", "07:00"), "quietFrom");
        assertRefused(c, with(base, "quietFrom", "22:00"), "quietTo");
        assertRefused(c, with(with(base, "quietFrom", "22:00"), "quietTo", "22:00"), "quietTo");
        assertRefused(c, with(base, "kinds", List.of("NO_READINGS", "HOROSCOPE")), "kinds", "HOROSCOPE");
        assertRefused(c, with(base, "minSeverity", "URGENT"), "minSeverity", "URGENT");
        assertRefused(c, with(base, "webhookUrl", "ftp://hooks.example.ru/x"), "webhookUrl");
        assertRefused(c, with(base, "webhookUrl", "javascript:alert(1)"), "webhookUrl");
        assertRefused(c, with(base, "webhookUrl", "https://user:pass@hooks.example.ru/x"), "webhookUrl");
        assertRefused(c, with(with(base, "webhookUrl", "https://hooks.example.ru/x"), "webhookSecret", "short"),
                "webhookSecret");
        assertRefused(c, Map.of("name", "x"), "recipients", "webhookUrl");
        assertRefused(c, with(base, "recipients", List.of("not an address")), "recipients");
        assertRefused(c, with(base, "name", " "), "name");
        assertRefused(c, with(base, "lang", "de"), "lang");
        Api.Response foreign = c.manager.post("/api/v1/alarm-subscriptions",
                json(with(base, "building", other.buildingId().toString())));
        assertThat(foreign.status()).as("another company's building is not found").isEqualTo(404);
        Api.Response own = c.manager.post("/api/v1/alarm-subscriptions",
                json(with(base, "building", c.buildingId().toString())));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        Api resident = new Api(port, fx.token("RESIDENT", null, fx.premise(c.building, null, "1")));
        assertThat(resident.post("/api/v1/alarm-subscriptions", json(base)).status()).isEqualTo(403);
        assertThat(resident.get("/api/v1/alarm-subscriptions").status()).isEqualTo(403);
    }

    private void assertRefused(Company c, Map<String, Object> body, String... says) {
        Api.Response r = c.manager.post("/api/v1/alarm-subscriptions", json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        for (String field : says) {
            assertThat(r.body()).contains(field);
        }
        assertThat(r.body()).contains("field '");
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new HashMap<>(base);
        m.put(key, value);
        return m;
    }
}
