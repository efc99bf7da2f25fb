package org.openamr.mbus.app;

/**
 * The status byte of the fixed header (EN 13757-3):
 *
 * <pre>bit 0–1 application status (0 no error, 1 busy, 2 any error, 3 abnormal condition)
 * bit 2 power low, bit 3 permanent error, bit 4 temporary error, bit 5–7 manufacturer specific</pre>
 */
public record StatusByte(int value) {

    public StatusByte {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("status must be a byte, got " + value);
        }
    }

    public boolean applicationBusy() {
        return (value & 0x03) == 1;
    }

    public boolean applicationError() {
        return (value & 0x03) == 2;
    }

    public boolean abnormalCondition() {
        return (value & 0x03) == 3;
    }

    public boolean powerLow() {
        return (value & 0x04) != 0;
    }

    public boolean permanentError() {
        return (value & 0x08) != 0;
    }

    public boolean temporaryError() {
        return (value & 0x10) != 0;
    }

    /** Bits 5–7, whose meaning is the manufacturer's. */
    public int manufacturerBits() {
        return (value >> 5) & 0x07;
    }

    public boolean ok() {
        return (value & 0x1F) == 0;
    }

    /** Readable flags, e.g. "power low, temporary error", or "OK". */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (applicationBusy()) {
            sb.append("application busy, ");
        }
        if (applicationError()) {
            sb.append("application error, ");
        }
        if (abnormalCondition()) {
            sb.append("abnormal condition, ");
        }
        if (powerLow()) {
            sb.append("power low, ");
        }
        if (permanentError()) {
            sb.append("permanent error, ");
        }
        if (temporaryError()) {
            sb.append("temporary error, ");
        }
        if (manufacturerBits() != 0) {
            sb.append("manufacturer bits ").append(Integer.toBinaryString(manufacturerBits())).append(", ");
        }
        return sb.length() == 0 ? "OK" : sb.substring(0, sb.length() - 2);
    }
}
