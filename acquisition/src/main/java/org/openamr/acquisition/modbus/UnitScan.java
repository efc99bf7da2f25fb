package org.openamr.acquisition.modbus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openamr.modbus.FunctionCode;
import org.openamr.modbus.UnitIds;

/**
 * Finds the unit ids on a channel that answer: each id of a range gets one read of holding register 0
 * (with the master's timeout and attempts; {@link ModbusSettings#SCAN} is one short try). A unit that
 * answers with an exception exists too, except for 0A and 0B, which a gateway sends for a unit it
 * could not reach. An answer that is garbled (CRC error, wrong unit id, wrong length) is reported, not
 * counted: two slaves sharing an id, or a late answer of the id before, look like that.
 *
 * <p>Nothing but the probes uses the line: no pause between ids beyond the silent interval the master
 * keeps, and on TCP one connection for the whole scan.
 */
public final class UnitScan {

    public static final int FIRST_UNIT = UnitIds.FIRST;
    public static final int LAST_UNIT = UnitIds.LAST;

    private UnitScan() {
    }

    /** What one probe showed. */
    public enum Outcome {
        /** Registers came back. */
        ANSWERED(true),
        /** An exception answer from the unit itself: it exists but does not serve holding register 0. */
        REFUSED(true),
        /** Nothing within the timeout. */
        SILENT(false),
        /** A gateway answered 0A or 0B for the unit: nothing reached it. */
        UNREACHABLE(false),
        /** Something answered that was not a valid answer of this unit. */
        GARBLED(false);

        private final boolean present;

        Outcome(boolean present) {
            this.present = present;
        }

        /** True when the unit is there. */
        public boolean present() {
            return present;
        }
    }

    /**
     * @param failure empty when registers came back; else why not: a {@link SlaveRefusedException} with
     *                its code for {@code REFUSED} and {@code UNREACHABLE}, a {@link NoAnswerException}
     *                for {@code SILENT}, the CRC or unexpected-answer exception for {@code GARBLED}
     */
    public record Probe(int unit, Outcome outcome, Optional<ModbusMasterException> failure) {
        public Probe {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(failure, "failure");
        }
    }

    /** Told of every probe as it completes, e.g. to draw a progress bar. */
    @FunctionalInterface
    public interface Listener {
        void probed(Probe probe, int done, int total);
    }

    /**
     * @param probes   one per unit id tried, in order
     * @param requests requests sent, attempts included
     * @param elapsed  the scan's wall-clock time
     */
    public record Result(List<Probe> probes, long requests, Duration elapsed) {
        public Result {
            probes = List.copyOf(probes);
        }

        /** The unit ids that are there, ascending. */
        public List<Integer> found() {
            return probes.stream().filter(p -> p.outcome().present()).map(Probe::unit).toList();
        }

        /** The probes that got a garbled answer. */
        public List<Probe> garbled() {
            return probes.stream().filter(p -> p.outcome() == Outcome.GARBLED).toList();
        }

        public int tried() {
            return probes.size();
        }
    }

    /**
     * @throws ChannelFailureException when the channel fails: the scan stops, as every further probe would
     * @throws IllegalArgumentException for a range outside the unit ids the channel takes
     */
    public static Result run(ModbusMaster master, int from, int to, Listener listener) throws ChannelFailureException {
        if (from > to) {
            throw new IllegalArgumentException("unit range " + from + "–" + to + " is empty");
        }
        long startNanos = System.nanoTime();
        long requestsBefore = master.requests();
        int total = to - from + 1;
        List<Probe> probes = new ArrayList<>(total);
        for (int unit = from; unit <= to; unit++) {
            Probe p = probe(master, unit);
            probes.add(p);
            listener.probed(p, probes.size(), total);
        }
        return new Result(probes, master.requests() - requestsBefore, Duration.ofNanos(System.nanoTime() - startNanos));
    }

    private static Probe probe(ModbusMaster master, int unit) throws ChannelFailureException {
        try {
            master.read(unit, FunctionCode.READ_HOLDING_REGISTERS, 0, 1);
            return new Probe(unit, Outcome.ANSWERED, Optional.empty());
        } catch (SlaveRefusedException e) {
            return new Probe(unit, e.fromGateway() ? Outcome.UNREACHABLE : Outcome.REFUSED, Optional.of(e));
        } catch (NoAnswerException e) {
            return new Probe(unit, Outcome.SILENT, Optional.of(e));
        } catch (ChannelFailureException e) {
            throw e;
        } catch (ModbusMasterException e) {
            return new Probe(unit, Outcome.GARBLED, Optional.of(e));
        }
    }
}
