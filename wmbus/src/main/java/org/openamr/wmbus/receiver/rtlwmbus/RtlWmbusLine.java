package org.openamr.wmbus.receiver.rtlwmbus;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.openamr.wmbus.receiver.LinkMode;

/**
 * One telegram as rtl_wmbus (the RTL-SDR wireless M-Bus receiver) prints it on standard output:
 * one line, eight fields separated by semicolons ({@link RtlWmbusFormat} has the exact grammar):
 *
 * <pre>
 * MODE;CRC_OK;3OUTOF6OK;TIMESTAMP;PACKET_RSSI;CURRENT_RSSI;LINK_LAYER_IDENT_NO;DATAGRAM_WITHOUT_CRC_BYTES
 * T1;1;1;2019-04-03 19:00:43.000;97;148;12345678;0x2c4465…
 * </pre>
 *
 * @param mode          T1, C1 (frame format A or B) or S1
 * @param crcOk         false when a block CRC of the frame failed: the bytes are damaged and must not be decoded
 * @param threeOfSixOk  false when the 3-out-of-6 line code (T1 only) had invalid symbols; always true for C1, S1
 * @param receivedAt    when the frame ended, in UTC, to the second (rtl_wmbus prints {@code .000})
 * @param packetRssi    rtl_wmbus's signal level at the frame's start: a unit-less magnitude, not dBm
 * @param currentRssi   its level at the frame's end, also unit-less
 * @param linkId        the link layer's identification number as printed (8 hex digits)
 * @param telegram      the frame from the L-field on, block CRCs removed, L counting the data bytes
 */
public record RtlWmbusLine(LinkMode mode, boolean crcOk, boolean threeOfSixOk, Instant receivedAt, int packetRssi,
                           int currentRssi, String linkId, byte[] telegram) {

    public RtlWmbusLine {
        telegram = telegram.clone();
    }

    @Override
    public byte[] telegram() {
        return telegram.clone();
    }

    /** True when rtl_wmbus vouches for the bytes: CRCs and line code both right. */
    public boolean intact() {
        return crcOk && threeOfSixOk;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RtlWmbusLine l && l.mode == mode && l.crcOk == crcOk && l.threeOfSixOk == threeOfSixOk
                && l.receivedAt.equals(receivedAt) && l.packetRssi == packetRssi && l.currentRssi == currentRssi
                && l.linkId.equals(linkId) && Arrays.equals(l.telegram, telegram);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(telegram) * 31 + receivedAt.hashCode();
    }

    @Override
    public String toString() {
        return "RtlWmbusLine[" + mode + " crc " + (crcOk ? 1 : 0) + " 3of6 " + (threeOfSixOk ? 1 : 0) + " "
                + receivedAt + " " + linkId + " " + HexFormat.of().formatHex(telegram) + "]";
    }
}
