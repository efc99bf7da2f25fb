package org.openamr.collector.output.csv;

import java.time.ZoneId;
import org.openamr.collector.delivery.Batch;

/**
 * What the outputs that send batches as CSV files (FTP, SFTP, e-mail) have in common: the output's name and
 * its collector's id, both checked at start to be safe in a file name, and the zone of the files' times. It
 * also keeps their settings' shared defaults in one place.
 *
 * @param output    the output's name, part of each file name
 * @param collector the collector's id; a batch of another collector is a programming error
 * @param zone      the zone of the CSV's times and of the file name
 */
public record CsvDestination(String output, String collector, ZoneId zone) {

    /** Seconds to wait for connecting and for each answer, when the settings do not say. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 30;

    public CsvDestination {
        ReadingsCsv.requireSafeName("output name", output);
        ReadingsCsv.requireSafeName("collector id", collector);
    }

    /** A settings' {@code timeoutSeconds}: the default when missing, refused when not positive. */
    public static int timeoutSeconds(Integer given, String output) {
        int seconds = given == null ? DEFAULT_TIMEOUT_SECONDS : given;
        if (seconds < 1) {
            throw new IllegalArgumentException(output + ": timeoutSeconds " + seconds + " is not positive");
        }
        return seconds;
    }

    /** A settings' {@code zone}: UTC when missing; an unknown zone is refused by {@link ZoneId#of}. */
    public static String zone(String given) {
        String zone = given == null ? "UTC" : given;
        ZoneId.of(zone);
        return zone;
    }

    /** The batch's file name (see {@link ReadingsCsv#fileName}), once the batch is known to be this collector's. */
    public String fileName(Batch batch) {
        requireOwn(batch);
        return ReadingsCsv.fileName(batch, output, zone);
    }

    /** The batch's CSV file (see {@link ReadingsCsv#write}), once the batch is known to be this collector's. */
    public byte[] csv(Batch batch) {
        requireOwn(batch);
        return ReadingsCsv.write(batch, zone);
    }

    /** Refuses a batch of another collector: the engine gives each output its own collector's batches only. */
    public void requireOwn(Batch batch) {
        if (!batch.collector().equals(collector)) {
            throw new IllegalArgumentException("batch of collector '" + batch.collector() + "' given to output '"
                    + output + "' of collector '" + collector + "'");
        }
    }
}
