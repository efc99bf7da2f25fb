package org.openamr.server.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Pushes over real HTTP, as a concentrator would, and makes concentrator channels with tokens. */
final class PushClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    PushClient(int port) {
        this.port = port;
    }

    record Answer(int status, String contentType, JsonNode body, String raw) {
    }

    record Channel(long id, String token) {
    }

    static Channel channel(JdbcClient jdbc, ConcentratorTokens tokens, String name) {
        long id = jdbc.sql("insert into acquisition_channel (kind, name) values ('CONCENTRATOR', ?) returning id")
                .param(name).query(Long.class).single();
        return new Channel(id, tokens.issue(id));
    }

    Answer post(String path, String token, byte[] body) throws IOException, InterruptedException {
        return send(request(path, token).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    Answer post(String path, String token, String body) throws IOException, InterruptedException {
        return post(path, token, body.getBytes(StandardCharsets.UTF_8));
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", path.endsWith("solvimus") ? "text/xml; charset=utf-8" : "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        String type = r.headers().firstValue("Content-Type").orElse("");
        JsonNode body = r.body().isEmpty() ? null : JSON.readTree(r.body());
        return new Answer(r.statusCode(), type, body, r.body());
    }
}
