package org.openamr.mbus.search;

import org.openamr.mbus.master.MBusMaster;

/**
 * How often a search tries an address that nobody answered before it believes it empty. A lost
 * acknowledgement would hide a meter; a second try for every empty address (libmbus's way) doubles
 * the cost of a search, which is mostly empty addresses. Only silence hides a meter — a damaged
 * acknowledgement reads as a collision and is looked into — so: none while no request that a meter
 * had to answer went unanswered ({@link MBusMaster#silentAttempts()}); once one has, at least one,
 * and enough that a meter stays hidden — its acknowledgement lost on every try — with a chance below
 * 1 in 100,000 at the measured rate of silent answers. Addresses believed empty before the first
 * silence are tried again at the end of the search ({@link #mustRecheck}).
 */
final class EmptyAnswers {

    /** Tries of one empty address at most, however bad the channel. */
    private static final int MAX_TRIES = 5;
    private static final double HIDDEN_METER_CHANCE = 1e-5;

    private EmptyAnswers() {
    }

    /** Extra tries before "empty" is believed. */
    static int confirmations(MBusMaster master) {
        if (!mustRecheck(master)) {
            return 0;
        }
        // A probability, not a meter value: double is right here.
        double silence = Math.min(0.5, (double) master.silentAttempts() / Math.max(1, master.answerAttempts()));
        int tries = 2;
        while (Math.pow(silence, tries) > HIDDEN_METER_CHANCE && tries < MAX_TRIES) {
            tries++;
        }
        return tries - 1;
    }

    /** True once the channel has lost an answer: addresses tried once must be tried again. */
    static boolean mustRecheck(MBusMaster master) {
        return master.silentAttempts() > 0;
    }
}
