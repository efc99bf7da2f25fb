package org.openamr.server.event;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.openamr.acquisition.readout.MeterCondition;
import org.openamr.server.api.Page;
import org.openamr.server.api.TimeBounds;
import org.openamr.server.reading.ConditionRecorder;
import org.openamr.server.reading.ReadingSource;
import org.openamr.server.security.AccessScope;
import org.springframework.stereotype.Service;

/**
 * Turns the conditions of successive readouts into events: a condition not active before is RAISED
 * at the readout's time, an active one no longer reported is CLEARED. A readout older than the
 * meter's newest event (a late push) only adds what it proves and clears nothing. Also the events API.
 */
@Service
public class MeterEvents implements ConditionRecorder {

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private final MeterEventRepository events;

    public MeterEvents(MeterEventRepository events) {
        this.events = events;
    }

    /** @return events written */
    @Override
    public int record(long meterId, Instant at, List<MeterCondition> conditions, ReadingSource source) {
        List<MeterEventRepository.Active> active = events.active(meterId);
        Instant newest = events.newest(meterId).orElse(Instant.MIN);
        boolean late = at.isBefore(newest);
        Set<String> activeCodes = new HashSet<>();
        active.forEach(a -> activeCodes.add(a.code()));
        int written = 0;
        Set<String> reported = new HashSet<>();
        for (MeterCondition c : conditions) {
            reported.add(c.code());
            if (!activeCodes.contains(c.code()) && !late) {
                written += events.insert(meterId, at, EventKind.RAISED, c.code(), c.labelEn(), c.labelRu(), source.name());
            }
        }
        if (!late) {
            for (MeterEventRepository.Active a : active) {
                if (!reported.contains(a.code())) {
                    written += events.insert(meterId, at, EventKind.CLEARED, a.code(), "", "", source.name());
                }
            }
        }
        return written;
    }

    /**
     * Events the scope sees, newest first; without {@code from} since 2000, without {@code to} up to a day
     * ahead (a meter's clock may run fast).
     */
    public Page<MeterEvent> list(AccessScope scope, UUID meter, UUID building, Instant from, Instant to, int page,
            int size) {
        TimeBounds.check("from", from);
        TimeBounds.check("to", to);
        return events.page(scope, meter, building, from == null ? EARLIEST : from,
                to == null ? Instant.now().plusSeconds(86_400) : to, page, size);
    }
}
