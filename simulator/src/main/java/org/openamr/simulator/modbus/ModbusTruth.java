package org.openamr.simulator.modbus;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a correct master must find on a virtual Modbus bus: the unit ids, and the exact values each
 * unit serves at any moment (past or future), computed from the meters' model, independently of
 * the wire. A view of the live bus: faults and meter errors set at runtime show at once.
 */
public final class ModbusTruth {

    private final VirtualModbusBus bus;

    ModbusTruth(VirtualModbusBus bus) {
        this.bus = bus;
    }

    public List<Integer> unitIds() {
        return bus.unitIds();
    }

    /** The unit's values when read at {@code at}. */
    public UnitTruth unit(int unit, Instant at) {
        ModbusMeter m = bus.unit(unit).orElseThrow(() -> new IllegalArgumentException("no unit " + unit + " on the bus"));
        ModuleSnapshot s = m.snapshot(at);
        return new UnitTruth(unit, m.meter().id(), m.meter().type(), s.readAt(), s.dataAt(), s.values());
    }

    /** The unit's values when read now, by the bus clock. */
    public UnitTruth unit(int unit) {
        return unit(unit, now());
    }

    /** Every unit's values when read at {@code at}, in unit order. */
    public List<UnitTruth> units(Instant at) {
        List<UnitTruth> out = new ArrayList<>();
        for (int u : unitIds()) {
            out.add(unit(u, at));
        }
        return out;
    }

    public Optional<UnitFault> fault(int unit) {
        return bus.fault(unit);
    }

    public Instant now() {
        return bus.clock().instant();
    }

    /**
     * Writes every unit's values at {@code at} as JSON (see {@link ModbusTruthJson}).
     *
     * @param settings extra members of the {@code "settings"} object, as JSON texts by name
     *                 (e.g. {@code "seed" → "7"}); may be empty
     */
    public void writeJson(Writer out, Instant at, Map<String, String> settings) throws IOException {
        ModbusTruthJson.write(out, bus, units(at), settings);
    }
}
