package org.openamr.bench.pages;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openamr.demo.OpenAmrDemo;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read side of the web pages on the demo at full size (not a test; figures in README.md): starts the real
 * server with the demo seeded as {@code openamr demo} seeds it (60 apartments, 62 meters, 13 months of daily
 * and a week of hourly history: some 150 000 readings) in a temporary directory, analyzes the database as
 * autovacuum would, signs in over HTTP as each demo role and times {@code rounds} GETs of each page after
 * {@code warmup} untimed ones. Prints median and worst per role and page, and exits with status 1 if any
 * page answers other than 200 or any median is over {@code limit-ms} (default 1000: the meters page must
 * answer within a second for every role).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.openamr.bench.pages.PagesBenchmark [rounds=20] [warmup=3] [limit-ms=1000]</pre>
 */
public final class PagesBenchmark {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final List<String> ROLES = List.of("admin", "operator", "manager", "resident");

    private PagesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 20;
        int warmup = 3;
        long limitMs = 1000;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "rounds" -> rounds = Integer.parseInt(kv[1]);
                case "warmup" -> warmup = Integer.parseInt(kv[1]);
                case "limit-ms" -> limitMs = Long.parseLong(kv[1]);
                default -> throw new IllegalArgumentException("unknown argument '" + arg
                        + "'; known: rounds, warmup, limit-ms");
            }
        }
        Path home = Files.createTempDirectory("openamr-pages-bench");
        System.out.printf(Locale.ROOT, "OpenAMR pages benchmark, %s, Java %s, %d cores%n", Instant.now(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        ConfigurableApplicationContext server = new SpringApplicationBuilder(OpenAmrDemo.class)
                .run("--server.port=0", "--openamr.data-dir=" + home, "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN", "--logging.level.org.openamr=WARN",
                        "--springdoc.api-docs.enabled=false", "--springdoc.swagger-ui.enabled=false",
                        "--openamr.demo.enabled=true", "--openamr.polling.enabled=false");
        boolean ok;
        try {
            ok = run(server, rounds, warmup, limitMs);
        } finally {
            server.close();
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(ok ? 0 : 1);
    }

    private static boolean run(ConfigurableApplicationContext server, int rounds, int warmup, long limitMs)
            throws Exception {
        int port = Integer.parseInt(server.getEnvironment().getRequiredProperty("local.server.port"));
        JdbcClient jdbc = server.getBean(JdbcClient.class);
        jdbc.sql("analyze").update();
        System.out.printf(Locale.ROOT, "%d meters, %,d readings%n",
                jdbc.sql("select count(*) from meter").query(Long.class).single(),
                jdbc.sql("select count(*) from reading").query(Long.class).single());
        String building = jdbc.sql("select public_id::text from building").query(String.class).single();
        String apartment = jdbc.sql("select public_id::text from premise where number = '1'").query(String.class)
                .single();
        boolean ok = true;
        System.out.printf(Locale.ROOT, "%-9s %-42s %8s %8s%n", "role", "page", "median", "worst");
        for (String role : ROLES) {
            Session s = new Session(port);
            s.login(role, role + "-demo");
            List<String> pages = new ArrayList<>(List.of("/meters", "/meters?sort=LAST_READING&size=100",
                    "/api/v1/meters?size=100"));
            if (!role.equals("resident")) {
                pages.add("/buildings/" + building);
                pages.add("/apartments/" + apartment);
            }
            for (String page : pages) {
                for (int i = 0; i < warmup; i++) {
                    s.get(page);
                }
                long[] ms = new long[rounds];
                int failed = 0;
                for (int i = 0; i < rounds; i++) {
                    long start = System.nanoTime();
                    int status = s.get(page);
                    ms[i] = (System.nanoTime() - start) / 1_000_000;
                    if (status != 200) {
                        failed++;
                    }
                }
                if (failed > 0) {
                    System.out.printf(Locale.ROOT, "%s GET %s: %d of %d answers not 200%n", role, page, failed, rounds);
                    ok = false;
                }
                java.util.Arrays.sort(ms);
                long median = ms[rounds / 2];
                boolean fast = median <= limitMs;
                ok &= fast;
                System.out.printf(Locale.ROOT, "%-9s %-42s %6d ms %6d ms%s%n", role,
                        page.length() > 42 ? page.substring(0, 42) : page, median, ms[rounds - 1],
                        fast ? "" : "  over " + limitMs + " ms");
            }
        }
        System.out.println(ok ? "all pages 200, every median within " + limitMs + " ms" : "FAILED");
        return ok;
    }

    /** A browser's session: cookies, the sign-in form with its CSRF token. */
    private static final class Session {
        private final int port;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        Session(int port) {
            this.port = port;
        }

        void login(String user, String password) throws IOException, InterruptedException {
            String form = send(HttpRequest.newBuilder(uri("/login")).build()).body();
            Matcher m = CSRF_FIELD.matcher(form);
            if (!m.find()) {
                throw new IllegalStateException("the sign-in page has no CSRF token");
            }
            send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password)
                            + "&_csrf=" + enc(m.group(1)))).build());
        }

        int get(String path) throws IOException, InterruptedException {
            String accept = path.startsWith("/api/") ? "application/json" : "text/html";
            return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).build()).statusCode();
        }

        private HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
