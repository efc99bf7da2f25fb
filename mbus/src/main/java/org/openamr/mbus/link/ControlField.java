package org.openamr.mbus.link;

/**
 * C-field values of EN 13757-2. Bit 6 tells the direction (1 = master to slave), bit 5 is the
 * frame count bit FCB (master) and bit 4 the frame count valid bit FCV.
 */
public final class ControlField {

    /** Link reset; the slave answers E5. */
    public static final int SND_NKE = 0x40;
    /** Send user data to the slave, FCV set; 0x73 with FCB set. */
    public static final int SND_UD = 0x53;
    /** Request class 2 data, FCV set; 0x7B with FCB set. */
    public static final int REQ_UD2 = 0x5B;
    /** Request class 1 (alarm) data, FCV set; 0x7A with FCB set. */
    public static final int REQ_UD1 = 0x5A;
    /** Slave's response with user data; 0x18 with ACD or 0x28 / 0x38 with DFC set. */
    public static final int RSP_UD = 0x08;

    public static final int FCB = 0x20;
    public static final int FCV = 0x10;

    private ControlField() {
    }

    public static int withFcb(int control, boolean fcb) {
        return fcb ? control | FCB : control & ~FCB;
    }

    /** True for C-fields sent by a master (PRM bit set). */
    public static boolean isFromMaster(int control) {
        return (control & 0x40) != 0;
    }

    /** True for the response user-data C-fields (RSP_UD with any ACD/DFC bits). */
    public static boolean isResponseUserData(int control) {
        return (control & 0xCF) == RSP_UD;
    }
}
