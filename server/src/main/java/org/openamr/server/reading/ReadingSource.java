package org.openamr.server.reading;

/** How a reading reached the server. */
public enum ReadingSource {
    /** This server read the meter over one of its channels. */
    POLL,
    /** A concentrator pushed it. */
    PUSH,
    /** A file import. */
    IMPORT,
    /** History backfilled from the demo's consumption model. */
    DEMO
}
