package org.openamr.server.web.registerimport;

import java.util.List;
import java.util.UUID;

/**
 * The register import's pages: the upload form (with what the file's columns mean), and the preview of an
 * uploaded file, row by row, with every problem.
 */
public final class ImportPage {

    private ImportPage() {
    }

    /**
     * @param fileError why the uploaded file could not be read at all
     * @param done      what the last confirmed import did, when the page follows one
     */
    public record Upload(List<BuildingOption> buildings, UUID selected, String fileError, Done done,
                         List<ColumnHelp> columns, long maxKilobytes, int maxRows) {
    }

    public record BuildingOption(UUID id, String address) {
    }

    /** A column: its header in the reader's language and in the other one, and what it holds. */
    public record ColumnHelp(String header, String otherHeader, boolean required, String meaning) {
    }

    public record Done(UUID building, String address, long created, long updated, long unchanged) {
    }

    /**
     * @param token  names the preview kept in the session; confirming sends it back with the file's SHA-256
     * @param stale  the registry changed since an earlier preview of this file, which is why this one is shown
     */
    public record Preview(UUID building, String address, String fileName, String token, String sha256, int rows,
                          long created, long updated, long unchanged, long errors, List<Problem> problems,
                          List<Line> lines, List<SharedMeter> meters, boolean stale) {

        public boolean importable() {
            return errors == 0 && created + updated > 0;
        }
    }

    public record Problem(int line, String column, String value, String reason) {
    }

    /**
     * A meter the file puts at several points of a premise, once, with its points.
     *
     * @param meter  maker and model, as far as the file says them
     * @param points each as "Cold water, subunit 1"
     * @param lines  the rows that name it
     */
    public record SharedMeter(String serial, String meter, String premise, List<String> points, List<Integer> lines) {
    }

    /** @param status CREATE, UPDATE, UNCHANGED or ERROR */
    public record Line(int line, String premise, String resource, String serial, String status, List<String> actions,
                       List<String> problems) {
    }
}
