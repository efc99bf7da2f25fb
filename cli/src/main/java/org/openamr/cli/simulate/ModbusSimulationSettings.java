package org.openamr.cli.simulate;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.simulator.modbus.CharacterFormat;
import org.openamr.simulator.modbus.RtuTiming;
import org.openamr.simulator.modbus.UnitFault;
import org.openamr.simulator.modbus.VirtualModbusBus;

/**
 * What {@code openamr simulate modbus} serves: units of one map from {@code seed}, on Modbus TCP,
 * RTU over TCP and/or a pseudo-terminal, the RTU line paced at {@code baud} in {@code format} or not
 * at all.
 *
 * @param tcp    where Modbus TCP listens, or null (port 0 picks a free one)
 * @param rtuTcp where RTU over TCP listens, or null
 * @param pty    the path masters open, or null for no pseudo-terminal
 * @param clock  the meters' clock; a fixed one makes the values stand still
 */
record ModbusSimulationSettings(List<Integer> unitIds, long seed, RegisterMap map, Map<Integer, UnitFault> faults,
                                int baud, CharacterFormat format, boolean paced, InetSocketAddress tcp,
                                InetSocketAddress rtuTcp, Path pty, Clock clock) {

    ModbusSimulationSettings {
        unitIds = List.copyOf(unitIds);
        faults = Map.copyOf(faults);
        Objects.requireNonNull(map);
        Objects.requireNonNull(format);
        Objects.requireNonNull(clock);
        if (tcp == null && rtuTcp == null && pty == null) {
            throw new IllegalArgumentException("nothing to serve on: give a TCP port, an RTU-over-TCP port or a"
                    + " pseudo-terminal");
        }
    }

    /** A fresh bus as these settings describe it; the same settings always give the same units. */
    VirtualModbusBus newBus() {
        VirtualModbusBus.Builder b = VirtualModbusBus.builder().seed(seed).clock(clock).unitIds(unitIds).map(map);
        faults.forEach(b::fault);
        return b.build();
    }

    /** The RTU line's timing. */
    RtuTiming timing() {
        return paced ? RtuTiming.paced(baud, format) : RtuTiming.unpaced(baud, format);
    }
}
