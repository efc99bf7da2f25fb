package org.openamr.server.alarm;

import java.util.Objects;

/**
 * What a rule found for one object now. {@link Finding#UNKNOWN} is the answer to missing data: it neither raises
 * nor clears, because no reading is "no data", not a reading of zero.
 *
 * @param evidence what the finding rests on: for HOLDS the raising, for ENDED the clearing evidence; for UNKNOWN
 *                 the reason there is no finding
 */
public record Verdict(Finding finding, Evidence evidence) {

    public enum Finding { HOLDS, ENDED, UNKNOWN }

    public Verdict {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(evidence, "evidence");
        if (finding != Finding.UNKNOWN && evidence.at() == null) {
            throw new IllegalArgumentException("a " + finding + " verdict rests on a moment");
        }
    }

    public static Verdict holds(Evidence evidence) {
        return new Verdict(Finding.HOLDS, evidence);
    }

    public static Verdict ended(Evidence evidence) {
        return new Verdict(Finding.ENDED, evidence);
    }

    public static Verdict unknown(Evidence why) {
        return new Verdict(Finding.UNKNOWN, why);
    }

    public boolean holds() {
        return finding == Finding.HOLDS;
    }
}
