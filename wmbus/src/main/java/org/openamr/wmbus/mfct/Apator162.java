package org.openamr.wmbus.mfct;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.app.ManufacturerCode;
import org.openamr.mbus.record.DataRecord;
import org.openamr.mbus.record.RecordDecoder;
import org.openamr.mbus.record.RecordSet;
import org.openamr.wmbus.MeterAddress;

/**
 * The Apator AT-WMBUS-16-2 water meter module (APA, version 5, device type 06 or 07), which sends
 * its readings as manufacturer data after DIF 0F, as a sequence of registers:
 *
 * <pre>
 * 2F 2F 0F  date(4) faults(3)  REG data…  REG data…  …  FF FF … (filler up to the AES block)
 * register 10: total volume, 4 bytes, unsigned, little-endian, litres
 * </pre>
 *
 * Every register's size is implied by its number; the table below is what is publicly known from
 * decoding real telegrams (wmbusmeters' apator162 driver). The walk stops at FF, and at the first
 * register whose size is not known: the volume is reported only when every register before it
 * was understood, so that a misread size can never move a wrong number into its place. The
 * volume becomes an ordinary record (DIF 04, VIF 13: litres), added after the telegram's own.
 */
public final class Apator162 {

    private static final int APA = ManufacturerCode.encode("APA");
    private static final int TOTAL_VOLUME = 0x10;
    private static final int END = 0xFF;
    /** Date (4) and fault flags (3) before the first register. */
    private static final int PREFIX = 7;
    private static final int[] SIZES = new int[256];

    static {
        java.util.Arrays.fill(SIZES, -1);
        size(4, 0x00, 0x10, 0xA1, 0x42, 0xA0, 0xA4, 0xF0);
        size(3, 0x01, 0x44, 0xA6, 0xD0, 0xD3);
        size(2, 0x11, 0x41, 0x43, 0xA7, 0xA8, 0xAA, 0xAB, 0xAC, 0xAD, 0xB4);
        size(6, 0x40, 0x8B, 0x8C);
        size(9, 0x71, 0x8A);
        size(13, 0x72);
        size(17, 0x73);
        size(25, 0x75);
        size(49, 0x7B);
        size(10, 0x80, 0x81, 0x82, 0x83, 0x84, 0x86, 0x87);
        size(11, 0x85, 0x88, 0x8F);
        size(7, 0x8E, 0xA3);
        size(1, 0xA2, 0xA5, 0xA9, 0xAF);
        size(5, 0xB0);
        size(8, 0xB1, 0xB3);
        size(16, 0xB2, 0xB5);
        for (int r = 0xB6; r <= 0xC7; r++) {
            SIZES[r] = 3;
        }
    }

    private Apator162() {
    }

    private static void size(int n, int... registers) {
        for (int r : registers) {
            SIZES[r] = n;
        }
    }

    public static boolean applies(MeterAddress meter) {
        return meter.manufacturer() == APA && meter.version() == 0x05
                && (meter.deviceType() == 0x06 || meter.deviceType() == 0x07);
    }

    /**
     * The record set with the total volume added, or the same set when the registers do not yield
     * it. {@code dataOffset} is where the manufacturer data stand in the telegram, for the record's offset.
     */
    public static RecordSet withRegisters(RecordSet set, int dataOffset, List<String> warnings) {
        byte[] m = set.manufacturerData();
        if (set.tail() != RecordSet.Tail.MANUFACTURER_DATA || m.length <= PREFIX) {
            return set;
        }
        int i = PREFIX;
        while (i < m.length) {
            int register = m[i] & 0xFF;
            if (register == END) {
                break;
            }
            int n = SIZES[register];
            if (n < 0 || i + 1 + n > m.length) {
                warnings.add(("Apator 16-2 register %02X at manufacturer data byte %d: " + (n < 0 ? "size unknown"
                        : "runs past the end") + "; registers after it are not read").formatted(register, i));
                return set;
            }
            if (register == TOTAL_VOLUME) {
                byte[] record = {0x04, 0x13, m[i + 1], m[i + 2], m[i + 3], m[i + 4]};
                try {
                    DataRecord volume = RecordDecoder.decode(record, 0, record.length, false, dataOffset + i)
                            .records().get(0);
                    List<DataRecord> records = new ArrayList<>(set.records());
                    records.add(volume);
                    List<Integer> fillers = new ArrayList<>(set.fillers());
                    fillers.add(fillers.size() - 1, 0);
                    return new RecordSet(records, fillers, set.tail(), m);
                } catch (DecodeException e) {
                    throw new IllegalStateException("a 6-byte 04 13 record always decodes", e);
                }
            }
            i += 1 + n;
        }
        return set;
    }

    /** For tests: the registers whose sizes are known. */
    static List<Integer> knownRegisters() {
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < 256; r++) {
            if (SIZES[r] >= 0) {
                out.add(r);
            }
        }
        return Collections.unmodifiableList(out);
    }
}
