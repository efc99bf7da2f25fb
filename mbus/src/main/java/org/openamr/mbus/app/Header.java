package org.openamr.mbus.app;

/** The header before the records of a response; its shape depends on the CI field. */
public sealed interface Header permits LongHeader, ShortHeader, FixedHeader, NoHeader {

    /** Access number, or -1 when this header has none. */
    int accessNumber();

    /** Status byte, or null when this header has none. */
    StatusByte status();
}
