package org.openamr.mbus.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openamr.mbus.app.ApplicationMessage.VariableDataResponse;
import org.openamr.mbus.app.LongHeader;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.master.ChannelFailureException;
import org.openamr.mbus.master.MBusMaster;
import org.openamr.mbus.master.MasterException;
import org.openamr.mbus.master.SelectOutcome;

/**
 * Finds every meter on a bus by secondary address selection with wildcards.
 *
 * <p>The address space is walked as a tree over the eight id digits, most significant first (the
 * order that also keeps a delivery batch of consecutive serial numbers together). A mask that one
 * meter answers is read at once — that read names the meter, proves the answer was real, and is its
 * first readout, so nothing is read twice — and a collision is split on the next free digit.
 * Compared with libmbus's algorithm (the reference of {@code shared/docs/mbus.md}):
 * <ul>
 * <li>when the first nine children of a collision are empty, the tenth holds the colliding meters
 * and is split without being probed;</li>
 * <li>an empty answer is confirmed as the channel deserves. libmbus selects every empty mask twice,
 * because a lost acknowledgement would hide a meter. Here a mask is selected once while the channel
 * has lost no answer (which every identifying read samples); as soon as it has, every empty mask —
 * the ones probed before included — is selected again before the search ends, as often as the
 * measured rate of lost answers requires ({@link EmptyAnswers}). On a clean line that halves the
 * cost of the empty masks, which are most of a search; on a faulty one the search is more careful
 * than libmbus, whose single retry misses a meter in 3,600 at a 1.7 % loss rate;</li>
 * <li>a collision on a complete id is selected again before it is reported as two meters sharing
 * an id: a damaged or late acknowledgement looks like a collision once, a real one every time;</li>
 * <li>a meter that acknowledges its selection but then gives no valid telegram is retried as a
 * fresh selection, and reported (not dropped, not fatal) if it never does.</li>
 * </ul>
 */
public final class SecondarySearch {

    /** Tries of a mask whose selected meter could not be read, or whose full id collided. */
    private static final int RECHECKS = 3;

    private final MBusMaster master;
    private final SearchListener listener;
    private final List<FoundMeter> found = new ArrayList<>();
    private final List<SecondaryAddress> duplicates = new ArrayList<>();
    private final List<SecondaryAddress> unreadable = new ArrayList<>();
    private final Set<SecondaryAddress> unconfirmedEmpty = new LinkedHashSet<>();
    private double done;

    private SecondarySearch(MBusMaster master, SearchListener listener) {
        this.master = master;
        this.listener = listener;
    }

    /**
     * The result.
     *
     * @param meters       every meter found, with its first telegram
     * @param duplicateIds masks where several meters share one complete id (to be fixed on site)
     * @param unreadable   masks where a meter acknowledged its selection but never sent a valid
     *                     telegram
     */
    public record Result(List<FoundMeter> meters, List<SecondaryAddress> duplicateIds,
                         List<SecondaryAddress> unreadable) {
        public Result {
            meters = List.copyOf(meters);
            duplicateIds = List.copyOf(duplicateIds);
            unreadable = List.copyOf(unreadable);
        }
    }

    /**
     * Searches below {@code start}: {@link SecondaryAddress#WILDCARD} for everything, or a mask fixing
     * the manufacturer, the medium or leading id digits to narrow the search.
     *
     * @throws ChannelFailureException when the channel itself fails (connection lost, port gone);
     *                                 a meter that misbehaves is reported in the result instead
     */
    public static Result run(MBusMaster master, SecondaryAddress start, SearchListener listener)
            throws MasterException {
        SecondarySearch s = new SecondarySearch(master, listener);
        s.resolve(start, s.probe(start), 1.0);
        s.confirmEmptyMasks();
        s.listener.progress(1.0);
        return new Result(s.found, s.duplicates, s.unreadable);
    }

    private void resolve(SecondaryAddress mask, SelectOutcome outcome, double share) throws MasterException {
        switch (outcome) {
            case NONE -> advance(share);
            case ONE -> {
                identify(mask, 1);
                advance(share);
            }
            case COLLISION -> split(mask, share);
        }
    }

