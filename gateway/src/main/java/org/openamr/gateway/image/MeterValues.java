package org.openamr.gateway.image;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.RegisterKey;
import org.openamr.acquisition.readout.RegisterValue;
import org.openamr.gateway.layout.ValueSlot;
import org.openamr.mbus.record.Function;

/**
 * Which register value of a read-out fills which value slot: the same quantity, storage, tariff and
 * subunit, an instantaneous value without modifiers (not a maximum, not an error-state counter). A
 * value sent in the slot's unit wins over one that must be converted; among equals, the first one.
 *
 * @param readings per slot that the meter sent
 * @param dueDate  the moment of the due-date values, when the meter sent any
 */
public record MeterValues(Map<ValueSlot, SlotReading> readings, Optional<Instant> dueDate) {

    public MeterValues {
        readings = Map.copyOf(readings);
    }

    public static final MeterValues NONE = new MeterValues(Map.of(), Optional.empty());

    public static MeterValues of(MeterReadout readout) {
        Map<ValueSlot, SlotReading> out = new EnumMap<>(ValueSlot.class);
        Instant due = null;
        for (ValueSlot slot : ValueSlot.values()) {
            List<RegisterValue> candidates = readout.values().stream().filter(v -> fits(v.key(), slot)).toList();
            Optional<RegisterValue> chosen = candidates.stream().filter(v -> v.key().unit() == slot.unit()).findFirst()
                    .or(() -> candidates.stream()
                            .filter(v -> SlotUnits.convert(v.value(), v.key().unit(), slot.unit()).isPresent()).findFirst());
            if (chosen.isPresent()) {
                RegisterValue v = chosen.get();
                out.put(slot, SlotUnits.convert(v.value(), v.key().unit(), slot.unit()).orElseThrow());
                if (slot.storage() == 1 && due == null) {
                    due = v.measuredAt();
                }
            } else if (!candidates.isEmpty()) {
                out.put(slot, new SlotReading.Unconvertible(candidates.get(0).key().unit()));
            }
        }
        return new MeterValues(out, Optional.ofNullable(due));
    }

    private static boolean fits(RegisterKey k, ValueSlot slot) {
        return k.quantity() == slot.quantity() && k.storage() == slot.storage() && k.tariff() == slot.tariff()
                && k.subunit() == slot.subunit() && k.function() == Function.INSTANTANEOUS && k.qualifier().isEmpty();
    }
}
