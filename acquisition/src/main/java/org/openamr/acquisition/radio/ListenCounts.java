package org.openamr.acquisition.radio;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a listening session has seen.
 *
 * @param telegrams  telegrams heard, duplicates and other modes not included
 * @param duplicates telegrams dropped as duplicates
 * @param otherModes telegrams dropped because they were heard in another mode than asked for
 * @param errors     telegrams (or damaged input) that could not be read, by kind: {@code crc},
 *                   {@code wrong-key}, {@code missing-key}, {@code checksum} …
 */
public record ListenCounts(long telegrams, long duplicates, long otherModes, Map<String, Long> errors) {

    public ListenCounts {
        errors = Collections.unmodifiableMap(new TreeMap<>(errors)); // sorted by kind, for stable output
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }
}
