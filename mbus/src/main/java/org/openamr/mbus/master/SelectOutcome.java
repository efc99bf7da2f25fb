package org.openamr.mbus.master;

/** What a secondary-address selection got back. */
public enum SelectOutcome {
    /** Nothing answered: no slave matches the mask. */
    NONE,
    /** Exactly one clean acknowledgement: one slave is selected. */
    ONE,
    /** Damaged or several answers: two or more slaves match. Information for a search, not a failure. */
    COLLISION
}