    private void split(SecondaryAddress mask, double share) throws MasterException {
        int position = mask.id().indexOf('F');
        if (position < 0) {
            collisionOnCompleteId(mask, share);
            return;
        }
        double childShare = share / 10; // progress only: a fraction of the address space
        boolean allEmptySoFar = true;
        for (int digit = 0; digit <= 9; digit++) {
            SecondaryAddress child = withDigit(mask, position, digit);
            SelectOutcome o;
            if (digit == 9 && allEmptySoFar) {
                o = SelectOutcome.COLLISION; // the colliding meters must be here
            } else {
                o = probe(child);
            }
            allEmptySoFar &= o == SelectOutcome.NONE;
            resolve(child, o, childShare);
        }
    }

    private void collisionOnCompleteId(SecondaryAddress mask, double share) throws MasterException {
        for (int i = 0; i < RECHECKS; i++) {
            SelectOutcome again = master.select(mask, Math.max(1, EmptyAnswers.confirmations(master)));
            listener.probed(mask, again);
            if (again != SelectOutcome.COLLISION) {
                resolve(mask, again, share);
                return;
            }
        }
        duplicates.add(mask); // several meters with one id: selection cannot tell them apart
        advance(share);
    }

    /** One selection; an empty answer is confirmed now if the channel has shown faults, else later if it does. */
    private SelectOutcome probe(SecondaryAddress mask) throws MasterException {
        int confirmations = EmptyAnswers.confirmations(master);
        boolean careful = confirmations > 0;
        SelectOutcome o = master.select(mask, confirmations);
        if (o == SelectOutcome.NONE && !careful) {
            unconfirmedEmpty.add(mask);
        }
        listener.probed(mask, o);
        return o;
    }

    /** Once the channel has lost an answer, masks believed empty on one try are tried again. */
    private void confirmEmptyMasks() throws MasterException {
        while (EmptyAnswers.mustRecheck(master) && !unconfirmedEmpty.isEmpty()) {
            SecondaryAddress mask = unconfirmedEmpty.iterator().next();
            unconfirmedEmpty.remove(mask);
            SelectOutcome o = master.select(mask, EmptyAnswers.confirmations(master));
            listener.probed(mask, o);
            if (o != SelectOutcome.NONE) {
                resolve(mask, o, 0);
            }
        }
    }

    private void identify(SecondaryAddress mask, int attempt) throws MasterException {
        VariableDataResponse r;
        try {
            r = master.identifySelected();
        } catch (ChannelFailureException e) {
            throw e;
        } catch (MasterException e) {
            retryIdentification(mask, attempt);
            return;
        }
        if (!(r.header() instanceof LongHeader h) || !mask.matches(h.secondaryAddress())) {
            // No long header, or an answer outside the mask: not the meter this selection chose.
            retryIdentification(mask, attempt);
            return;
        }
        FoundMeter m = new FoundMeter(h.secondaryAddress(), r);
        found.add(m);
        listener.found(m);
    }

    /** The acknowledgement was there but no telegram: select the mask afresh and resolve what it holds. */
    private void retryIdentification(SecondaryAddress mask, int attempt) throws MasterException {
        if (attempt >= RECHECKS) {
            unreadable.add(mask);
            return;
        }
        SelectOutcome o = master.select(mask, Math.max(1, EmptyAnswers.confirmations(master)));
        listener.probed(mask, o);
        switch (o) {
            case NONE -> { } // the acknowledgement was a late answer to an earlier selection
            case ONE -> identify(mask, attempt + 1);
            case COLLISION -> split(mask, 0);
        }
    }

    private void advance(double share) {
        done += share;
        listener.progress(Math.min(done, 1.0));
    }

    static SecondaryAddress withDigit(SecondaryAddress mask, int position, int digit) {
        char[] id = mask.id().toCharArray();
        id[position] = (char) ('0' + digit);
        return new SecondaryAddress(new String(id), mask.manufacturer(), mask.version(), mask.medium());
    }
}
