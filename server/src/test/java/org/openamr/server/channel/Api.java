package org.openamr.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against a running server, as one user with a bearer token. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final String token;

    Api(int port, String token) {
        this.port = port;
        this.token = token;
    }

    record Response(int status, JsonNode body, String location) {
        JsonNode json() {
            return body;
        }

        String text(String field) {
            JsonNode n = body.get(field);
            return n == null || n.isNull() ? null : n.asString();
        }

        /** The problem detail of an error, or the body for a success. */
        String detail() {
            return text("detail");
        }
    }

    Response get(String path) {
        return send(builder(path).GET());
    }

    Response post(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body))));
    }

    Response patch(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Response delete(String path) {
        return send(builder(path).DELETE());
    }

    /** Polls a job until it is DONE or FAILED. */
    JsonNode awaitJob(String jobId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Response r = get("/api/v1/jobs/" + jobId);
            assertThat(r.status()).as("GET job %s: %s", jobId, r.body()).isEqualTo(200);
            String status = r.text("status");
            if ("DONE".equals(status) || "FAILED".equals(status)) {
                return r.body();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + jobId + " still " + status + " after " + timeout + ": " + r.body());
            }
            Thread.sleep(50);
        }
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
            return new Response(r.statusCode(), body, r.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
