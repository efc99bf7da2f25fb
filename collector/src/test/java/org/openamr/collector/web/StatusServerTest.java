package org.openamr.collector.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.collector.delivery.OutputStatus;
import org.openamr.collector.input.InputCounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The status page over real HTTP, against a running collector whose figures it must repeat. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class StatusServerTest {

    private RunningCollector running;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        running = new RunningCollector(dir);
    }

    @AfterAll
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    private HttpResponse<String> get(String path, UnaryOperator<HttpRequest.Builder> extra) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(running.base() + path));
        return http.send(extra.apply(b).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String user, String password, String acceptLanguage) throws Exception {
        return get(path, b -> {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
            return acceptLanguage == null ? b : b.header("Accept-Language", acceptLanguage);
        });
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(path, RunningCollector.USER, RunningCollector.PASSWORD, null);
    }

    @Test
    void withoutTheRightPasswordEveryPathIsRefused() throws Exception {
        for (String path : new String[] {"/", "/status.json", "/nowhere"}) {
            HttpResponse<String> none = get(path, b -> b);
            assertThat(none.statusCode()).as(path).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm="));
            assertThat(none.body()).doesNotContain("archive").doesNotContain("web-test");
        }
        assertThat(get("/", RunningCollector.USER, "web-Secret-991", null).statusCode()).isEqualTo(401);
        assertThat(get("/", RunningCollector.USER, RunningCollector.PASSWORD + "x", null).statusCode()).isEqualTo(401);
        assertThat(get("/", "root", RunningCollector.PASSWORD, null).statusCode()).isEqualTo(401);
        assertThat(get("/", b -> b.header("Authorization", "Basic !!!notbase64")).statusCode()).isEqualTo(401);
        assertThat(get("/", b -> b.header("Authorization", "Bearer " + RunningCollector.PASSWORD)).statusCode()).isEqualTo(401);
        HttpResponse<String> ru = get("/", b -> b.header("Accept-Language", "ru-RU,ru;q=0.9"));
        assertThat(ru.body()).contains("Нужен пароль");
    }

    @Test
    void thePageShowsTheFiguresTheCollectorReports() throws Exception {
        running.collector.recentLog().warn("a line with <b>markup</b> & 'quotes'");
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        String page = r.body();
        InputCounts air = running.collector.radios().get(0).counts();
        assertThat(air.meters()).isEqualTo(5);
        String input = section(page, "input-air");
        assertThat(input).contains("<dd class=\"meters\">5</dd>")
                .contains("<dd class=\"telegrams\">" + air.telegrams() + "</dd>")
                .contains("<dd class=\"readouts\">" + air.readouts() + "</dd>")
                .contains("<dd class=\"rssi\">" + air.lastRssiDbm().getAsInt() + " dBm</dd>")
                .contains("replay:");
        air.errors().forEach((kind, n) -> assertThat(input).contains(kind + ": " + n));
        assertThat(air.errors()).isNotEmpty();

        OutputStatus archive = running.collector.outputStatus().get(0);
        String out = section(page, "output-archive");
        assertThat(out).contains("<dd class=\"type\">file</dd>").contains("<dd class=\"queue\">0</dd>")
                .contains("<dd class=\"delivered\">" + archive.delivered() + "</dd>");
        long ftpQueue = running.collector.store().queueDepth("ftp-main");
        assertThat(ftpQueue).isEqualTo(air.readouts());
        assertThat(section(page, "output-ftp-main")).contains("<dd class=\"queue\">" + ftpQueue + "</dd>")
                .contains("<dd class=\"last-success\">never</dd>");
        assertThat(section(page, "output-server")).contains("archive — standing by");

        Map<String, Long> telegrams = running.collector.store().telegramCounts();
        String store = section(page, "outcomes");
        telegrams.forEach((outcome, n) -> assertThat(store).contains("<dd class=\"outcome-" + outcome + "\">" + n + "</dd>"));
        assertThat(section(page, "store")).contains(running.collector.store().file().toString())
                .contains("<dd class=\"cap\">64.0 MB</dd>").contains("<dd class=\"dropped\">0</dd>");
        // the log ring: the damaged line's text is escaped, never markup
        assertThat(section(page, "log")).contains("collector web-test: store")
                .contains("WARN a line with &lt;b&gt;markup&lt;/b&gt; &amp; &#39;quotes&#39;").doesNotContain("<b>");
    }

    @Test
    void noSecretEverLeavesTheCollector() throws Exception {
        String page = get("/").body();
        assertThat(section(page, "log")).as("the server output's description quotes its URL without its user")
                .contains("https://example.invalid");
        running.collector.recentLog().warn("an answer quoting " + RunningCollector.SECRETS.get(2));
        page = get("/").body();
        assertThat(section(page, "log")).contains("an answer quoting " + ConfigText.MASK);
        String json = get("/status.json").body();
        String russian = get("/?lang=ru").body();
        for (String secret : RunningCollector.SECRETS) {
            assertThat(page).doesNotContain(secret);
            assertThat(json).doesNotContain(secret);
            assertThat(russian).doesNotContain(secret);
        }
        for (String line : running.keyFileLines) { // MANUFACTURER ID KEY: the key's hex digits
            String key = line.trim().split("\\s+")[2];
            assertThat(page).doesNotContainIgnoringCase(key);
            assertThat(json).doesNotContainIgnoringCase(key);
        }
        String config = section(page, "config").replace("&quot;", "'").replace("&#39;", "'");
        assertThat(config).contains("password: '" + ConfigText.MASK + "'").contains("token: '" + ConfigText.MASK + "'")
                .contains("collector:" + ConfigText.MASK + "@example.invalid").contains("keys.txt")
                .contains("host: ftp.example.invalid").contains("maxSize: 64MB").contains("maxAge: 30d");
    }

    @Test
    void englishAndRussianByHeaderOrParameter() throws Exception {
        String en = get("/", RunningCollector.USER, RunningCollector.PASSWORD, "de-DE,en;q=0.8,ru;q=0.5").body();
        assertThat(en).contains("<html lang=\"en\"").contains("Meters heard").contains("Running configuration")
                .doesNotContain("Счётчиков");
        String ru = get("/", RunningCollector.USER, RunningCollector.PASSWORD, "ru-RU,ru;q=0.9,en;q=0.5").body();
        assertThat(ru).contains("<html lang=\"ru\"").contains("Счётчиков услышано").contains("Действующие настройки")
                .contains("Последние строки журнала").doesNotContain("Meters heard");
        assertThat(get("/?lang=en", RunningCollector.USER, RunningCollector.PASSWORD, "ru").body()).contains("Meters heard");
        assertThat(get("/?lang=ru").body()).contains("Счётчиков услышано");
        HttpResponse<String> bad = get("/?lang=de");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("lang must be ru or en");
    }

    @Test
    void anUnknownPathIsA404PageInTheLanguage() throws Exception {
        HttpResponse<String> en = get("/config.yaml");
        assertThat(en.statusCode()).isEqualTo(404);
        assertThat(en.body()).contains("Page not found");
        HttpResponse<String> ru = get("/x?lang=ru");
        assertThat(ru.statusCode()).isEqualTo(404);
        assertThat(ru.body()).contains("Страница не найдена");
        HttpResponse<String> post = get("/", b -> b.POST(HttpRequest.BodyPublishers.ofString("x")).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((RunningCollector.USER + ":" + RunningCollector.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))));
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void statusJsonHasTheSameFigures() throws Exception {
        HttpResponse<String> r = get("/status.json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        JsonNode json = JsonMapper.builder().build().readTree(r.body());
        assertThat(json.get("collector").asString()).isEqualTo("web-test");
        JsonNode air = json.get("inputs").get(0);
        InputCounts counts = running.collector.radios().get(0).counts();
        assertThat(air.get("name").asString()).isEqualTo("air");
        assertThat(air.get("kind").asString()).isEqualTo("radio");
        assertThat(air.get("meters").asInt()).isEqualTo(counts.meters());
        assertThat(air.get("telegrams").asLong()).isEqualTo(counts.telegrams());
        assertThat(air.get("lastRead").asString()).isEqualTo(counts.lastRead().orElseThrow().toString());
        assertThat(air.get("lastRssiDbm").asInt()).isEqualTo(counts.lastRssiDbm().getAsInt());
        counts.errors().forEach((k, n) -> assertThat(air.get("errors").get(k).asLong()).isEqualTo(n));
        JsonNode outputs = json.get("outputs");
        assertThat(outputs).hasSize(3);
        assertThat(outputs.get(0).get("queueDepth").asLong()).isZero();
        assertThat(outputs.get(0).get("delivered").asLong()).isEqualTo(running.collector.outputStatus().get(0).delivered());
        assertThat(outputs.get(1).get("queueDepth").asLong()).isEqualTo(running.collector.store().queueDepth("ftp-main"));
        assertThat(outputs.get(1).get("lastSuccess").isNull()).isTrue();
        assertThat(outputs.get(2).get("backup").asString()).isEqualTo("archive");
        assertThat(outputs.get(2).get("backupInUse").asBoolean()).isFalse();
        JsonNode store = json.get("store");
        assertThat(store.get("usedBytes").asLong()).isPositive();
        assertThat(store.get("maxBytes").asLong()).isEqualTo(64L << 20);
        assertThat(store.get("maxAgeSeconds").asLong()).isEqualTo(30L * 86400);
        assertThat(store.get("droppedUndelivered").asLong()).isZero();
        running.collector.store().telegramCounts()
                .forEach((k, n) -> assertThat(store.get("telegrams").get(k).asLong()).as(k).isEqualTo(n));
        assertThat(json.has("configuration")).isFalse();
    }

    /** The element with this id up to the end of its section (or pre), for assertions about one part. */
    static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("element #" + id).isNotNegative();
        int end = page.indexOf(page.startsWith("<pre", page.lastIndexOf('<', start)) ? "</pre>" : "</section>", start);
        return page.substring(start, end);
    }
}
