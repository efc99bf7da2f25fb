package org.openamr.mbus.search;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.openamr.mbus.master.ChannelFailureException;
import org.openamr.mbus.master.MBusMaster;
import org.openamr.mbus.master.MasterException;
import org.openamr.mbus.master.Readout;
import org.openamr.mbus.master.SelectOutcome;

/**
 * Tries every primary address of a range and reads the meters that answer. An address is probed
 * with SND_NKE (an acknowledgement, the cheapest answer) and read only when a meter acknowledged;
 * a silent address is tried again as {@link EmptyAnswers} says, so a clean bus costs one request
 * per empty address.
 */
public final class PrimaryScan {

    private PrimaryScan() {
    }

    /**
     * @param meters    the meters read, by address
     * @param conflicts addresses where the answer was garbled: usually two meters with one primary
     *                  address, to be resolved by a secondary search
     * @param unreadable addresses where a meter acknowledged but gave no valid telegram
     */
    public record Result(List<Readout> meters, List<Integer> conflicts, List<Integer> unreadable) {
        public Result {
            meters = List.copyOf(meters);
            conflicts = List.copyOf(conflicts);
            unreadable = List.copyOf(unreadable);
        }
    }

    public static Result run(MBusMaster master, int from, int to, SearchListener listener) throws MasterException {
        TreeMap<Integer, Readout> meters = new TreeMap<>();
        List<Integer> conflicts = new ArrayList<>();
        List<Integer> unreadable = new ArrayList<>();
        List<Integer> unconfirmed = new ArrayList<>();
        for (int address = from; address <= to; address++) {
            int confirmations = EmptyAnswers.confirmations(master);
            SelectOutcome o = master.probe(address, confirmations);
            if (o == SelectOutcome.NONE && confirmations == 0) {
                unconfirmed.add(address);
            }
            handle(master, address, o, meters, conflicts, unreadable);
            listener.probed(address, o != SelectOutcome.NONE);
            listener.progress((address - from + 1) / (double) (to - from + 1));
        }
        if (EmptyAnswers.mustRecheck(master)) {
            for (int address : unconfirmed) {
                SelectOutcome o = master.probe(address, EmptyAnswers.confirmations(master));
                handle(master, address, o, meters, conflicts, unreadable);
                if (o != SelectOutcome.NONE) {
                    listener.probed(address, true);
                }
            }
        }
        return new Result(new ArrayList<>(meters.values()), conflicts, unreadable);
    }

    private static void handle(MBusMaster master, int address, SelectOutcome o, TreeMap<Integer, Readout> meters,
            List<Integer> conflicts, List<Integer> unreadable) throws MasterException {
        if (o == SelectOutcome.NONE) {
            return;
        }
        // A garbled acknowledgement may be a damaged one from a single meter: the read tells.
        try {
            meters.put(address, master.read(address));
        } catch (ChannelFailureException e) {
            throw e;
        } catch (MasterException e) {
            (o == SelectOutcome.COLLISION ? conflicts : unreadable).add(address);
        }
    }
}
