package org.openamr.gateway.image;

import org.openamr.gateway.layout.Layout;
import org.openamr.modbus.map.WordOrder;

/**
 * The registers the gateway serves, as they stood after one read-out: immutable, so that the servers
 * read it from any thread while the next one is built, and a new image replaces it in one step. Two
 * registers change with the clock rather than with read-outs, and are written into each answer: the
 * gateway's clock and each meter's age.
 */
public final class RegisterImage {

    private final byte[] bytes;
    private final WordOrder order;
    /** Per block (index 0 is the gateway's): when its values were read, Unix seconds; -1 for none. */
    private final long[] readAt;

    RegisterImage(byte[] bytes, WordOrder order, long[] readAt) {
        this.bytes = bytes;
        this.order = order;
        this.readAt = readAt;
    }

    /** Registers served: addresses 0 up to this, exclusive. */
    public int registers() {
        return bytes.length / 2;
    }

    public boolean serves(int address, int quantity) {
        return address >= 0 && quantity >= 0 && (long) address + quantity <= registers();
    }

    /**
     * The registers {@code address … address + quantity − 1}, two bytes each, high byte first, with the
     * clock and the ages at {@code nowSeconds}; the caller checks {@link #serves} first.
     */
    public byte[] read(int address, int quantity, long nowSeconds) {
        byte[] out = new byte[quantity * 2];
        System.arraycopy(bytes, address * 2, out, 0, out.length);
        int end = address + quantity;
        patch(out, address, end, Layout.G_NOW, nowSeconds);
        for (int block = Math.max(1, address / Layout.BLOCK); block <= (end - 1) / Layout.BLOCK; block++) {
            long at = readAt[block];
            patch(out, address, end, Layout.blockStart(block) + Layout.AGE,
                    at < 0 ? Layout.NO_AGE : Math.min(Math.max(0, nowSeconds - at), Layout.NO_AGE - 1));
        }
        return out;
    }

    /** One register as a number 0..0xFFFF, with the clock and ages at {@code nowSeconds}. */
    public int word(int address, long nowSeconds) {
        byte[] b = read(address, 1, nowSeconds);
        return (b[0] & 0xFF) << 8 | b[1] & 0xFF;
    }

    /** Writes the part of a uint32 at {@code register} that falls inside the answer {@code from..end}. */
    private void patch(byte[] out, int from, int end, int register, long value) {
        int high = (int) (value >>> 16) & 0xFFFF;
        int low = (int) value & 0xFFFF;
        int first = order == WordOrder.BIG ? high : low;
        int second = order == WordOrder.BIG ? low : high;
        put(out, from, end, register, first);
        put(out, from, end, register + 1, second);
    }

    private static void put(byte[] out, int from, int end, int register, int word) {
        if (register >= from && register < end) {
            int i = (register - from) * 2;
            out[i] = (byte) (word >>> 8);
            out[i + 1] = (byte) word;
        }
    }
}
