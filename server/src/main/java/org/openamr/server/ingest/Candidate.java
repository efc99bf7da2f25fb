package org.openamr.server.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import org.openamr.acquisition.readout.RegisterKey;
import org.openamr.acquisition.readout.RegisterValue;

/**
 * A value that passed its own checks, with where it came from, so that it can still be rejected when
 * another value of the same push contradicts it. Where it came from is only spelled out then.
 */
record Candidate(RegisterKey key, Instant at, BigDecimal value, Origin origin) {

    /** The part of the document a value came from, for a rejection. */
    interface Origin {

        /** e.g. {@code data OBIS 6-0:1.0.0*255, entry 2} or {@code meters[3].values[17]} */
        String location();

        /** the part as sent */
        String fragment();
    }

    RegisterValue toValue() {
        return new RegisterValue(key, at, value);
    }
}
