package org.openamr.server.channel;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/**
 * What one run did with one meter: read (how many values), or failed and why.
 *
 * @param silent failed because the meter did not answer at all
 * @param errorText {@code error} as a text the pages say in their language; null for outcomes stored before
 */
public record OutcomeView(UUID meterId, String serial, String manufacturer, boolean ok, boolean silent,
                          String addressedBy, int valuesRead, String error, Instant at,
                          @JsonIgnore Text errorText) {

    @JsonIgnore
    public OutcomeResult result() {
        return OutcomeResult.of(ok, silent);
    }
}
