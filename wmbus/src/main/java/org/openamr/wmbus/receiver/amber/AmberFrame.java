package org.openamr.wmbus.receiver.amber;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.OptionalInt;

/**
 * One command-mode frame of Amber/Würth Elektronik's wireless M-Bus modules (AMB8465-M USB stick,
 * AMB8425-M, AMB8426-M, the AMB8xx5 family), as their manuals lay it out (e.g. "AMB8426-M /
 * AMB8626-M manual" V2.4, 2.2 "Command Mode"); the USB stick's serial line runs at 9600 Bd, 8N1:
 *
 * <pre>
 * FF | command | length | payload (length bytes) | [RSSI, only on a received telegram when enabled] | CS
 *
 * CS  the XOR of every byte before it, the start byte 0xFF included
 * a request's confirmation carries its command with bit 0x80 set (CMD_SET_MODE_REQ 0x04 → 0x84)
 * </pre>
 *
 * @param rssi the raw RSSI byte of a received telegram ({@link AmberRssi} converts it), else empty
 */
public record AmberFrame(int command, byte[] payload, OptionalInt rssi) {

    public static final int START = 0xFF;
    static final int HEADER = 3;
    static final int MAX_LENGTH = HEADER + 255 + 2;

    public AmberFrame {
        if (command < 0 || command > 255 || payload.length > 255) {
            throw new IllegalArgumentException("command 0-255 and at most 255 payload bytes");
        }
        payload = payload.clone();
    }

    public AmberFrame(int command, byte[] payload) {
        this(command, payload, OptionalInt.empty());
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public byte[] encode() {
        byte[] b = new byte[HEADER + payload.length + (rssi.isPresent() ? 1 : 0) + 1];
        b[0] = (byte) START;
        b[1] = (byte) command;
        b[2] = (byte) payload.length;
        System.arraycopy(payload, 0, b, HEADER, payload.length);
        if (rssi.isPresent()) {
            b[b.length - 2] = (byte) rssi.getAsInt();
        }
        b[b.length - 1] = (byte) checksum(b, b.length - 1);
        return b;
    }

    /** XOR of the first {@code length} bytes. */
    static int checksum(byte[] b, int length) {
        int cs = 0;
        for (int i = 0; i < length; i++) {
            cs ^= b[i];
        }
        return cs & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AmberFrame f && f.command == command && Arrays.equals(f.payload, payload)
                && f.rssi.equals(rssi);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payload) * 31 + command;
    }

    @Override
    public String toString() {
        return "AmberFrame[%02X %s%s]".formatted(command, HexFormat.of().formatHex(payload),
                rssi.isPresent() ? " rssi " + rssi.getAsInt() : "");
    }
}
