package org.openamr.gateway.image;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the gateway block says besides the layout constants.
 *
 * @param serial       the gateway's serial number (uint32), as the operator set it
 * @param version      the software version: major, minor, patch
 * @param metersListed meters in the meter file (slots in use; gaps are empty slots)
 * @param lastCycle    when the last complete read-out of every listed meter ended
 * @param cycles       complete read-outs since the start
 * @param lastDuration how long the last one took
 * @param nextCycle    when the next one is due
 */
public record GatewayInfo(long serial, int[] version, int metersListed, Optional<Instant> lastCycle, long cycles,
                          int ok, int notAnswering, int badAnswer, Duration lastDuration, Optional<Instant> nextCycle) {

    public GatewayInfo {
        if (serial < 0 || serial > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("gateway serial " + serial + " is outside 0..4294967295");
        }
        version = version.clone();
    }

    /** Major, minor and patch from a version text such as {@code 0.1.0-SNAPSHOT}; 0.0.0 when there is none. */
    public static int[] version(String text) {
        int[] v = new int[3];
        if (text == null) {
            return v;
        }
        String[] parts = text.split("[.-]");
        for (int i = 0; i < 3 && i < parts.length; i++) {
            v[i] = parts[i].matches("\\d{1,4}") ? Math.min(Integer.parseInt(parts[i]), 0xFFFF) : 0;
        }
        return v;
    }
}
