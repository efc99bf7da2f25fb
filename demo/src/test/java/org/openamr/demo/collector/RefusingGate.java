package org.openamr.demo.collector;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP gate in front of the server that either refuses every request with 401, as the server does a revoked
 * or mistyped push token, or passes it on and hands back the server's answer. The collector's output sees a
 * refusal ({@code REFUSED}), not an unreachable server, and the same URL works again once the gate opens.
 */
final class RefusingGate implements AutoCloseable {

    /** Headers the JDK's client sets itself and refuses to be given. */
    private static final Set<String> OWN = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final String backend;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean refusing;

    RefusingGate(int backendPort) throws IOException {
        this.backend = "http://localhost:" + backendPort;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    void refuse(boolean refuse) {
        this.refusing = refuse;
    }

    /** Requests answered 401 so far. */
    long refused() {
        return refused.get();
    }

    private void handle(HttpExchange x) throws IOException {
        byte[] body;
        try (InputStream in = x.getRequestBody()) {
            body = in.readAllBytes(); // read whole, so that the client gets the answer, not a reset connection
        }
        if (refusing) {
            refused.incrementAndGet();
            answer(x, 401, Map.of("Content-Type", List.of("application/json")),
                    "{\"error\": \"the push token is not valid\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(backend + x.getRequestURI()))
                .method(x.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        x.getRequestHeaders().forEach((name, values) -> {
            if (!OWN.contains(name.toLowerCase())) {
                values.forEach(v -> forward.header(name, v));
            }
        });
        HttpResponse<byte[]> r;
        try {
            r = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        answer(x, r.statusCode(), r.headers().map(), r.body());
    }

    private static void answer(HttpExchange x, int status, Map<String, List<String>> headers, byte[] body)
            throws IOException {
        headers.forEach((name, values) -> {
            if (!name.equals(":status") && !OWN.contains(name.toLowerCase())
                    && !name.equalsIgnoreCase("transfer-encoding") && !name.equalsIgnoreCase("date")) {
                x.getResponseHeaders().put(name, values);
            }
        });
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
