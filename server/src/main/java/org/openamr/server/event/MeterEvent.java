package org.openamr.server.event;

import java.time.Instant;
import java.util.UUID;

/** A condition of a meter raised or cleared at a moment, with its meaning in both languages. */
public record MeterEvent(UUID meter, String serial, Instant occurredAt, EventKind kind, String code, String labelEn,
                         String labelRu, String source) {
}
