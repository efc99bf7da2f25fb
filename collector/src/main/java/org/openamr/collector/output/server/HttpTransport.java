package org.openamr.collector.output.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.openamr.collector.delivery.DeliveryException;
import org.openamr.collector.delivery.DeliveryException.Kind;

/**
 * One HTTP(S) POST as the collector's HTTP outputs send it, with the answer sorted into what the
 * delivery engine needs: a 2xx to look at, a refusal (4xx: sending the same again will not help) or a
 * retryable failure (5xx, 408, 429, timeouts, connection errors). Shared by the OpenAMR server output and
 * the Solvimus XML output.
 */
public final class HttpTransport {

    /** As much of an answer's body as a log line and the status page need. */
    static final int BODY_SHOWN = 500;

    private final String output;
    private final URI uri;
    private final HttpClient client;
    private final Duration timeout;

    /**
     * @param output  the output's name, for messages
     * @param url     {@code https://…} or {@code http://…} (plain HTTP: tests and closed networks)
     * @param caFile  PEM or DER file of the certificate(s) to trust for HTTPS instead of the JDK's
     *                authorities (a server with its own CA), or null for the JDK's
     * @param timeout for connecting and for the whole answer
     * @throws IllegalArgumentException when the URL is not http(s) or the CA file cannot be read
     */
    public HttpTransport(String output, String url, String caFile, Duration timeout) {
        this.output = output;
        this.uri = uri(output, url);
        this.timeout = timeout;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (caFile != null && !caFile.isBlank()) {
            b.sslContext(trusting(output, Path.of(caFile)));
        }
        this.client = b.build();
    }

    /**
     * The destination as logs and error messages may show it: without a user and password written into the URL,
     * which would otherwise reach the console and the status page's log lines.
     */
    public String shown() {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    public URI uri() {
        return uri;
    }

    /** An answer the destination gave: status, body (as text) and headers. */
    public record Answer(int status, String body, Map<String, java.util.List<String>> headers) {

        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        /** The body as far as messages show it, on one line. */
        public String shownBody() {
            String b = body.replaceAll("\\s+", " ").strip();
            return b.length() <= BODY_SHOWN ? b : b.substring(0, BODY_SHOWN) + "…";
        }
    }

    /**
     * Posts the body and returns a 2xx answer.
     *
     * @throws DeliveryException REFUSED for a 4xx (except 408 and 429) and 3xx (a redirect is a wrong URL:
     *         a POST is never re-sent elsewhere silently), RETRYABLE for everything else that is not a 2xx
     */
    public Answer post(byte[] body, String contentType, Map<String, String> headers) throws DeliveryException {
        HttpRequest.Builder r = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(r::header);
        HttpResponse<String> response;
        try {
            response = client.send(r.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new DeliveryException(Kind.RETRYABLE, output + ": " + shown() + " did not answer within "
                    + timeout.toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw new DeliveryException(Kind.RETRYABLE, output + ": cannot connect to " + shown() + " ("
                    + describe(e) + ")", e);
        } catch (SSLException e) {
            throw new DeliveryException(Kind.RETRYABLE, output + ": TLS with " + shown() + " failed (" + describe(e)
                    + "); check the server's certificate and the output's caFile", e);
        } catch (IOException e) {
            throw new DeliveryException(Kind.RETRYABLE, output + ": sending to " + shown() + " failed ("
                    + describe(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(Kind.RETRYABLE, output + ": interrupted while sending to " + shown(), e);
        }
        Answer answer = new Answer(response.statusCode(), response.body() == null ? "" : response.body(),
                response.headers().map());
        int s = answer.status();
        if (s >= 200 && s < 300) {
            return answer;
        }
        String said = output + ": " + shown() + " answered " + s + (answer.shownBody().isEmpty() ? ""
                : ": " + answer.shownBody());
        if (s >= 500 || s == 408 || s == 429) {
            throw new DeliveryException(Kind.RETRYABLE, said);
        }
        throw new DeliveryException(Kind.REFUSED, said);
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        Throwable cause = e.getCause();
        if ((m == null || m.isBlank()) && cause != null) {
            m = cause.getMessage();
        }
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    private static URI uri(String output, String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("output '" + output + "': url is required");
        }
        URI u;
        try {
            u = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("output '" + output + "': url '" + url + "' is not a URL: "
                    + e.getMessage(), e);
        }
        if (!"https".equalsIgnoreCase(u.getScheme()) && !"http".equalsIgnoreCase(u.getScheme())
                || u.getHost() == null) {
            throw new IllegalArgumentException("output '" + output + "': url '" + url
                    + "' must be https://host[:port]/… (or http:// on a closed network)");
        }
        return u;
    }

    /** An SSL context that trusts exactly the certificates of the file (like curl's --cacert). */
    private static SSLContext trusting(String output, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("output '" + output + "': caFile " + file
                        + " holds no certificate");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException e) {
            throw new IllegalArgumentException("output '" + output + "': caFile " + file + " cannot be read: "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("output '" + output + "': caFile " + file
                    + " is not an X.509 certificate file (PEM or DER): " + e.getMessage(), e);
        }
    }
}
