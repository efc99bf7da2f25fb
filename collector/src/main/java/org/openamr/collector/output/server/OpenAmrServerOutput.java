package org.openamr.collector.output.server;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openamr.acquisition.readout.ReadoutsJson;
import org.openamr.collector.delivery.Batch;
import org.openamr.collector.delivery.DeliveryException;
import org.openamr.collector.delivery.DeliveryException.Kind;
import org.openamr.collector.delivery.Output;

/**
 * Delivers batches to an OpenAMR server: the readouts JSON to {@code /ingest/v1/readouts} with the
 * channel's push token, named by the headers {@code X-OpenAMR-Collector} and {@code X-OpenAMR-Batch}
 * (and the queue depth and version, which the server shows on its acquisition page). The server stores
 * each batch once, so sending a batch again after a crash or a lost answer is harmless; a delivery is
 * confirmed only by a 2xx that names the batch (server/INGEST.md, "OpenAMR collectors").
 */
public final class OpenAmrServerOutput implements Output {

    /** The path of the readouts endpoint below the server's URL. */
    public static final String PATH = "/ingest/v1/readouts";
    static final int DEFAULT_TIMEOUT_SECONDS = 30;

    private static final String SOFTWARE = "openamr-collector " + version();

    /**
     * What the configuration says about an OpenAMR server output.
     *
     * @param url            the server, e.g. {@code https://amr.example.org} (the output adds {@value #PATH});
     *                       {@code http://} only for tests and closed networks
     * @param token          the concentrator channel's push token, {@code oamr_push_…}
     * @param caFile         PEM or DER certificate(s) to trust instead of the JDK's authorities (a server
     *                       with its own CA), or null
     * @param timeoutSeconds for connecting and for the answer; null: {@value #DEFAULT_TIMEOUT_SECONDS}
     */
    public record Settings(String url, String token, String caFile, Integer timeoutSeconds) {
    }

    private final String name;
    private final String collectorId;
    private final String token;
    private final HttpTransport http;
    private volatile LongSupplier queueDepth;

    /**
     * @throws IllegalArgumentException when a setting is missing or wrong, naming it
     */
    public OpenAmrServerOutput(String name, String collectorId, Settings settings) {
        this.name = Objects.requireNonNull(name, "name");
        this.collectorId = Objects.requireNonNull(collectorId, "collectorId");
        Objects.requireNonNull(settings, "settings");
        if (settings.token() == null || settings.token().isBlank()) {
            throw new IllegalArgumentException("output '" + name + "': token is required (the push token the "
                    + "server issued for the collector's channel, oamr_push_…)");
        }
        this.token = settings.token().strip();
        int timeout = settings.timeoutSeconds() == null ? DEFAULT_TIMEOUT_SECONDS : settings.timeoutSeconds();
        if (timeout < 1) {
            throw new IllegalArgumentException("output '" + name + "': timeoutSeconds must be at least 1");
        }
        String base = settings.url() == null ? null : settings.url().strip().replaceAll("/+$", "");
        this.http = new HttpTransport(name, base == null ? null : base + PATH, settings.caFile(),
                Duration.ofSeconds(timeout));
    }

    /**
     * Where the queue depth reported with each delivery comes from (the collector's store); without one
     * the server is not told.
     */
    public void queueDepth(LongSupplier depth) {
        this.queueDepth = depth;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(Batch batch) throws DeliveryException {
        // the software goes in a header, not the body: the server compares a repeated batch's body byte for
        // byte, and a collector updated between two attempts must still send the same document
        ReadoutsJson.Document doc = ReadoutsJson.write(batch.collector(), null, batch.readouts());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("Accept", "application/json");
        headers.put("X-OpenAMR-Collector", batch.collector());
        headers.put("X-OpenAMR-Batch", Long.toString(batch.sequence()));
        headers.put("X-OpenAMR-Version", SOFTWARE);
        LongSupplier depth = queueDepth;
        if (depth != null) {
            headers.put("X-OpenAMR-Queue-Depth", Long.toString(Math.max(0, depth.getAsLong())));
        }
        HttpTransport.Answer answer;
        try {
            answer = http.post(doc.body(), "application/json", headers);
        } catch (DeliveryException e) {
            throw new DeliveryException(e.kind(), "batch " + batch.sequence() + ": " + e.getMessage(), e.getCause());
        }
        if (!namesBatch(answer, batch.sequence())) {
            // anything else that answers 2xx (a proxy's page, a wrong URL) has not stored the batch
            throw new DeliveryException(Kind.REFUSED, name + ": " + http.shown() + " answered " + answer.status()
                    + " without naming batch " + batch.sequence() + " (is it an OpenAMR server?): "
                    + answer.shownBody());
        }
    }

    private static final Pattern BODY_SEQUENCE = Pattern.compile("\"sequence\"\\s*:\\s*(\\d+)");

    /** The header the server sets, else the {@code batch.sequence} of its JSON answer. */
    static boolean namesBatch(HttpTransport.Answer answer, long sequence) {
        String header = answer.header("X-OpenAMR-Batch");
        if (header != null) {
            return header.strip().equals(Long.toString(sequence));
        }
        int at = answer.body().indexOf("\"batch\"");
        if (at < 0) {
            return false;
        }
        Matcher m = BODY_SEQUENCE.matcher(answer.body()).region(at, answer.body().length());
        return m.find() && m.group(1).equals(Long.toString(sequence));
    }

    /** The collector's version from its jar's manifest; "dev" when run from classes. */
    static String version() {
        String v = OpenAmrServerOutput.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String toString() {
        return "OpenAmrServerOutput[" + name + " → " + http.shown() + ", collector " + collectorId + "]";
    }
}
