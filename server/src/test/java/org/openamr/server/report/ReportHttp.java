package org.openamr.server.report;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What the report tests over HTTP share: their buildings' Moscow time, a report fetched as the server sends it (the
 * bytes, and the headers a download is judged by), and a CSV file split into fields.
 */
final class ReportHttp {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    /** An answer as bytes, with its Content-Type and Content-Disposition ("" when absent). */
    record Got(int status, byte[] body, String contentType, String disposition) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    ReportHttp(int port) {
        this.port = port;
    }

    /** A local time in Moscow, {@code 2026-11-01T00:00}. */
    static Instant msk(String local) {
        return LocalDateTime.parse(local).atZone(MOSCOW).toInstant();
    }

    /** GET as the token's holder, asking for Russian, the reports' first language. */
    Got get(String token, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "ru").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Got(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Content-Disposition").orElse(""));
    }

    /** CSV lines without the byte order mark, split at ';' (no value in these tests holds one). */
    static List<String[]> csv(byte[] body, Charset charset) {
        String text = new String(body, charset);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String[]> out = new ArrayList<>();
        for (String line : text.split("\r\n")) {
            out.add(line.split(";", -1));
        }
        return out;
    }
}
