package org.openamr.mbus.record;

/** How the data bytes of a record are to be read, as implied by its VIF. */
public enum ValueKind {
    /** A measured number: signed integer (type B), BCD (type A), float (type H), scaled by the VIF. */
    NUMBER,
    /** An identifier or counter: unsigned integer (type C) or BCD digits kept as written, never scaled. */
    IDENTIFIER,
    /** A bit field (type D): error flags, digital inputs. */
    BITS,
    /** A point in time: type G (2 bytes), J (3), F (4) or I (6). */
    DATE_TIME,
    /** Bytes without a standard reading. */
    RAW
}
