package org.openamr.collector.output.solvimus;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.openamr.collector.delivery.Batch;
import org.openamr.collector.delivery.DeliveryException;
import org.openamr.collector.delivery.Output;
import org.openamr.collector.output.server.HttpTransport;

/**
 * Delivers batches as the Solvimus XML push ("XML TCP" mode of SonoCollect 110/111) over HTTP(S), so that
 * software built for installed SonoCollects can take the collector's data; the OpenAMR server reads it at
 * {@code /ingest/v1/solvimus}.
 *
 * <p>A foreign receiver does not know batch numbers, so any 2xx confirms the delivery. The batch's number
 * still goes along in the headers {@code X-OpenAMR-Collector} and {@code X-OpenAMR-Batch}: an OpenAMR server
 * then stores a batch sent twice once, other receivers ignore headers they do not know.
 */
public final class SolvimusXmlOutput implements Output {

    static final int DEFAULT_TIMEOUT_SECONDS = 30;

    /**
     * What the configuration says about a Solvimus XML output.
     *
     * @param url            the receiver's full URL, e.g. {@code https://amr.example.org/ingest/v1/solvimus}
     * @param token          sent as {@code Authorization: Bearer …} when set (the OpenAMR server's push token),
     *                       or null for receivers without one
     * @param caFile         PEM or DER certificate(s) to trust instead of the JDK's authorities, or null
     * @param timeoutSeconds for connecting and for the answer; null: {@value #DEFAULT_TIMEOUT_SECONDS}
     */
    public record Settings(String url, String token, String caFile, Integer timeoutSeconds) {
    }

    private final String name;
    private final String collectorId;
    private final String token;
    private final HttpTransport http;

    /** @throws IllegalArgumentException when a setting is missing or wrong, naming it */
    public SolvimusXmlOutput(String name, String collectorId, Settings settings) {
        this.name = Objects.requireNonNull(name, "name");
        this.collectorId = Objects.requireNonNull(collectorId, "collectorId");
        Objects.requireNonNull(settings, "settings");
        this.token = settings.token() == null || settings.token().isBlank() ? null : settings.token().strip();
        int timeout = settings.timeoutSeconds() == null ? DEFAULT_TIMEOUT_SECONDS : settings.timeoutSeconds();
        if (timeout < 1) {
            throw new IllegalArgumentException("output '" + name + "': timeoutSeconds must be at least 1");
        }
        this.http = new HttpTransport(name, settings.url(), settings.caFile(), Duration.ofSeconds(timeout));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(Batch batch) throws DeliveryException {
        String version = "openamr-collector " + versionOfJar();
        // no VERSION in the document (it is optional): an OpenAMR server compares a repeated batch byte for
        // byte, and a collector updated between two attempts must still send the same document
        SolvimusXml.Document doc = SolvimusXml.write(batch.collector(), null, batch.readouts());
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        headers.put("X-OpenAMR-Collector", batch.collector());
        headers.put("X-OpenAMR-Batch", Long.toString(batch.sequence()));
        headers.put("X-OpenAMR-Version", version);
        try {
            http.post(doc.body(), "text/xml; charset=utf-8", headers);
        } catch (DeliveryException e) {
            throw new DeliveryException(e.kind(), "batch " + batch.sequence() + ": " + e.getMessage(), e.getCause());
        }
    }

    private static String versionOfJar() {
        String v = SolvimusXmlOutput.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String toString() {
        return "SolvimusXmlOutput[" + name + " → " + http.shown() + ", collector " + collectorId + "]";
    }
}
