package org.openamr.modbus.map;

/**
 * Order of the two registers of a 32-bit value. Inside a register Modbus always sends the high
 * byte first; only the order of the words differs between devices, so that is all a map states.
 */
public enum WordOrder {
    /** High word at the lower address ("ABCD"), as the Modbus specification sends bytes. */
    BIG,
    /** Low word at the lower address ("CDAB"), as many meters built on little-endian controllers do. */
    LITTLE
}
