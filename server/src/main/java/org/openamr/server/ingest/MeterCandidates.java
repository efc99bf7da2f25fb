package org.openamr.server.ingest;

import java.time.Instant;
import java.util.List;
import org.openamr.acquisition.readout.MeterCondition;
import org.openamr.acquisition.readout.MeterIdentity;

/**
 * One meter of a push: who, when it was read, its values and, when the document reports them at
 * all, its conditions. A document that says nothing about conditions must not clear the events a
 * poll raised, hence {@code conditionsReported}.
 *
 * @param label the meter as the document names it, for rejections
 */
record MeterCandidates(String label, MeterIdentity identity, Instant readAt, List<Candidate> values,
                       List<MeterCondition> conditions, boolean conditionsReported) {
}
