package org.openamr.simulator.bus;

/** How the demo segment numbers its meters' identification numbers (secondary address ids). */
public enum IdScheme {
    /** Unrelated random 8-digit ids: meters bought one by one over the years. */
    RANDOM,
    /**
     * Consecutive serial numbers per meter kind, as in one delivery batch: the hard case for a
     * secondary-address search, whose ids share all but the last digits.
     */
    CONSECUTIVE
}
