package org.openamr.mbus.link;

/** Special primary addresses of EN 13757-2. */
public final class Address {

    /** Factory default of an unconfigured slave. */
    public static final int UNCONFIGURED = 0;
    /** The first primary address a configured slave takes. */
    public static final int MIN_CONFIGURED = 1;
    /** The last primary address a slave may take: 0 to this one are slaves' addresses. */
    public static final int MAX_PRIMARY = 250;
    /** The slave currently selected by secondary address. */
    public static final int NETWORK_LAYER = 253;
    /** Broadcast that all slaves answer: only for a bus with a single slave. */
    public static final int BROADCAST_WITH_REPLY = 254;
    /** Broadcast that no slave answers. */
    public static final int BROADCAST_NO_REPLY = 255;

    private Address() {
    }

    public static boolean isPrimary(int address) {
        return address >= UNCONFIGURED && address <= MAX_PRIMARY;
    }

    /**
     * The address, when it is a slave's primary address.
     *
     * @throws IllegalArgumentException otherwise, saying the range
     */
    public static int requirePrimary(int address) {
        if (!isPrimary(address)) {
            throw new IllegalArgumentException("a primary address is " + UNCONFIGURED + ".." + MAX_PRIMARY + ", got "
                    + address);
        }
        return address;
    }
}
