package org.openamr.simulator.modbus;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openamr.modbus.FunctionCode;

/**
 * What one unit serves at one moment: per function code, the words of a range of addresses
 * (registers 0..0xFFFF, coils and discrete inputs 0 or 1). Immutable.
 *
 * <p>A function's range runs from the lowest to the highest address its values take; addresses in
 * between that no value names read 0, as the real modules' other registers (integer copies, unit
 * texts) read something, and masters read one block across them. A map that places registers under
 * only one of 03 and 04 is served under both, as the module family of the built-in map serves
 * holding and input registers alike; a map that uses both keeps them apart.
 */
public final class RegisterImage {

    private final Map<FunctionCode, Table> tables;

    private RegisterImage(Map<FunctionCode, Table> tables) {
        this.tables = tables;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when {@code function} has data here; a read of a function without any is refused with exception 01. */
    public boolean serves(FunctionCode function) {
        return tables.containsKey(function);
    }

    /** True when every address of {@code address .. address + count - 1} is inside the function's range. */
    public boolean covers(FunctionCode function, int address, int count) {
        Table t = tables.get(function);
        return t != null && count > 0 && address >= t.first && (long) address + count - 1 <= t.last();
    }

    /** The words of a range {@link #covers} accepts. */
    public int[] read(FunctionCode function, int address, int count) {
        if (!covers(function, address, count)) {
            throw new IllegalArgumentException(function.table() + " " + address + ".." + (address + count - 1)
                    + " are not served");
        }
        Table t = tables.get(function);
        int[] out = new int[count];
        System.arraycopy(t.words, address - t.first, out, 0, count);
        return out;
    }

    /** The first and last address served under {@code function}, if any. */
    public Optional<int[]> range(FunctionCode function) {
        Table t = tables.get(function);
        return t == null ? Optional.empty() : Optional.of(new int[] {t.first, t.last()});
    }

    private record Table(int first, int[] words) {

        int last() {
            return first + words.length - 1;
        }
    }

    /** Collects words by address; a later word at the same address replaces an earlier one. */
    public static final class Builder {

        private final Map<FunctionCode, TreeMap<Integer, Integer>> words = new EnumMap<>(FunctionCode.class);

        private Builder() {
        }

        /** Puts {@code values} at {@code address} and the addresses after it. */
        public Builder put(FunctionCode function, int address, int... values) {
            int max = function.readsBits() ? 1 : 0xFFFF;
            TreeMap<Integer, Integer> table = words.computeIfAbsent(function, f -> new TreeMap<>());
            for (int i = 0; i < values.length; i++) {
                if (values[i] < 0 || values[i] > max || address + i > 0xFFFF || address < 0) {
                    throw new IllegalArgumentException(function.table() + " " + (address + i) + ": " + values[i]
                            + " does not fit");
                }
                table.put(address + i, values[i]);
            }
            return this;
        }

        public RegisterImage build() {
            Map<FunctionCode, Table> tables = new EnumMap<>(FunctionCode.class);
            words.forEach((function, table) -> {
                if (table.isEmpty()) {
                    return;
                }
                int first = table.firstKey();
                int[] w = new int[table.lastKey() - first + 1];
                table.forEach((address, value) -> w[address - first] = value);
                tables.put(function, new Table(first, w));
            });
            alias(tables, FunctionCode.READ_HOLDING_REGISTERS, FunctionCode.READ_INPUT_REGISTERS);
            alias(tables, FunctionCode.READ_INPUT_REGISTERS, FunctionCode.READ_HOLDING_REGISTERS);
            return new RegisterImage(tables);
        }

        private static void alias(Map<FunctionCode, Table> tables, FunctionCode from, FunctionCode to) {
            if (tables.containsKey(from) && !tables.containsKey(to)) {
                tables.put(to, tables.get(from));
            }
        }
    }
}
