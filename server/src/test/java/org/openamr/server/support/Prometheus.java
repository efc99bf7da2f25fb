package org.openamr.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's {@code /actuator/prometheus} as a scraper reads it, with the scrape token the metrics tests
 * configure ({@code openamr.metrics.token}), and the value of one series of its text format.
 */
public final class Prometheus {

    /** The scrape token of the metrics tests; they share one server by configuring the same one. */
    public static final String TOKEN = "scrape-token-of-the-tests-0123456789";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    private final String text;

    private Prometheus(String text) {
        this.text = text;
    }

    /** The metrics now, read with the scrape token; fails unless the server answers 200. */
    public static Prometheus scrape(int port) {
        HttpResponse<String> r = get(port, "/actuator/prometheus", TOKEN);
        if (r.statusCode() != 200) {
            throw new AssertionError("scrape answered " + r.statusCode() + ": " + r.body());
        }
        return new Prometheus(r.body());
    }

    /** A GET with a bearer token (none when null). */
    public static HttpResponse<String> get(int port, String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String text() {
        return text;
    }

    /**
     * The value of the series {@code name} whose labels include {@code labels} (summed when several do), 0 when
     * none does: a counter not incremented yet.
     */
    public double value(String name, Map<String, String> labels) {
        double sum = 0;
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!line.startsWith("#") && m.matches() && m.group(1).equals(name)
                    && labels(m.group(3)).entrySet().containsAll(labels.entrySet())) {
                sum += Double.parseDouble(m.group(4));
            }
        }
        return sum;
    }

    /** Whether any series of that name is there. */
    public boolean has(String name) {
        return text.lines().anyMatch(l -> l.startsWith(name + "{") || l.startsWith(name + " "));
    }

    private static Map<String, String> labels(String list) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (list != null) {
            Matcher m = LABEL.matcher(list);
            while (m.find()) {
                labels.put(m.group(1), m.group(2));
            }
        }
        return labels;
    }
}
