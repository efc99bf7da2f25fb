package org.openamr.wmbus.receiver.amber;

/**
 * The RSSI byte of the Amber modules in dBm, as their manuals give it for CMD_RSSI_REQ and the RSSI
 * appended to received telegrams ("AMB8426-M / AMB8626-M manual" V2.4, 7.9 CMD_RSSI_REQ): the byte
 * is a two's complement level in half dB, offset by 74 dB — raw ≥ 128: (raw − 256) / 2 − 74,
 * otherwise raw / 2 − 74, the halves truncated toward zero as the manual's integer division does.
 * The manual notes the relation is not linear over the whole range.
 */
public final class AmberRssi {

    private static final int OFFSET = 74;

    private AmberRssi() {
    }

    public static int toDbm(int raw) {
        int r = raw & 0xFF;
        return (r >= 128 ? (r - 256) / 2 : r / 2) - OFFSET;
    }
}
