package org.openamr.server.report.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openamr.server.consumption.RegistryFixture;
import org.openamr.server.reading.ReadingPartitions;
import org.openamr.server.support.Api;
import org.openamr.server.support.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A scheduled report larger than {@code openamr.reports.max-attachment} goes as a link, not an attachment: the link
 * serves the very file the API makes, to anyone who has it, for {@code link-validity}; after that, and for a token
 * that never was, it is a page saying so in the reader's language. The schedule's tick is the test's to call, so
 * that an expired file is not removed before it is asked for.
 */
@ServerTest
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportDownloadLinkIT {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final int SMTP_PORT = ScheduledReportsIT.freePort();
    static final String PUBLIC_URL = "https://amr.example.ru/";
    static GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry r) {
        ScheduledReportsIT.mailTo(r, SMTP_PORT);
        r.add("openamr.reports.tick", () -> "1h");
        // every report of this test is larger; zip-above stays at its 2 MB, far above them
        r.add("openamr.reports.max-attachment", () -> "100B");
        r.add("openamr.reports.link-validity", () -> "3d");
        r.add("openamr.reports.public-url", () -> PUBLIC_URL);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReadingPartitions partitions;
    @Autowired
    SubscriptionRunner runner;

    final HttpClient http = HttpClient.newHttpClient();
    String managerToken;
    Api manager;
    UUID building;
    YearMonth lastMonth = YearMonth.now(MOSCOW).minusMonths(1);

    @BeforeAll
    void registry() {
        smtp.start();
        RegistryFixture fx = new RegistryFixture(jdbc, partitions);
        long org = fx.organisation("MANAGEMENT");
        long b = fx.building(org, "Europe/Moscow");
        long flat = fx.premise(b, fx.entrance(b, 1), "12");
        building = fx.publicId("building", b);
        long meter = fx.meter(RegistryFixture.unique("M-"), null);
        long point = fx.point(b, flat, "COLD_WATER");
        fx.install(meter, point, Instant.parse("2025-01-01T00:00:00Z"), null, null, null);
        long register = fx.register(meter, "VOLUME", "m3", 0, 0);
        fx.reading(register, lastMonth.atDay(1).atStartOfDay(MOSCOW).toInstant(), "41.250");
        fx.reading(register, lastMonth.plusMonths(1).atDay(1).atStartOfDay(MOSCOW).toInstant(), "44.875");
        managerToken = fx.token("MANAGER", org, null);
        manager = new Api(port, managerToken);
    }

    @BeforeEach
    void emptyMailbox() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterAll
    void stop() {
        smtp.stop();
    }

    /** Subscribes, sends at once and returns the one message that came. */
    private MimeMessage sendNow(String name, List<String> formats) throws Exception {
        Api.Response r = manager.post("/api/v1/report-subscriptions", json(Map.of("name", name, "kind", "statement",
                "scope", building.toString(), "period", "PREVIOUS_MONTH", "formats", formats,
                "cron", "0 0 8 23 * *", "timeZone", "Europe/Moscow", "recipients", List.of("big@uk.example.ru"))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        assertThat(manager.post("/api/v1/report-subscriptions/" + id + "/send", "{}").status()).isEqualTo(202);
        runner.tick();
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).as("the mail came").isTrue();
        MimeMessage[] got = smtp.getReceivedMessages();
        assertThat(got).hasSize(1);
        String delivered = manager.get("/api/v1/report-subscriptions/" + id + "/runs").json().get(0).get("delivered")
                .asString();
        assertThat(delivered).contains("by link until");
        return got[0];
    }

    private static String json(Map<String, Object> m) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(m);
    }

    /** The message's text and the names of its attachments. */
    private static String text(MimeMessage m, List<String> attachments) throws Exception {
        Object content = m.getContent();
        if (!(content instanceof Multipart mp)) {
            return content.toString();
        }
        StringBuilder text = new StringBuilder();
        collect(mp, text, attachments);
        return text.toString();
    }

    private static void collect(Multipart mp, StringBuilder text, List<String> attachments) throws Exception {
        for (int i = 0; i < mp.getCount(); i++) {
            Part p = mp.getBodyPart(i);
            if (p.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
                attachments.add(String.valueOf(p.getFileName()));
            } else if (p.getContent() instanceof Multipart inner) {
                collect(inner, text, attachments);
            } else {
                text.append(p.getContent());
            }
        }
    }

    /** The link's token: the address is the public URL's, the server under test is on localhost. */
    private static String token(String body) {
        Matcher m = Pattern.compile(Pattern.quote("https://amr.example.ru/reports/download/") + "(\\S+)").matcher(body);
        assertThat(m.find()).as("a download link on the public URL, without a doubled slash: %s", body).isTrue();
        return m.group(1);
    }

    private HttpResponse<byte[]> get(String path, String bearer, String language) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (language != null) {
            b.header("Accept-Language", language);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The same report made directly by the API. */
    private HttpResponse<byte[]> direct(String format) throws Exception {
        HttpResponse<byte[]> r = get("/api/v1/reports/statement?scope=" + building + "&month=" + lastMonth
                + "&format=" + format, managerToken, null);
        assertThat(r.statusCode()).isEqualTo(200);
        return r;
    }

    private static String withoutMadeAt(byte[] txt) {
        return new String(txt, java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("(?m)^\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}\\s*$", "");
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    private static String page(HttpResponse<byte[]> r) {
        return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private void assertGonePage(HttpResponse<byte[]> ru, HttpResponse<byte[]> en, int status, String why) {
        assertThat(ru.statusCode()).isEqualTo(status);
        assertThat(en.statusCode()).isEqualTo(status);
        assertThat(header(ru, "Content-Type")).startsWith("text/html");
        assertThat(page(ru)).contains("Ссылка больше не действует", why, "Попросите отправителя прислать отчёт")
                .doesNotContain("Exception", "at org.");
        assertThat(page(en)).contains("This link no longer works", "Ask the sender for the report again")
                .doesNotContain("Exception", "at org.", "Ссылка");
    }

    @Test
    void aReportAboveTheMaximumGoesByALinkThatServesTheApisFileUntilItExpires() throws Exception {
        Instant sentAfter = Instant.now();
        MimeMessage m = sendNow("Большая ведомость", List.of("csv"));
        List<String> attachments = new ArrayList<>();
        String body = text(m, attachments);
        assertThat(attachments).as("nothing attached: the file is above max-attachment").isEmpty();
        String token = token(body);
        assertThat(token).startsWith("oamr_rep_");
        assertThat(body).contains("statement_").contains(lastMonth + ".csv");

        Timestamp expires = jdbc.sql("select expires_at from report_download where token_hash = ?")
                .param(org.openamr.server.security.Tokens.hash(token)).query(Timestamp.class).single();
        assertThat(expires.toInstant()).as("link-validity 3d")
                .isBetween(sentAfter.plus(Duration.ofDays(3)), Instant.now().plus(Duration.ofDays(3)));
        // the mail gives the expiry in the subscription's zone, to the minute
        assertThat(body).contains(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
                .format(expires.toInstant().atZone(MOSCOW)));

        HttpResponse<byte[]> link = get("/reports/download/" + token, null, null);
        HttpResponse<byte[]> made = direct("csv");
        assertThat(link.statusCode()).as("anonymous, the token is the right to the file").isEqualTo(200);
        assertThat(header(link, "Content-Type")).isEqualTo(header(made, "Content-Type")).startsWith("text/csv");
        assertThat(header(link, "Content-Disposition")).isEqualTo(header(made, "Content-Disposition"))
                .startsWith("attachment").contains("filename*=UTF-8''statement_");
        assertThat(link.body()).as("the very file the API makes").isEqualTo(made.body());

        // past its validity: the file is still kept until the next tick, the link says it has expired
        jdbc.sql("update report_download set expires_at = now() - interval '1 second' where token_hash = ?")
                .param(org.openamr.server.security.Tokens.hash(token)).update();
        assertGonePage(get("/reports/download/" + token, null, "ru-RU,ru;q=0.9"),
                get("/reports/download/" + token + "?lang=en", null, null), 410, "хранился ограниченное время");
        // the tick removes it: then it is a link like any unknown one
        runner.tick();
        assertThat(jdbc.sql("select count(*) from report_download where token_hash = ?")
                .param(org.openamr.server.security.Tokens.hash(token)).query(Long.class).single()).isZero();
        assertGonePage(get("/reports/download/" + token, null, "ru"), get("/reports/download/" + token, null, "en"),
                404, "срок её действия истёк");
    }

    @Test
    void anUnknownTokenIsTheSamePageNotAnErrorOfTheServer() throws Exception {
        String never = "oamr_rep_" + "A".repeat(43);
        assertGonePage(get("/reports/download/" + never, null, "ru"), get("/reports/download/" + never, null, "en"),
                404, "По этой ссылке нет отчёта");
        assertGonePage(get("/reports/download/x", null, "ru"), get("/reports/download/x?lang=en", null, "ru"),
                404, "По этой ссылке нет отчёта");
    }

    @Test
    void severalFilesTooLargeTogetherGoZippedByOneLink() throws Exception {
        MimeMessage m = sendNow("Две ведомости", List.of("csv", "txt"));
        List<String> attachments = new ArrayList<>();
        String token = token(text(m, attachments));
        assertThat(attachments).as("below zip-above, but together above max-attachment").isEmpty();
        HttpResponse<byte[]> link = get("/reports/download/" + token, null, null);
        assertThat(link.statusCode()).isEqualTo(200);
        assertThat(header(link, "Content-Type")).isEqualTo("application/zip");
        assertThat(header(link, "Content-Disposition")).contains(".zip");
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(link.body()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName().replaceFirst("^.*\\.", ""), zip.readAllBytes());
            }
        }
        assertThat(entries).containsOnlyKeys("csv", "txt");
        assertThat(entries.get("csv")).isEqualTo(direct("csv").body());
        // the text file says when it was made, to the minute; the rest is the API's
        assertThat(withoutMadeAt(entries.get("txt"))).isEqualTo(withoutMadeAt(direct("txt").body()))
                .contains(lastMonth.atDay(1).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));
    }
}
