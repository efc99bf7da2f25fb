package org.openamr.wmbus.receiver;

import java.util.Arrays;
import org.openamr.mbus.MalformedDataException;

/**
 * Dongles report a received telegram from its C-field on and let their frame's length field stand
 * for the L-field; the wireless decoder takes it from the L-field on. One conversion for all of them.
 */
public final class DongleTelegram {

    /** C, M, A and CI. */
    private static final int MIN_PAYLOAD = 10;

    private DongleTelegram() {
    }

    /**
     * The telegram from the L-field on.
     *
     * @param offset where the payload starts in the dongle's frame, for the error
     */
    public static byte[] withLField(byte[] fromCField, int offset) throws MalformedDataException {
        if (fromCField.length < MIN_PAYLOAD) {
            throw new MalformedDataException("a received telegram has at least C, M, A and CI (10 bytes), got "
                    + fromCField.length, offset);
        }
        byte[] t = new byte[fromCField.length + 1];
        t[0] = (byte) fromCField.length;
        System.arraycopy(fromCField, 0, t, 1, fromCField.length);
        return t;
    }

    /** The telegram from the C-field on, as a dongle sends it. */
    public static byte[] fromCField(byte[] withLField) {
        return Arrays.copyOfRange(withLField, 1, withLField.length);
    }
}
