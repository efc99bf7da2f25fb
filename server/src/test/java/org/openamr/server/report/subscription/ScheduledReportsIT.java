package org.openamr.server.report.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openamr.server.OpenAmrServer;
import org.openamr.server.consumption.RegistryFixture;
import org.openamr.server.reading.ReadingPartitions;
import org.openamr.server.support.Api;
import org.openamr.server.support.ServerTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Scheduled reports e-mailed to a real SMTP server (GreenMail) by the real server: sent now and on the schedule
 * with the statement attached, retried while the SMTP server is down and sent when it is back, refused when a
 * recipient or schedule is wrong, and sent once when two server instances share the database.
 */
@ServerTest
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduledReportsIT {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final int SMTP_PORT = freePort();
    static GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    /** The server mails through the test's GreenMail on {@code port}: plain SMTP on loopback, no long waits. */
    static void mailTo(DynamicPropertyRegistry r, int port) {
        r.add("openamr.reports.mail.enabled", () -> "true");
        r.add("openamr.reports.mail.host", () -> "127.0.0.1");
        r.add("openamr.reports.mail.port", () -> port);
        r.add("openamr.reports.mail.security", () -> "NONE");
        r.add("openamr.reports.mail.timeout", () -> "5s");
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry r) {
        mailTo(r, SMTP_PORT);
        r.add("openamr.reports.tick", () -> "300ms");
        r.add("openamr.reports.retry-after", () -> "1s");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReadingPartitions partitions;
    @Autowired
    Environment environment;
    @Autowired
    MeterRegistry metrics;

    RegistryFixture fx;
    UUID building;
    String flatNumber;
    Api manager;
    Api resident;
    YearMonth lastMonth = YearMonth.now(MOSCOW).minusMonths(1);

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void registry() {
        smtp.start();
        fx = new RegistryFixture(jdbc, partitions);
        long org = fx.organisation("MANAGEMENT");
        long b = fx.building(org, "Europe/Moscow");
        long flat = fx.premise(b, fx.entrance(b, 1), "7");
        flatNumber = "7";
        building = fx.publicId("building", b);
        long meter = fx.meter(RegistryFixture.unique("M-"), null);
        long point = fx.point(b, flat, "COLD_WATER");
        fx.install(meter, point, Instant.parse("2025-01-01T00:00:00Z"), null, null, null);
        long register = fx.register(meter, "VOLUME", "m3", 0, 0);
        fx.reading(register, lastMonth.atDay(1).atStartOfDay(MOSCOW).toInstant(), "100.125");
        fx.reading(register, lastMonth.plusMonths(1).atDay(1).atStartOfDay(MOSCOW).toInstant(), "103.500");
        manager = new Api(port, fx.token("MANAGER", org, null));
        resident = new Api(port, fx.token("RESIDENT", null, flat));
    }

    @BeforeEach
    void emptyMailbox() throws Exception {
        if (!smtp.isRunning()) {
            smtp.start();
        }
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterAll
    void stop() {
        smtp.stop();
    }

    private String subscribe(String name, String cron, List<String> formats, String... to) {
        Api.Response r = manager.post("/api/v1/report-subscriptions", json(Map.of("name", name, "kind", "statement",
                "scope", building.toString(), "period", "PREVIOUS_MONTH", "formats", formats, "cron", cron,
                "timeZone", "Europe/Moscow", "recipients", List.of(to))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private static String json(Map<String, Object> m) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(m);
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

    /** GreenMail's own wait counts only mail that arrives after it starts waiting. */
    private static void awaitMail(int count) throws InterruptedException {
        await(count + " messages in the SMTP server", () -> smtp.getReceivedMessages().length >= count);
    }

    private JsonNode lastRun(String subscription) {
        JsonNode runs = manager.get("/api/v1/report-subscriptions/" + subscription + "/runs").json();
        return runs.size() == 0 ? null : runs.get(0);
    }

    private static List<BodyPart> attachments(MimeMessage m) throws Exception {
        List<BodyPart> out = new ArrayList<>();
        Multipart mp = (Multipart) m.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
            if (mp.getBodyPart(i).getFileName() != null) {
                out.add(mp.getBodyPart(i));
            }
        }
        return out;
    }

    @Test
    void sendNowMailsTheStatementToEveryRecipientWithItsFilesAttached() throws Exception {
        String id = subscribe("Ведомость для бухгалтерии", "0 0 8 23 * *", List.of("csv", "pdf"),
                "buh@uk.example.ru", "director@uk.example.ru");
        Api.Response sent = manager.post("/api/v1/report-subscriptions/" + id + "/send", "{}");
        assertThat(sent.status()).isEqualTo(202);
        awaitMail(2);
        MimeMessage[] got = smtp.getReceivedMessages();
        assertThat(got).hasSize(2);
        MimeMessage m = got[0];
        assertThat(m.getSubject()).startsWith("Ведомость для бухгалтерии: 01.")
                .endsWith(lastMonth.plusMonths(1).atDay(1).minusDays(1).format(java.time.format.DateTimeFormatter
                        .ofPattern("dd.MM.yyyy")));
        assertThat(m.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactlyInAnyOrder("buh@uk.example.ru", "director@uk.example.ru");
        List<BodyPart> files = attachments(m);
        List<String> names = new ArrayList<>();
        for (BodyPart f : files) {
            names.add(f.getFileName());
        }
        assertThat(names).hasSize(2).allMatch(n -> n.startsWith("statement_"))
                .anyMatch(n -> n.endsWith(lastMonth + ".csv")).anyMatch(n -> n.endsWith(lastMonth + ".pdf"));
        BodyPart csv = files.get(names.indexOf(names.stream().filter(n -> n.endsWith(".csv")).findFirst().orElseThrow()));
        String text = new String(csv.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text).contains(";" + flatNumber + ";").contains("3,375");
        BodyPart pdf = files.get(names.indexOf(names.stream().filter(n -> n.endsWith(".pdf")).findFirst().orElseThrow()));
        assertThat(new String(pdf.getInputStream().readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        await("the run is recorded as sent", () -> lastRun(id) != null && "SENT".equals(lastRun(id).get("status").asString()));
        JsonNode run = lastRun(id);
        assertThat(run.get("trigger").asString()).isEqualTo("MANUAL");
        assertThat(run.get("delivered").asString()).contains(".csv").contains(".pdf");
    }

    @Test
    void aScheduledSlotThatHasComeIsSentOnce() throws Exception {
        String id = subscribe("По расписанию", "0 0 8 23 * *", List.of("xml"), "plan@uk.example.ru");
        // as if the subscription had been made two months ago: one slot (the latest) is made up, not two
        jdbc.sql("update report_subscription set last_slot_at = now() - interval '65 days' where public_id = ?::uuid")
                .param(id).update();
        awaitMail(1);
        Thread.sleep(1500);
        assertThat(smtp.getReceivedMessages()).as("missed slots are made up by one run").hasSize(1);
        JsonNode runs = manager.get("/api/v1/report-subscriptions/" + id + "/runs").json();
        assertThat(runs.size()).isEqualTo(1);
        assertThat(runs.get(0).get("trigger").asString()).isEqualTo("SCHEDULE");
    }

    @Test
    void whileTheSmtpServerIsDownTheRunIsRetriedWithItsErrorAndSentWhenItIsBack() throws Exception {
        String id = subscribe("Пока почта лежит", "0 0 8 23 * *", List.of("txt"), "retry@uk.example.ru");
        double retriedBefore = jobs("retry");
        double sentBefore = jobs("sent");
        smtp.stop();
        manager.post("/api/v1/report-subscriptions/" + id + "/send", "{}");
        await("a failed try is recorded", () -> lastRun(id) != null
                && "RETRYING".equals(lastRun(id).get("status").asString()));
        JsonNode failed = lastRun(id);
        assertThat(failed.get("error").asString()).as("the connection's refusal, in words")
                .containsIgnoringCase("connect");
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        smtp.start();
        awaitMail(1);
        await("the run is sent on a later try", () -> "SENT".equals(lastRun(id).get("status").asString()));
        assertThat(lastRun(id).get("attempts").asInt()).isGreaterThan(1);
        assertThat(lastRun(id).path("error").isMissingNode() || lastRun(id).get("error").isNull())
                .as("the error is cleared when sent").isTrue();
        assertThat(jobs("retry") - retriedBefore).as("openamr_report_jobs_total{outcome=retry}")
                .isGreaterThanOrEqualTo(1);
        assertThat(jobs("sent") - sentBefore).as("openamr_report_jobs_total{outcome=sent}").isGreaterThanOrEqualTo(1);
    }

    private double jobs(String outcome) {
        return metrics.get("openamr.report.jobs").tag("outcome", outcome).counter().count();
    }

    @Test
    void wrongRecipientsSchedulesAndRolesAreRefused() {
        Map<String, Object> base = Map.of("name", "x", "kind", "statement", "period", "PREVIOUS_MONTH",
                "formats", List.of("csv"), "cron", "0 0 8 23 * *", "recipients", List.of("a@b.ru"));
        assertRefused(with(base, "recipients", List.of("not an address")), "recipients", "not an address");
        assertRefused(with(base, "recipients", List.of()), "recipients");
        assertRefused(with(base, "cron", "every day"), "cron");
        assertRefused(with(base, "cron", "* * * * * *"), "more often than once a minute");
        assertRefused(with(base, "formats", List.of("docx")), "formats");
        assertRefused(with(base, "kind", "horoscope"), "kind");
        assertRefused(with(base, "timeZone", "Mars/Olympus"), "timeZone");
        assertRefused(with(base, "period", "LAST_DAYS"), "lastDays");
        Api.Response foreign = manager.post("/api/v1/report-subscriptions",
                json(with(base, "scope", UUID.randomUUID().toString())));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(resident.post("/api/v1/report-subscriptions", json(base)).status()).isEqualTo(403);
        assertThat(resident.get("/api/v1/report-subscriptions").status()).isEqualTo(403);
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new java.util.HashMap<>(base);
        m.put(key, value);
        return m;
    }

    private void assertRefused(Map<String, Object> body, String... says) {
        Api.Response r = manager.post("/api/v1/report-subscriptions", json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains(says);
    }

    @Test
    void twoServerInstancesOnOneDatabaseSendAScheduledReportOnce() throws Exception {
        ConfigurableApplicationContext second = new SpringApplicationBuilder(OpenAmrServer.class).properties(
                "spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "spring.datasource.password=",
                "openamr.data-dir=target/openamr-test-home",
                "server.port=0",
                "openamr.polling.instance=second",
                "openamr.reports.mail.enabled=true",
                "openamr.reports.mail.host=127.0.0.1",
                "openamr.reports.mail.port=" + SMTP_PORT,
                "openamr.reports.mail.security=NONE",
                "openamr.reports.tick=300ms").run();
        try {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(subscribe("Два сервера " + i, "0 0 8 23 * *", List.of("csv"), "twice" + i + "@uk.example.ru"));
            }
            jdbc.sql("update report_subscription set last_slot_at = now() - interval '40 days'"
                    + " where public_id::text in (:ids)").param("ids", ids).update();
            awaitMail(5);
            Thread.sleep(3000);
            MimeMessage[] got = smtp.getReceivedMessages();
            assertThat(got).as("one message per subscription, whichever instance sent it").hasSize(5);
            List<String> instances = jdbc.sql("""
                    select r.instance from report_run r join report_subscription s on s.id = r.subscription_id
                    where s.public_id::text in (:ids) and r.status = 'SENT'""").param("ids", ids)
                    .query(String.class).list();
            assertThat(instances).hasSize(5);
        } finally {
            second.close();
        }
    }
}
