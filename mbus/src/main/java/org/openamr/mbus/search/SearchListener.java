package org.openamr.mbus.search;

import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.master.SelectOutcome;

/** Progress of a search, as events. All methods are called on the searching thread. */
public interface SearchListener {

    SearchListener NONE = new SearchListener() {
    };

    /** A mask was tried. */
    default void probed(SecondaryAddress mask, SelectOutcome outcome) {
    }

    /** A primary address was tried (primary scan). */
    default void probed(int primaryAddress, boolean answered) {
    }

    default void found(FoundMeter meter) {
    }

    /**
     * Estimated share of the search done, 0..1: the part of the address space already known to be
     * empty or resolved.
     */
    default void progress(double fractionDone) {
    }
}
