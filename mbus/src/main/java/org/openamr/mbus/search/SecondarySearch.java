package org.openamr.mbus.search;

import java.util.ArrayList;
import java.util.List;
import org.openamr.mbus.app.ApplicationMessage.VariableDataResponse;
import org.openamr.mbus.app.LongHeader;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.master.InvalidResponseException;
import org.openamr.mbus.master.MBusMaster;
import org.openamr.mbus.master.MasterException;
import org.openamr.mbus.master.SelectOutcome;

/**
 * Finds every meter on a bus by secondary address selection with wildcards.
 *
 * <p>The address space is walked as a tree over the eight id digits, most significant first (the
 * order that also keeps a delivery batch of consecutive serial numbers together). A mask that one
 * meter answers is read at once — that read names the meter and is its first readout, so nothing is
 * read twice — and a collision is split on the next free digit. Two rules save selections over
 * libmbus's algorithm, which probes ten children of every collision:
 * <ul>
 * <li>when the first nine children of a collision are empty, the tenth holds the colliding meters
 * and is split without being probed;</li>
 * <li>a meter found is read once, during the search; its readout need not select it again.</li>
 * </ul>
 * A selection nobody answered is retried (see {@code MasterSettings.emptyConfirmations}) before it is
 * believed, so a lost answer does not hide a meter.
 */
public final class SecondarySearch {

    private final MBusMaster master;
    private final SearchListener listener;
    private final List<FoundMeter> found = new ArrayList<>();
    private final List<SecondaryAddress> unresolved = new ArrayList<>();
    private double done;

    private SecondarySearch(MBusMaster master, SearchListener listener) {
        this.master = master;
        this.listener = listener;
    }

    /** The result: meters found, and masks where several meters share one id (to be fixed on site). */
    public record Result(List<FoundMeter> meters, List<SecondaryAddress> duplicateIds) {
        public Result {
            meters = List.copyOf(meters);
            duplicateIds = List.copyOf(duplicateIds);
        }
    }

    /**
     * Searches below {@code start}: {@link SecondaryAddress#WILDCARD} for everything, or a mask fixing
     * the manufacturer, the medium or leading id digits to narrow the search.
     */
    public static Result run(MBusMaster master, SecondaryAddress start, SearchListener listener)
            throws MasterException {
        SecondarySearch s = new SecondarySearch(master, listener);
        SelectOutcome root = s.probe(start);
        s.resolve(start, root, 1.0);
        s.listener.progress(1.0);
        return new Result(s.found, s.unresolved);
    }

    private void resolve(SecondaryAddress mask, SelectOutcome outcome, double share) throws MasterException {
        switch (outcome) {
            case NONE -> advance(share);
            case ONE -> {
                identify(mask);
                advance(share);
            }
            case COLLISION -> split(mask, share);
        }
    }

    private void split(SecondaryAddress mask, double share) throws MasterException {
        int position = mask.id().indexOf('F');
        if (position < 0) {
            unresolved.add(mask); // several meters with one id: selection cannot tell them apart
            advance(share);
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

    private SelectOutcome probe(SecondaryAddress mask) throws MasterException {
        SelectOutcome o = master.select(mask);
        listener.probed(mask, o);
        return o;
    }

    private void identify(SecondaryAddress mask) throws MasterException {
        VariableDataResponse r = master.identifySelected();
        if (!(r.header() instanceof LongHeader h)) {
            throw new InvalidResponseException(master.channel(), "secondary address mask " + mask,
                    "the selected meter answered without a long header");
        }
        FoundMeter m = new FoundMeter(h.secondaryAddress(), r);
        found.add(m);
        listener.found(m);
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
