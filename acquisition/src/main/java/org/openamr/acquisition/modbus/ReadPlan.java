package org.openamr.acquisition.modbus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openamr.modbus.FunctionCode;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.map.Scale;
import org.openamr.modbus.map.ValueDefinition;

/**
 * Which reads fetch a map's values: the addresses the values and their exponent registers take,
 * joined per function code into as few requests as the protocol allows (125 registers or 2000 bits
 * a request).
 *
 * <p>A gap of up to {@link #BRIDGED_GAP} unmapped addresses between two values is read along, since
 * one longer request costs less bus time than two short ones (a request and its answer's framing
 * take about as long as 8 registers of data). A slave may refuse an unmapped address with exception
 * 02, though; {@link ModbusMaster} then reads the values of that request exactly, without gaps.
 */
final class ReadPlan {

    /** Unmapped addresses between two values that one request may span. */
    static final int BRIDGED_GAP = 16;
    static final int MAX_REGISTERS = 125;
    static final int MAX_BITS = 2000;

    private ReadPlan() {
    }

    /** One read request: {@code count} addresses from {@code start}; {@code bridged} when it spans unmapped ones. */
    record Request(FunctionCode function, int start, int count, boolean bridged) {

        int end() {
            return start + count - 1;
        }

        boolean covers(Request other) {
            return other.function == function && other.start >= start && other.end() <= end();
        }
    }

    /** The requests of a map with gaps bridged, in function-code then address order. */
    static List<Request> bridged(RegisterMap map) {
        return plan(map, BRIDGED_GAP);
    }

    /** The requests of a map's values that {@code bridged} spans, without any gap. */
    static List<Request> exactWithin(RegisterMap map, Request bridged) {
        return plan(map, 0).stream().filter(bridged::covers).toList();
    }

    static List<Request> plan(RegisterMap map, int gap) {
        Map<FunctionCode, TreeMap<Integer, Integer>> spans = new EnumMap<>(FunctionCode.class);
        for (ValueDefinition v : map.values()) {
            add(spans, v.function(), v.address(), v.lastAddress());
            if (v.scale() instanceof Scale.FromRegister r) {
                add(spans, v.function(), r.address(), r.address());
            }
        }
        List<Request> out = new ArrayList<>();
        for (Map.Entry<FunctionCode, TreeMap<Integer, Integer>> e : spans.entrySet()) {
            FunctionCode f = e.getKey();
            int limit = f.readsBits() ? MAX_BITS : MAX_REGISTERS;
            int start = -1;
            int end = -1;
            boolean bridged = false;
            for (Map.Entry<Integer, Integer> s : e.getValue().entrySet()) {
                int a = s.getKey();
                int b = s.getValue();
                if (start >= 0 && a <= end + 1 + gap && Math.max(end, b) - start + 1 <= limit) {
                    bridged |= a > end + 1;
                    end = Math.max(end, b);
                    continue;
                }
                if (start >= 0) {
                    out.add(new Request(f, start, end - start + 1, bridged));
                }
                start = a;
                end = b;
                bridged = false;
            }
            if (start >= 0) {
                out.add(new Request(f, start, end - start + 1, bridged));
            }
        }
        return out;
    }

    /** Addresses a..b of f, kept as start → end; an exponent register shared by several values counts once. */
    private static void add(Map<FunctionCode, TreeMap<Integer, Integer>> spans, FunctionCode f, int a, int b) {
        spans.computeIfAbsent(f, k -> new TreeMap<>()).merge(a, b, Math::max);
    }
}
