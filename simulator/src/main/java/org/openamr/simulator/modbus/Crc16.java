package org.openamr.simulator.modbus;

/**
 * The CRC of Modbus RTU (CRC-16/MODBUS): polynomial 0x8005 processed bit-reversed (0xA001),
 * initial value 0xFFFF, no final XOR. On the wire it follows the frame low byte first, the one
 * place where Modbus sends a 16-bit number that way.
 */
public final class Crc16 {

    private static final int REVERSED_POLYNOMIAL = 0xA001;

    private Crc16() {
    }

    public static int of(byte[] bytes, int offset, int length) {
        int crc = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc ^= bytes[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ REVERSED_POLYNOMIAL : crc >>> 1;
            }
        }
        return crc;
    }

    /** True when the last two bytes of {@code frame[0..length)} are the CRC of the bytes before them. */
    public static boolean matches(byte[] frame, int length) {
        if (length < 3) {
            return false;
        }
        int crc = of(frame, 0, length - 2);
        return (frame[length - 2] & 0xFF) == (crc & 0xFF) && (frame[length - 1] & 0xFF) == crc >>> 8;
    }
}
