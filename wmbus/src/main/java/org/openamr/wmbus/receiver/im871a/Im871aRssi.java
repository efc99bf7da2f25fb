package org.openamr.wmbus.receiver.im871a;

/**
 * The iM871A's RSSI byte in dBm. The HCI specification attaches the radio chip's raw RSSI level
 * (an unsigned byte) and gives no formula; the module's radio (Silicon Labs Si1002) reports its
 * level in steps of 0.5 dB. We use the straight line that open iM871A drivers (wmbusmeters) fit to
 * the Si1002 data sheet's "RSSI vs. input power" figure: raw 45 is −100 dBm, raw 205 is −20 dBm,
 * i.e. dBm = (raw − 245) / 2, rounded down, and 0 dBm at most. An approximation within a few dB,
 * good for comparing meters and antenna positions, not a calibrated measurement.
 */
public final class Im871aRssi {

    private Im871aRssi() {
    }

    public static int toDbm(int raw) {
        return Math.min(0, Math.floorDiv((raw & 0xFF) - 245, 2));
    }
}
