package org.openamr.mbus.app;

/** CI field values of EN 13757-3 used on wired M-Bus. */
public final class CiField {

    public static final int APPLICATION_RESET = 0x50;
    public static final int DATA_SEND = 0x51;
    public static final int SELECTION = 0x52;
    public static final int APPLICATION_ERROR = 0x70;
    public static final int ALARM = 0x71;
    public static final int RESPONSE_LONG_HEADER = 0x72;
    public static final int RESPONSE_FIXED = 0x73;
    public static final int RESPONSE_LONG_HEADER_MSB = 0x76;
    public static final int RESPONSE_FIXED_MSB = 0x77;
    public static final int RESPONSE_NO_HEADER = 0x78;
    public static final int RESPONSE_SHORT_HEADER = 0x7A;
    public static final int BAUD_RATE_300 = 0xB8;

    private static final int[] BAUD_RATES = {300, 600, 1200, 2400, 4800, 9600, 19200, 38400};

    private CiField() {
    }

    /** The CI that switches a slave to {@code baud}. */
    public static int baudRateCi(int baud) {
        for (int i = 0; i < BAUD_RATES.length; i++) {
            if (BAUD_RATES[i] == baud) {
                return BAUD_RATE_300 + i;
            }
        }
        throw new IllegalArgumentException("M-Bus baud rates are 300, 600, 1200, 2400, 4800, 9600, 19200, 38400; got "
                + baud);
    }

    /** The baud rate a CI 0xB8–0xBF selects. */
    public static int baudRateOf(int ci) {
        return BAUD_RATES[ci - BAUD_RATE_300];
    }

    public static boolean isBaudRateSwitch(int ci) {
        return ci >= BAUD_RATE_300 && ci <= 0xBF;
    }
}
