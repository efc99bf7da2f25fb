package org.openamr.server.ingest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * What an OpenAMR collector says about a delivery in its request headers: who it is, the batch's number,
 * how much is still waiting in its store, its software version. Headers rather than fields of the
 * document: the readouts JSON (version 1) refuses unknown fields, the Solvimus XML is a foreign format,
 * and the same four headers work on both endpoints.
 *
 * @param collector  the collector's id from its configuration ({@value #COLLECTOR})
 * @param sequence   the batch's number, rising by one per batch and never reused ({@value #BATCH})
 * @param queueDepth readouts still waiting in the collector's store, or null ({@value #QUEUE_DEPTH})
 * @param version    the collector's software, or null ({@value #VERSION})
 */
public record CollectorBatch(String collector, long sequence, Long queueDepth, String version) {

    public static final String COLLECTOR = "X-OpenAMR-Collector";
    public static final String BATCH = "X-OpenAMR-Batch";
    public static final String QUEUE_DEPTH = "X-OpenAMR-Queue-Depth";
    public static final String VERSION = "X-OpenAMR-Version";

    /** Letters, digits and a few separators: an id that reads the same in a log, a URL and a file name. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E]{1,200}");

    /**
     * The batch a request names, or null for a plain push (no collector headers at all).
     *
     * @throws IngestException 400 when the headers are incomplete or malformed, naming the header
     */
    static CollectorBatch of(HttpServletRequest request) {
        String collector = request.getHeader(COLLECTOR);
        String batch = request.getHeader(BATCH);
        String depth = request.getHeader(QUEUE_DEPTH);
        String version = request.getHeader(VERSION);
        if (collector == null && batch == null && depth == null && version == null) {
            return null;
        }
        if (collector == null) {
            throw IngestException.badDocument("header " + COLLECTOR + " is missing: a push with " + BATCH + ", "
                    + QUEUE_DEPTH + " or " + VERSION + " must name its collector");
        }
        if (!ID.matcher(collector).matches()) {
            throw IngestException.badDocument("header " + COLLECTOR + " '" + collector + "' is not a collector id "
                    + "(1–64 characters: letters A–Z, digits and . _ : @ -)");
        }
        if (batch == null) {
            throw IngestException.badDocument("header " + BATCH + " is missing: collector '" + collector
                    + "' must number its batches (1, 2, 3, …) so that a batch sent twice is stored once");
        }
        long sequence = number(BATCH, batch, 1);
        Long queueDepth = depth == null ? null : number(QUEUE_DEPTH, depth, 0);
        if (version != null && !PRINTABLE.matcher(version).matches()) {
            throw IngestException.badDocument("header " + VERSION + " must be 1–200 printable ASCII characters");
        }
        return new CollectorBatch(collector, sequence, queueDepth, version);
    }

    private static long number(String header, String text, long min) {
        long n;
        try {
            n = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw IngestException.badDocument("header " + header + " '" + text + "' is not a whole number");
        }
        if (n < min) {
            throw IngestException.badDocument("header " + header + " is " + n + "; it must be at least " + min);
        }
        return n;
    }

    /** How the answers and the log name the batch. */
    String describe() {
        return "batch " + sequence + " of collector '" + collector + "'";
    }
}
