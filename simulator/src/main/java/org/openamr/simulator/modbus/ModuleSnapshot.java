package org.openamr.simulator.modbus;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a meter's Modbus module shows at one moment: the words it serves and the values a reader
 * decodes from them, made together so that they cannot disagree.
 *
 * @param readAt when it is read
 * @param dataAt the moment the values belong to (earlier than {@code readAt} for a module that copies
 *               the calculator's data every few minutes)
 * @param values one per value of the map, in map order
 */
public record ModuleSnapshot(Instant readAt, Instant dataAt, RegisterImage image, List<ServedValue> values) {

    public ModuleSnapshot {
        Objects.requireNonNull(image, "image");
        values = List.copyOf(values);
    }
}
