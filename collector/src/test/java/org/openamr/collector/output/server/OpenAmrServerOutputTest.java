package org.openamr.collector.output.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.acquisition.readout.MeterIdentity;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.RegisterKey;
import org.openamr.acquisition.readout.RegisterValue;
import org.openamr.collector.delivery.Batch;
import org.openamr.collector.delivery.DeliveryException;
import org.openamr.collector.delivery.DeliveryException.Kind;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;

/** How the output reads answers, against a small HTTP(S) server that answers what each test needs. */
class OpenAmrServerOutputTest {

    private static final Batch BATCH = new Batch("lenina-12", 7, List.of(new MeterReadout(
            MeterIdentity.ofSerial("46174428"), Instant.parse("2026-11-23T10:00:05Z"),
            List.of(new RegisterValue(RegisterKey.current(Quantity.ENERGY, Unit.KWH),
                    Instant.parse("2026-11-23T10:00:00Z"), new BigDecimal("30390.125"))), List.of())));

    private HttpServer server;
    private final Map<String, String> received = new ConcurrentHashMap<>();

    /** An answer to give. */
    private record Reply(int status, String body, Map<String, String> headers, long delayMillis) {
    }

    private volatile Reply reply;

    private void handle(HttpExchange x) throws IOException {
        received.put("path", x.getRequestURI().getPath());
        x.getRequestHeaders().forEach((k, v) -> received.put(k.toLowerCase(), v.get(0)));
        received.put("body", new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Reply r = reply;
        try {
            Thread.sleep(r.delayMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        r.headers().forEach((k, v) -> x.getResponseHeaders().add(k, v));
        byte[] b = r.body().getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(r.status(), b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            x.getResponseBody().write(b);
        }
        x.close();
    }

    private String start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private OpenAmrServerOutput output(String url, Integer timeout) {
        OpenAmrServerOutput out = new OpenAmrServerOutput("main", "lenina-12",
                new OpenAmrServerOutput.Settings(url, "oamr_push_secret", null, timeout));
        out.queueDepth(() -> 42);
        return out;
    }

    private DeliveryException failure(String url, Reply r) {
        reply = r;
        try {
            output(url, 2).deliver(BATCH);
        } catch (DeliveryException e) {
            return e;
        }
        throw new AssertionError("delivered");
    }

    @Test
    void sendsTheReadoutsJsonWithTokenAndBatchHeadersAndIsConfirmedByTheAnswerNamingTheBatch() throws Exception {
        String url = start();
        reply = new Reply(200, "{\"push\":\"x\"}", Map.of("X-OpenAMR-Batch", "7"), 0);
        output(url + "/", null).deliver(BATCH);
        assertThat(received).containsEntry("path", "/ingest/v1/readouts")
                .containsEntry("authorization", "Bearer oamr_push_secret")
                .containsEntry("x-openamr-collector", "lenina-12").containsEntry("x-openamr-batch", "7")
                .containsEntry("x-openamr-queue-depth", "42").containsEntry("content-type", "application/json");
        assertThat(received.get("x-openamr-version")).startsWith("openamr-collector ");
        assertThat(received.get("body")).contains("\"value\":\"30390.125\"", "\"id\":\"lenina-12\"");

        // the body alone names it too (a proxy that drops unknown headers)
        reply = new Reply(200, "{\"batch\":{\"collector\":\"lenina-12\",\"sequence\":7,\"alreadyStored\":true}}",
                Map.of(), 0);
        output(url, null).deliver(BATCH);
    }

    @Test
    void aTwoHundredThatDoesNotNameTheBatchIsNoConfirmation() throws Exception {
        String url = start();
        DeliveryException e = failure(url, new Reply(200, "<html>captive portal</html>", Map.of(), 0));
        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.getMessage()).contains("without naming batch 7", "captive portal");
        e = failure(url, new Reply(200, "{}", Map.of("X-OpenAMR-Batch", "6"), 0));
        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
    }

    @Test
    void refusalsCarryStatusAndBodyAndServerTroubleIsRetryable() throws Exception {
        String url = start();
        for (int status : new int[] {400, 401, 403, 409, 413}) {
            DeliveryException e = failure(url, new Reply(status, "{\"detail\":\"why " + status + "\"}", Map.of(), 0));
            assertThat(e.kind()).as("status " + status).isEqualTo(Kind.REFUSED);
            assertThat(e.getMessage()).startsWith("batch 7: main: " + url + "/ingest/v1/readouts answered " + status)
                    .contains("why " + status);
        }
        for (int status : new int[] {500, 502, 503, 408, 429}) {
            assertThat(failure(url, new Reply(status, "busy", Map.of(), 0)).kind()).as("status " + status)
                    .isEqualTo(Kind.RETRYABLE);
        }
        DeliveryException slow = failure(url, new Reply(200, "{}", Map.of("X-OpenAMR-Batch", "7"), 3000));
        assertThat(slow.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(slow.getMessage()).contains("did not answer within 2 s");
    }

    @Test
    void aPasswordWrittenIntoTheUrlIsNeitherLoggedNorInARefusal() throws Exception {
        String url = start().replace("http://", "http://user:s3cret-pw@");
        assertThat(output(url, 2).toString()).doesNotContain("s3cret-pw").contains("http://127.0.0.1:");
        DeliveryException e = failure(url, new Reply(401, "{\"error\":\"unknown token\"}", Map.of(), 0));
        assertThat(e.getMessage()).doesNotContain("s3cret-pw").contains("401");
    }

    @Test
    void nobodyListeningIsRetryable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        DeliveryException e = failure("http://127.0.0.1:" + port, new Reply(200, "", Map.of(), 0));
        assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(e.getMessage()).contains("cannot connect");
    }

    @Test
    void wrongSettingsAreNamed() {
        assertThatThrownBy(() -> new OpenAmrServerOutput("main", "c",
                new OpenAmrServerOutput.Settings("ftp://x", "oamr_push_x", null, null)))
                .hasMessageContaining("output 'main': url 'ftp://x/ingest/v1/readouts' must be https://");
        assertThatThrownBy(() -> new OpenAmrServerOutput("main", "c",
                new OpenAmrServerOutput.Settings("https://x", " ", null, null)))
                .hasMessageContaining("output 'main': token is required");
        assertThatThrownBy(() -> new OpenAmrServerOutput("main", "c",
                new OpenAmrServerOutput.Settings("https://x", "t", "/no/such/ca.pem", null)))
                .hasMessageContaining("output 'main': caFile /no/such/ca.pem cannot be read");
    }

    @Test
    void httpsTrustsTheConfiguredCaFileAndRefusesAnUnknownCertificateRetryably(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Path cert = dir.resolve("ca.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-file", cert.toString());

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(keystore.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(ctx));
        https.createContext("/", this::handle);
        https.start();
        server = https;
        String url = "https://127.0.0.1:" + https.getAddress().getPort();
        reply = new Reply(200, "{}", Map.of("X-OpenAMR-Batch", "7"), 0);

        new OpenAmrServerOutput("tls", "c", new OpenAmrServerOutput.Settings(url, "oamr_push_x", cert.toString(), 5))
                .deliver(BATCH);
        assertThat(received).containsEntry("x-openamr-batch", "7");

        assertThatThrownBy(() -> new OpenAmrServerOutput("tls", "c",
                new OpenAmrServerOutput.Settings(url, "oamr_push_x", null, 5)).deliver(BATCH))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
                    assertThat(e.getMessage()).contains("TLS with " + url);
                });
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
