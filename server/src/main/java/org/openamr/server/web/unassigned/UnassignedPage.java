package org.openamr.server.web.unassigned;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Meters heard by a search or a push that hang at no point yet, one page of them.
 *
 * @param page from 1
 */
public record UnassignedPage(List<HeardMeter> meters, long total, int page, int pages) {

    /**
     * A meter as it was heard: its addresses and maker, when, and what it last said.
     *
     * @param zone where its channel's building is: the times are shown there
     */
    public record HeardMeter(UUID id, String serial, String manufacturer, String model, String medium,
                             Integer primaryAddress, String secondaryAddress, Instant firstSeen, Instant lastSeen,
                             ZoneId zone, List<Value> values) {
    }

    /** A current register value (storage 0), exact. */
    public record Value(String quantity, String unit, int tariff, int subunit, BigDecimal value, Instant at) {
    }

    /** What the list says after an assignment: the meter and where it went. */
    public record Assigned(String serial, UUID premise, String premiseNumber, UUID building, String address) {
    }
}
