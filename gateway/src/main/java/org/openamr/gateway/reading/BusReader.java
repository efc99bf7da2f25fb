package org.openamr.gateway.reading;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.openamr.acquisition.channel.BusConnection;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.TelegramReadouts;
import org.openamr.gateway.image.MeterSnapshot;
import org.openamr.gateway.layout.MeterStatus;
import org.openamr.gateway.meters.MeterEntry;
import org.openamr.gateway.meters.MeterList;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.master.MBusMaster;
import org.openamr.mbus.master.MasterException;
import org.openamr.mbus.master.NoResponseException;
import org.openamr.mbus.master.ChannelFailureException;
import org.openamr.mbus.master.Readout;
import org.openamr.mbus.search.FoundMeter;
import org.openamr.mbus.search.SearchListener;
import org.openamr.mbus.search.SecondarySearch;

/**
 * Reads the listed meters through acquisition's {@link BusConnection}, one after the other, and keeps
 * what each slot shows. Used by one thread at a time. A meter that fails is logged when its status
 * changes, not at every cycle, so that a dead meter does not fill the log.
 */
public final class BusReader {

    private final BusConnection bus;
    private final TelegramReadouts telegrams;
    private final ZoneId zone;
    private final Clock clock;
    private final Consumer<String> log;
    private final Map<Integer, SlotState> slots = new HashMap<>();

    public BusReader(BusConnection bus, TelegramReadouts telegrams, ZoneId zone, Clock clock, Consumer<String> log) {
        this.bus = bus;
        this.telegrams = telegrams;
        this.zone = zone;
        this.clock = clock;
        this.log = log;
    }

    /** Reads every meter of the list once. */
    public CycleResult read(MeterList meters) {
        Instant start = clock.instant();
        int ok = 0;
        int silent = 0;
        int bad = 0;
        try (MBusMaster master = bus.open(clock)) {
            for (MeterEntry e : meters.entries()) {
                SlotState state = slots.computeIfAbsent(e.slot(), s -> new SlotState(e));
                MeterStatus before = state.status();
                readInto(master, state);
                switch (state.status()) {
                    case OK -> ok++;
                    case NOT_ANSWERING -> silent++;
                    default -> bad++;
                }
                if (before != state.status() && before != MeterStatus.NOT_READ_YET && state.status() == MeterStatus.OK) {
                    log.accept("slot " + e.slot() + " (" + e.address() + "): answers again");
                }
            }
        } catch (RuntimeException e) { // a bus that cannot be opened: every meter counts as not answering
            log.accept("bus " + bus.address() + ": " + e.getMessage());
            for (MeterEntry e2 : meters.entries()) {
                slots.computeIfAbsent(e2.slot(), s -> new SlotState(e2)).failed(MeterStatus.NOT_ANSWERING, clock.instant());
            }
            return new CycleResult(start, clock.instant(), 0, meters.entries().size(), 0);
        }
        return new CycleResult(start, clock.instant(), ok, silent, bad);
    }

    private void readInto(MBusMaster master, SlotState state) {
        MeterEntry e = state.entry();
        MeterStatus before = state.status();
        try {
            Readout r = e.address().readWith(master);
            MeterReadout readout = telegrams.toReadout(r, zone);
            state.succeeded(r, readout, clock.instant());
            return;
        } catch (NoResponseException | ChannelFailureException ex) {
            state.failed(MeterStatus.NOT_ANSWERING, clock.instant());
            if (before != MeterStatus.NOT_ANSWERING) {
                log.accept("slot " + e.slot() + " (" + e.address() + "): not answering: " + ex.getMessage());
            }
        } catch (MasterException | IllegalArgumentException ex) {
            state.failed(MeterStatus.BAD_ANSWER, clock.instant());
            if (before != MeterStatus.BAD_ANSWER) {
                log.accept("slot " + e.slot() + " (" + e.address() + "): bad answer: " + ex.getMessage());
            }
        }
    }

    /** A secondary search of the whole bus: the meters that answer, by their full secondary addresses. */
    public List<SecondaryAddress> search() throws MasterException {
        try (MBusMaster master = bus.open(clock)) {
            SecondarySearch.Result r = SecondarySearch.run(master, SecondaryAddress.WILDCARD, new SearchListener() {
            });
            List<SecondaryAddress> found = new ArrayList<>();
            for (FoundMeter m : r.meters()) {
                found.add(m.address());
            }
            return found;
        }
    }

    /** True when a meter listed in a slot has answered with this secondary address. */
    public boolean answeredAs(SecondaryAddress address) {
        return slots.values().stream().anyMatch(s -> s.identity().map(address::equals).orElse(false));
    }

    /** One snapshot per slot 1…{@code highestSlot}, empty ones for the gaps of {@code meters}. */
    public List<MeterSnapshot> snapshots(MeterList meters) {
        List<MeterSnapshot> out = new ArrayList<>();
        for (int slot = 1; slot <= meters.highestSlot(); slot++) {
            int s = slot;
            out.add(meters.inSlot(slot).map(e -> slots.computeIfAbsent(s, x -> new SlotState(e)).snapshot())
                    .orElseGet(() -> MeterSnapshot.empty(s)));
        }
        return out;
    }
}
