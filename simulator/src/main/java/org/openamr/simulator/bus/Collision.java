package org.openamr.simulator.bus;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.link.AckFrame;
import org.openamr.mbus.link.FrameCodec;
import org.openamr.mbus.link.LongFrame;
import org.openamr.mbus.link.ShortFrame;
import org.openamr.simulator.model.DeterministicRandom;

/**
 * What a master receives when several slaves answer at once. On M-Bus a slave sends a 0 bit by
 * drawing more current, so the line carries the AND of all senders' bits; the senders start a few
 * bit times apart. This class lays the 11-bit characters (start, 8 data LSB first, even parity,
 * stop) of each answer on one line with such offsets, ANDs them and reads the line back as a UART
 * does. Parity and framing errors cannot be passed through a byte stream, so the result is then
 * made safe: no position of it may start a valid frame (a lone E5 would otherwise pass for one
 * acknowledgement), which is what a master must be able to rely on to see a collision.
 */
final class Collision {

    private static final int BITS_PER_CHARACTER = 11;
    /** Slaves start answering within a few bit times of each other; never in step. */
    private static final int MAX_OFFSET_BITS = 10;

    private Collision() {
    }

    static byte[] garble(List<byte[]> answers, DeterministicRandom random) {
        if (answers.size() < 2) {
            throw new IllegalArgumentException("a collision needs two or more answers");
        }
        int[] offsets = new int[answers.size()];
        int length = 0;
        for (int i = 0; i < answers.size(); i++) {
            offsets[i] = i == 0 ? 0 : 1 + random.nextInt(MAX_OFFSET_BITS);
            length = Math.max(length, offsets[i] + answers.get(i).length * BITS_PER_CHARACTER);
        }
        boolean[] line = new boolean[length + BITS_PER_CHARACTER];
        Arrays.fill(line, true);
        for (int i = 0; i < answers.size(); i++) {
            byte[] a = answers.get(i);
            for (int k = 0; k < a.length; k++) {
                boolean[] c = character(a[k] & 0xFF);
                int at = offsets[i] + k * BITS_PER_CHARACTER;
                for (int b = 0; b < BITS_PER_CHARACTER; b++) {
                    line[at + b] &= c[b];
                }
            }
        }
        return makeInvalid(receive(line));
    }

    private static boolean[] character(int value) {
        boolean[] bits = new boolean[BITS_PER_CHARACTER];
        bits[0] = false;
        int ones = 0;
        for (int i = 0; i < 8; i++) {
            bits[1 + i] = ((value >> i) & 1) != 0;
            ones += bits[1 + i] ? 1 : 0;
        }
        bits[9] = (ones & 1) != 0; // even parity
        bits[10] = true;
        return bits;
    }

    /** A UART: a 0 after idle starts a character; its data is kept whatever the parity and stop bits say. */
    private static byte[] receive(boolean[] line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i + BITS_PER_CHARACTER <= line.length) {
            if (line[i]) {
                i++;
                continue;
            }
            int value = 0;
            for (int b = 0; b < 8; b++) {
                value |= (line[i + 1 + b] ? 1 : 0) << b;
            }
            out.write(value);
            i += BITS_PER_CHARACTER;
        }
        return out.toByteArray();
    }

    /** Changes the first byte of every valid frame found in the bytes until none is left. */
    static byte[] makeInvalid(byte[] bytes) {
        byte[] b = bytes.length == 0 ? new byte[] {0x00} : bytes.clone();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int pos = 0; pos < b.length; pos++) {
                if (startsValidFrame(b, pos)) {
                    b[pos] ^= 0x01; // E5→E4, 10→11, 68→69: none of them starts a frame
                    changed = true;
                }
            }
        }
        return b;
    }

    static boolean startsValidFrame(byte[] b, int pos) {
        int start = b[pos] & 0xFF;
        int length;
        if (start == AckFrame.CHARACTER) {
            return true;
        } else if (start == ShortFrame.START) {
            length = 5;
        } else if (start == LongFrame.START && pos + 1 < b.length) {
            length = (b[pos + 1] & 0xFF) + 6;
        } else {
            return false;
        }
        if (pos + length > b.length) {
            return false;
        }
        try {
            FrameCodec.decode(Arrays.copyOfRange(b, pos, pos + length));
            return true;
        } catch (DecodeException e) {
            return false;
        }
    }
}
