package org.openamr.server.consumption;

/** Where a register value at an interval boundary came from. */
public enum BoundarySource {
    /** A reading of the current register (storage 0) at exactly that moment. */
    READING,
    /** Linear interpolation between the nearest readings before and after, both close enough. */
    INTERPOLATED,
    /** The meter's own stored value for that due date (storage 1), preferred at month boundaries. */
    DUE_DATE,
    /** The value written in the installation or removal act, at the installation or removal. */
    INSTALLATION_ACT
}
