package org.openamr.collector.input;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.TelegramReadouts;
import org.openamr.collector.EventLog;
import org.openamr.collector.config.CollectorSettings.Search;
import org.openamr.collector.config.CollectorSettings.WiredInput;
import org.openamr.collector.delivery.Pause;
import org.openamr.collector.store.Store;
import org.openamr.collector.store.StoredTelegram;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.master.MBusMaster;
import org.openamr.mbus.master.MasterException;
import org.openamr.mbus.master.Readout;
import org.openamr.mbus.search.FoundMeter;
import org.openamr.mbus.search.PrimaryScan;
import org.openamr.mbus.search.SearchListener;
import org.openamr.mbus.search.SecondarySearch;
import org.openamr.mbus.link.Address;

/**
 * A wired M-Bus bus read on its cron schedule through acquisition's {@code BusConnection}: the listed
 * primary and secondary addresses, or every meter a search finds. A meter that does not answer is
 * logged and counted; the others are read and stored all the same.
 */
public final class WiredBusInput implements Runnable {

    private final WiredInput spec;
    private final Store store;
    private final TelegramReadouts telegrams;
    private final Clock clock;
    private final ZoneId zone;
    private final Pause pause;
    private final EventLog log;
    private final InputCounts counts = new InputCounts();
    /** The meters the search found, null before it ran. */
    private volatile List<SecondaryAddress> found;

    public WiredBusInput(WiredInput spec, Store store, TelegramReadouts telegrams, Clock clock, ZoneId zone, Pause pause,
                         EventLog log) {
        this.spec = spec;
        this.store = store;
        this.telegrams = telegrams;
        this.clock = clock;
        this.zone = zone;
        this.pause = pause;
        this.log = log;
    }

    public InputCounts counts() {
        return counts;
    }

    public WiredInput spec() {
        return spec;
    }

    @Override
    public void run() {
        log.info("input " + spec.name() + ": bus " + spec.connection().address() + " at " + spec.connection().baud()
                + " Bd, schedule " + spec.schedule());
        while (!pause.stopped()) {
            ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
            ZonedDateTime next = spec.schedule().next(now);
            if (!pause.sleep(Duration.between(now, next))) {
                break;
            }
            readAll();
        }
    }

    /** One pass over the bus; returns the number of readouts stored. */
    public int readAll() {
        int stored = 0;
        int failed = 0;
        try (MBusMaster master = spec.connection().open(clock)) {
            List<Readout> readouts = new ArrayList<>();
            for (int p : spec.primaries()) {
                try {
                    readouts.add(master.read(p));
                } catch (MasterException e) {
                    failed++;
                    failure("primary address " + p, e);
                }
            }
            for (SecondaryAddress a : spec.secondaries()) {
                try {
                    readouts.add(master.read(a));
                } catch (MasterException e) {
                    failed++;
                    failure("secondary address " + a, e);
                }
            }
            if (spec.search() != Search.NONE && found != null) {
                for (SecondaryAddress a : found) {
                    try {
                        readouts.add(master.read(a));
                    } catch (MasterException e) {
                        failed++;
                        failure("secondary address " + a + " (found by the search)", e);
                    }
                }
            } else if (spec.search() == Search.PRIMARY) {
                readouts.addAll(PrimaryScan.run(master, Address.UNCONFIGURED, Address.MAX_PRIMARY, new SearchListener() {
                }).meters());
                remember(readouts);
            } else if (spec.search() == Search.SECONDARY) {
                SecondarySearch.Result r = SecondarySearch.run(master, new SecondaryAddress("FFFFFFFF",
                        SecondaryAddress.ANY_MANUFACTURER, SecondaryAddress.ANY, SecondaryAddress.ANY), new SearchListener() {
                });
                for (FoundMeter m : r.meters()) {
                    try {
                        readouts.add(master.read(m.address()));
                    } catch (MasterException e) {
                        failed++;
                        failure("secondary address " + m.address(), e);
                    }
                }
                remember(readouts);
            }
            for (Readout r : readouts) {
                stored += store(r) ? 1 : 0;
            }
        } catch (MasterException e) {
            failure("search", e);
        } catch (RuntimeException e) { // a bus that cannot be opened: logged, tried again next time
            failure("bus", e);
        }
        log.info("input " + spec.name() + ": read " + stored + " meters" + (failed > 0 ? ", " + failed + " did not answer" : ""));
        return stored;
    }

    /**
     * The search runs once, at the first read (a secondary search of a full bus takes minutes); later
     * reads read the meters it found by their secondary addresses. A restart searches again.
     */
    private void remember(List<Readout> readouts) {
        found = readouts.stream().filter(r -> r.header() != null).map(r -> r.header().secondaryAddress()).distinct().toList();
        log.info("input " + spec.name() + ": the " + spec.search().name().toLowerCase(java.util.Locale.ROOT) + " search found "
                + found.size() + " meters");
    }

    private boolean store(Readout r) {
        counts.telegram();
        MeterReadout readout;
        try {
            readout = telegrams.toReadout(r, zone);
        } catch (IllegalArgumentException e) {
            counts.error("no-header");
            storeQuietly(new StoredTelegram(spec.name(), spec.connection().address().text(), r.readAt(), OptionalInt.empty(),
                    r.wireBytes(), "failed", e.getMessage()), List.of());
            return false;
        }
        counts.heard(readout.meter().serial(), r.readAt(), java.util.OptionalInt.empty());
        return storeQuietly(new StoredTelegram(spec.name(), spec.connection().address().text(), r.readAt(), OptionalInt.empty(),
                r.wireBytes(), "decoded", ""), List.of(readout));
    }

    private boolean storeQuietly(StoredTelegram t, List<MeterReadout> readouts) {
        try {
            store.store(t, spec.name(), readouts);
            counts.readouts(readouts.size());
            return !readouts.isEmpty();
        } catch (SQLException e) {
            counts.error("store");
            log.warn("input " + spec.name() + ": cannot store a readout: " + e.getMessage());
            return false;
        }
    }

    private void failure(String what, Exception e) {
        counts.error(e.getClass().getSimpleName());
        log.warn("input " + spec.name() + ": " + what + ": " + e.getMessage());
    }
}
