package org.openamr.server.alarm.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs a webhook body, signed: {@code X-OpenAMR-Signature: sha256=<hex HMAC-SHA256 of the exact body bytes under
 * the subscription's secret>}, {@code X-OpenAMR-Timestamp} (seconds since 1970, of this try) and
 * {@code X-OpenAMR-Delivery} (the same on every try of one message). Redirects are not followed: a receiver that moved
 * answers 3xx, which is a failure the history shows, rather than the signed body going somewhere nobody configured.
 */
class WebhookClient {

    static final String SIGNATURE = "X-OpenAMR-Signature";
    static final String TIMESTAMP = "X-OpenAMR-Timestamp";
    static final String DELIVERY = "X-OpenAMR-Delivery";
    /** The most of an answer kept for the history. */
    static final int MAX_ANSWER = 1000;

    /** What the receiver answered. */
    record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http;
    private final Duration timeout;

    WebhookClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** @throws IOException when no answer came: refused, unreachable, timed out */
    Answer post(String url, byte[] secret, UUID delivery, String body) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "OpenAMR")
                .header(SIGNATURE, "sha256=" + sign(secret, bytes))
                .header(TIMESTAMP, Long.toString(Instant.now().getEpochSecond()))
                .header(DELIVERY, delivery.toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            // only the start is kept; a receiver that answers megabytes is not read to the end
            byte[] start = in.readNBytes(MAX_ANSWER * 4);
            return new Answer(r.statusCode(), truncate(new String(start, StandardCharsets.UTF_8)));
        }
    }

    /** Lower-case hex of HMAC-SHA256 of the bytes under the secret. */
    static String sign(byte[] secret, byte[] bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static String truncate(String s) {
        return s.length() > MAX_ANSWER ? s.substring(0, MAX_ANSWER) + "…" : s;
    }
}
