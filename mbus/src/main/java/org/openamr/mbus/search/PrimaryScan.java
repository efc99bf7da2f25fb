package org.openamr.mbus.search;

import java.util.ArrayList;
import java.util.List;
import org.openamr.mbus.master.InvalidResponseException;
import org.openamr.mbus.master.MBusMaster;
import org.openamr.mbus.master.MasterException;
import org.openamr.mbus.master.NoResponseException;
import org.openamr.mbus.master.Readout;

/** Tries every primary address of a range and reads the meters that answer. */
public final class PrimaryScan {

    private PrimaryScan() {
    }

    /**
     * @param conflicts addresses where the answer was garbled: usually two meters with one primary
     *                  address, to be resolved by a secondary search
     */
    public record Result(List<Readout> meters, List<Integer> conflicts) {
        public Result {
            meters = List.copyOf(meters);
            conflicts = List.copyOf(conflicts);
        }
    }

    public static Result run(MBusMaster master, int from, int to, SearchListener listener) throws MasterException {
        List<Readout> meters = new ArrayList<>();
        List<Integer> conflicts = new ArrayList<>();
        for (int address = from; address <= to; address++) {
            boolean answered = true;
            try {
                meters.add(master.read(address));
            } catch (NoResponseException e) {
                answered = false;
            } catch (InvalidResponseException e) {
                conflicts.add(address);
            }
            listener.probed(address, answered);
            listener.progress((address - from + 1) / (double) (to - from + 1));
        }
        return new Result(meters, conflicts);
    }
}
