package org.openamr.wmbus.prios;

import java.util.Set;
import org.openamr.mbus.app.ManufacturerCode;

/**
 * Diehl's "Real Data" radio frames, sent by Diehl meters and the Danfoss Sonometer 1000/1100 that
 * Diehl builds. They look like OMS telegrams with a short header (CI 0x7A) but differ in two ways:
 *
 * <pre>
 * L C M0 M1 version type id0 id1 id2 id3  7A ACC STS CFG0 CFG1  scrambled records…
 * </pre>
 *
 * the six address bytes come in the order version, type, id instead of id, version, type, and the
 * records are scrambled with the PRIOS LFSR ({@link Prios}); CFG bit 12 (a security mode of 16 or
 * more, which OMS leaves to manufacturers) marks such a frame, and CFG1 carries the checksum. SND-NR
 * and SND-IR frames of Diehl brands only. Alarms (CI 0x71) use the same address order, unscrambled.
 */
public final class DiehlRealData {

    /** Diehl Metering's brands (DME, EWT, HYD, SAP, SPL) and Danfoss (DFS), whose Sonometers are Diehl-built. */
    static final Set<Integer> MANUFACTURERS = Set.of(ManufacturerCode.encode("DME"), ManufacturerCode.encode("EWT"),
            ManufacturerCode.encode("HYD"), ManufacturerCode.encode("SAP"), ManufacturerCode.encode("SPL"),
            ManufacturerCode.encode("DFS"));

    static final int CI_SHORT_HEADER = 0x7A;
    static final int CI_ALARM = 0x71;
    /** Offset of the first scrambled byte: after L…A (10), CI, ACC, STS, CFG0, CFG1. */
    static final int PAYLOAD = 15;

    private DiehlRealData() {
    }

    /** What kind of Diehl frame {@code f} (a frame without CRCs) is. */
    public enum Kind {
        /** Not a Diehl real-data frame: decode it as OMS. */
        NONE,
        /** A scrambled real-data frame (CI 0x7A, CFG bit 12). */
        SCRAMBLED,
        /** An alarm (CI 0x71): swapped address, plain data. */
        ALARM
    }

    public static Kind kind(byte[] f) {
        if (f.length < 11) {
            return Kind.NONE;
        }
        int m = (f[2] & 0xFF) | (f[3] & 0xFF) << 8;
        int c = f[1] & 0xFF;
        if (!MANUFACTURERS.contains(m) || (c != 0x44 && c != 0x46)) {
            return Kind.NONE;
        }
        int ci = f[10] & 0xFF;
        if (ci == CI_ALARM) {
            return Kind.ALARM;
        }
        if (ci == CI_SHORT_HEADER && f.length >= PAYLOAD && (f[14] & 0x10) != 0) {
            return Kind.SCRAMBLED;
        }
        return Kind.NONE;
    }

    /** A copy of the frame with the address in the standard order id0..id3, version, type. */
    public static byte[] standardAddressOrder(byte[] f) {
        byte[] out = f.clone();
        out[4] = f[6];
        out[5] = f[7];
        out[6] = f[8];
        out[7] = f[9];
        out[8] = f[4];
        out[9] = f[5];
        return out;
    }
}
