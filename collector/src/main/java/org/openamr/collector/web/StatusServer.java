package org.openamr.collector.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openamr.collector.Collector;
import org.openamr.collector.config.CollectorSettings.WebSettings;

/**
 * The collector's status page on the JDK's own HTTP server: no framework, two threads, a page written
 * per request. Every path, unknown ones included, is behind the password, so that nothing about the
 * collector can be learnt without it.
 */
public final class StatusServer {

    private final HttpServer server;
    private final ExecutorService threads;

    private StatusServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    public static StatusServer start(Collector collector, WebSettings web, Clock clock) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(web.bind()), web.port()), 8);
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "openamr-web");
            t.setDaemon(true);
            return t;
        });
        BasicAuth auth = new BasicAuth(web.user(), web.password());
        server.createContext("/", exchange -> {
            try (exchange) {
                handle(exchange, collector, auth, clock);
            } catch (IOException | RuntimeException e) {
                // a client that went away, or a store error: the next request tries again
            }
        });
        server.setExecutor(threads);
        server.start();
        return new StatusServer(server, threads);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    public void stop() {
        server.stop(0);
        threads.shutdown();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void handle(HttpExchange x, Collector collector, BasicAuth auth, Clock clock) throws IOException {
        String query = x.getRequestURI().getRawQuery();
        String langParameter = parameter(query, "lang");
        Lang lang = Lang.accepted(x.getRequestHeaders().getFirst("Accept-Language"));
        if (!auth.accepts(x.getRequestHeaders().getFirst("Authorization"))) {
            x.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"OpenAMR collector\", charset=\"UTF-8\"");
            Lang l = langParameter == null ? lang : Lang.parameter(langParameter).orElse(lang);
            send(x, 401, "text/html", StatusPage.message(l, "unauthorized", "unauthorizedText", false));
            return;
        }
        if (!x.getRequestMethod().equals("GET") && !x.getRequestMethod().equals("HEAD")) {
            x.getResponseHeaders().set("Allow", "GET, HEAD");
            send(x, 405, "text/html", StatusPage.message(lang, "badMethod", "badMethodText", true));
            return;
        }
        if (langParameter != null) {
            Optional<Lang> chosen = Lang.parameter(langParameter);
            if (chosen.isEmpty()) {
                send(x, 400, "text/html", StatusPage.message(lang, "badLang", "badLangText", true));
                return;
            }
            lang = chosen.get();
        }
        String path = x.getRequestURI().getPath();
        if (path.equals("/")) {
            send(x, 200, "text/html", StatusPage.page(Status.of(collector, clock), lang));
        } else if (path.equals("/status.json")) {
            send(x, 200, "application/json", StatusJson.of(Status.of(collector, clock)));
        } else {
            send(x, 404, "text/html", StatusPage.message(lang, "notFound", "notFoundText", true));
        }
    }

    /** The first value of a query parameter, null when absent (values here are plain words: no decoding needed). */
    static String parameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0 ? "" : pair.substring(eq + 1);
            }
        }
        return null;
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var h = x.getResponseHeaders();
        h.set("Content-Type", type + "; charset=utf-8");
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'");
        boolean head = x.getRequestMethod().equals("HEAD");
        x.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
