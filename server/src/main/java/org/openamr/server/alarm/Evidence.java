package org.openamr.server.alarm;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.openamr.server.consumption.SourceReading;

/**
 * Why a rule found its condition holding or ended: the moment the finding rests on, what was seen (in English, for
 * the journal and the logs, as the consumption problems are), and the stored values behind it, when there are.
 *
 * @param at       the newest moment the finding rests on (the reading that raised or cleared it); null only for the
 *                 reason of an UNKNOWN verdict when there is no data at all
 * @param detail   what was seen, with its figures
 * @param readings the readings (or act values) behind it; empty when the finding rests on dates or sums
 */
public record Evidence(Instant at, String detail, List<SourceReading> readings) {

    public Evidence {
        Objects.requireNonNull(detail, "detail");
        readings = List.copyOf(readings);
    }

    public static Evidence of(Instant at, String detail) {
        return new Evidence(at, detail, List.of());
    }

    /** Why there is no finding, when there is no data to point at. */
    public static Evidence none(String detail) {
        return new Evidence(null, detail, List.of());
    }
}
