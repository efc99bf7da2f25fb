package org.openamr.modbus.value;

import java.util.Arrays;
import java.util.Objects;
import org.openamr.modbus.FunctionCode;

/**
 * What one read returned: the words of {@code count} consecutive addresses from {@code start},
 * each 0..0xFFFF for registers, 0 or 1 for coils and discrete inputs. Immutable.
 */
public final class RegisterBlock {

    private final FunctionCode function;
    private final int start;
    private final int[] words;

    public RegisterBlock(FunctionCode function, int start, int... words) {
        this.function = Objects.requireNonNull(function, "function");
        if (start < 0 || start + words.length > 0x10000) {
            throw new IllegalArgumentException("registers " + start + ".." + (start + words.length - 1)
                    + " outside 0..65535");
        }
        int max = function.readsBits() ? 1 : 0xFFFF;
        for (int i = 0; i < words.length; i++) {
            if (words[i] < 0 || words[i] > max) {
                throw new IllegalArgumentException(function.table() + " " + (start + i) + ": " + words[i]
                        + " is outside 0.." + max);
            }
        }
        this.start = start;
        this.words = words.clone();
    }

    /** A block of registers as a Modbus library hands them over, as Java shorts (sign ignored). */
    public static RegisterBlock ofShorts(FunctionCode function, int start, short... registers) {
        int[] w = new int[registers.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = registers[i] & 0xFFFF;
        }
        return new RegisterBlock(function, start, w);
    }

    public FunctionCode function() {
        return function;
    }

    public int start() {
        return start;
    }

    public int count() {
        return words.length;
    }

    public boolean contains(FunctionCode f, int address) {
        return f == function && address >= start && address < start + words.length;
    }

    /** The word at {@code address}; callers check {@link #contains} first. */
    public int word(int address) {
        if (address < start || address >= start + words.length) {
            throw new IndexOutOfBoundsException("register " + address + " outside " + start + ".."
                    + (start + words.length - 1));
        }
        return words[address - start];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegisterBlock b && b.function == function && b.start == start
                && Arrays.equals(b.words, words);
    }

    @Override
    public int hashCode() {
        return Objects.hash(function, start, Arrays.hashCode(words));
    }

    @Override
    public String toString() {
        return "RegisterBlock[" + function.hex() + " " + start + ": " + Arrays.toString(words) + "]";
    }
}
