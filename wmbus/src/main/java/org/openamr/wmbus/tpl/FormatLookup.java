package org.openamr.wmbus.tpl;

import org.openamr.wmbus.MeterAddress;

/** Where the transport layer finds the layout a compact frame refers to. */
@FunctionalInterface
public interface FormatLookup {

    /** No layouts known: every compact frame stays undecoded. */
    FormatLookup NONE = (meter, signature) -> null;

    /** The layout with this signature learned from a full frame of {@code meter}, or null. */
    CompactFormat find(MeterAddress meter, int signature);
}
