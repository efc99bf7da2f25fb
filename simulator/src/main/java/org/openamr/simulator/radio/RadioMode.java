package org.openamr.simulator.radio;

/** The wireless M-Bus modes (EN 13757-4) a meter sends in, as receivers name them. */
public enum RadioMode {
    /** Stationary, 32.768 kchip/s Manchester, 868.3 MHz. */
    S1,
    /** Frequent transmit, 100 kchip/s 3-out-of-6, 868.95 MHz: most water meters. */
    T1,
    /** Compact, 100 kchip/s NRZ, 868.95 MHz: most newer heat meters. */
    C1
}
