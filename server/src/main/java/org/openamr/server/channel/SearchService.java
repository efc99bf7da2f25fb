package org.openamr.server.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.javacrumbs.shedlock.core.LockAssert;
import org.openamr.acquisition.channel.BusConnection;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.TelegramReadouts;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.master.MBusMaster;
import org.openamr.mbus.master.MasterException;
import org.openamr.mbus.master.Readout;
import org.openamr.mbus.search.FoundMeter;
import org.openamr.mbus.search.PrimaryScan;
import org.openamr.mbus.search.SearchListener;
import org.openamr.mbus.search.SecondarySearch;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.meter.MeterResolver;
import org.openamr.server.reading.ReadingSource;
import org.openamr.server.reading.ReadingStore;
import org.openamr.server.reading.StoreResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the meters on a channel's bus and registers them: every meter found is put on this channel
 * (it was heard on this bus, whatever the registry said before), a primary scan also records its
 * primary address, and its readout is stored. A meter the registry does not know is registered by
 * {@link MeterResolver} and waits, unassigned, with its readings, until someone installs it at a point.
 */
@Service
public class SearchService {

    private static final Pattern PRIMARY_SLAVE = Pattern.compile("primary address (\\d+)");

    private final ChannelRepository channels;
    private final RunRepository runs;
    private final ReadingStore store;
    private final MeterResolver resolver;
    private final AuditActor audit;
    private final TransactionTemplate transaction;
    private final TelegramReadouts telegrams = TelegramReadouts.builtIn();
    private final Clock clock = Clock.systemUTC();

    public SearchService(ChannelRepository channels, RunRepository runs, ReadingStore store, MeterResolver resolver,
            AuditActor audit, PlatformTransactionManager transactions) {
        this.channels = channels;
        this.runs = runs;
        this.store = store;
        this.resolver = resolver;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A meter found: its readout, its primary address when the scan told it, how it was reached. */
    private record Found(MeterReadout readout, Integer primary, String addressedBy) {
    }

    /**
     * What the bus gave: meters found, problems (addresses where no usable meter could be read) and
     * notes on meters that were found but not read in full.
     */
    private record Heard(List<Found> found, List<Text> problems, List<Text> notes) {
    }

    /** Searches the channel now. Call under the channel's lock ({@link ChannelLocks}), never outside. */
    public RunResult search(long channelId, SearchSpec spec, String actor, RunProgress progress) {
        LockAssert.assertLocked();
        Channel channel = channels.byId(channelId)
                .orElseThrow(() -> new IllegalStateException("channel " + channelId + " no longer exists"));
        if (!channel.kind().polled()) {
            throw new IllegalStateException("channel " + channel.publicId() + " is a concentrator: its bus is not "
                    + "reachable from the server");
        }
        long runId = runs.start(channelId, RunKind.SEARCH, Trigger.MANUAL, actor, 0);
        progress.started(runId);
        try {
            Heard heard = new Heard(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            Text channelFailure = null;
            try (MBusMaster master = BusConnection.of(channel.address(), channel.baud()).open(clock)) {
                if (spec.mode() == SearchSpec.Mode.SECONDARY) {
                    secondary(master, spec.mask(), channel.zone(), heard, progress);
                } else {
                    primary(master, spec.from(), spec.to(), channel.zone(), heard, progress);
                }
            } catch (MasterException e) {
                // only the channel failing ends a search; a misbehaving meter is a problem in its result
                channelFailure = Text.of(e);
            } catch (IllegalArgumentException e) {
                channelFailure = Text.of(Text.Kind.CHANNEL_CANNOT_OPEN, channel.address(), Text.raw(e.getMessage()));
            }
            return finish(channel, runId, heard, channelFailure, actor);
        } catch (RuntimeException | Error e) {
            runs.fail(runId, Text.of(Text.Kind.SEARCH_BROKE_OFF, Text.raw(e.toString())));
            throw e;
        }
    }

    private void secondary(MBusMaster master, SecondaryAddress mask, ZoneId zone, Heard heard, RunProgress progress)
            throws MasterException {
        // Meters are collected as they are found, so that a channel failing halfway loses none of them.
        List<FoundMeter> found = new ArrayList<>();
        List<Instant> foundAt = new ArrayList<>();
        double[] fraction = {0};
        SearchListener listener = new SearchListener() {
            @Override
            public void found(FoundMeter meter) {
                found.add(meter);
                foundAt.add(clock.instant());
                progress.searched(fraction[0], found.size());
            }

            @Override
            public void progress(double fractionDone) {
                fraction[0] = fractionDone;
                progress.searched(fractionDone, found.size());
            }
        };
        SecondarySearch.Result result;
        try {
            result = SecondarySearch.run(master, mask, listener);
        } finally {
            for (int i = 0; i < found.size(); i++) {
                heard.found().add(readoutOf(master, found.get(i), foundAt.get(i), zone, heard.notes()));
            }
        }
        result.duplicateIds().forEach(a -> heard.problems().add(Text.of(Text.Kind.SEARCH_SHARED_SECONDARY, a)));
        result.unreadable().forEach(a -> heard.problems().add(Text.of(Text.Kind.SEARCH_UNREADABLE_SECONDARY, a)));
    }

    /**
     * The telegram that identified a meter is already a true readout of it; only a meter with more
     * telegrams is read again in full. If that fails, its first telegram still counts.
     */
    private Found readoutOf(MBusMaster master, FoundMeter f, Instant at, ZoneId zone, List<Text> notes) {
        Readout first = new Readout("secondary address " + f.address(), List.of(f.telegram()), at, Duration.ZERO, 1);
        Readout readout = first;
        if (f.telegram().data().moreRecordsFollow()) {
            try {
                readout = master.read(f.address());
            } catch (MasterException e) {
                notes.add(Text.of(Text.Kind.SEARCH_FIRST_TELEGRAM_ONLY, f.address(), Text.of(e)));
            }
        }
        return new Found(telegrams.toReadout(readout, zone), null, "secondary address " + f.address());
    }

    private void primary(MBusMaster master, int from, int to, ZoneId zone, Heard heard, RunProgress progress)
            throws MasterException {
        int[] answered = {0};
        PrimaryScan.Result result = PrimaryScan.run(master, from, to, new SearchListener() {
            @Override
            public void probed(int primaryAddress, boolean ok) {
                answered[0] += ok ? 1 : 0;
            }

            @Override
            public void progress(double fractionDone) {
                progress.searched(fractionDone, answered[0]);
            }
        });
        for (Readout r : result.meters()) {
            Matcher m = PRIMARY_SLAVE.matcher(r.slave());
            if (!m.matches()) {
                throw new IllegalStateException("a primary scan's readout names its slave '" + r.slave() + "'");
            }
            int address = Integer.parseInt(m.group(1));
            try {
                heard.found().add(new Found(telegrams.toReadout(r, zone), address, "primary address " + address));
            } catch (IllegalArgumentException e) {
                heard.problems().add(Text.raw(e.getMessage()));
            }
        }
        result.conflicts().forEach(a -> heard.problems().add(Text.of(Text.Kind.SEARCH_PRIMARY_GARBLED, a)));
        result.unreadable().forEach(a -> heard.problems().add(Text.of(Text.Kind.SEARCH_PRIMARY_UNREADABLE, a)));
    }

    private RunResult finish(Channel channel, long runId, Heard heard, Text channelFailure, String actor) {
        List<Text> problems = new ArrayList<>(heard.problems());
        problems.addAll(heard.notes());
        if (channelFailure != null) {
            problems.add(0, Text.of(Text.Kind.SEARCH_BROKE_OFF, channelFailure));
        }
        int found = heard.found().size();
        int failed = heard.problems().size();
        Text message = problems.isEmpty() ? (found == 0 ? Text.of(Text.Kind.SEARCH_NO_METER) : null)
                : Text.all(problems);
        return transaction.execute(status -> {
            audit.set(actor);
            List<MeterReadout> readouts = heard.found().stream().map(Found::readout).toList();
            StoreResult stored = found == 0 ? null : store.store(readouts, ReadingSource.POLL, channel.id());
            List<MeterOutcome> outcomes = new ArrayList<>();
            for (Found f : heard.found()) {
                long meterId = register(channel.id(), f);
                outcomes.add(MeterOutcome.read(meterId, f.addressedBy(), f.readout().values().size(),
                        f.readout().readAt()));
            }
            runs.outcomes(runId, outcomes);
            RunResult result = new RunResult(runId, RunResult.status(found, failed, channelFailure != null),
                    found + failed, found, failed, found, stored == null ? 0 : stored.metersCreated(),
                    stored == null ? 0 : stored.inserted(), stored == null ? 0 : stored.unchanged(), message);
            runs.finish(result);
            return result;
        });
    }

    /** Puts a found meter on this channel, at the primary address it answered at (which no other meter here keeps). */
    private long register(long channelId, Found f) {
        long meterId = resolver.resolve(f.readout().meter(), f.readout().readAt(), channelId).meterId();
        channels.putOnChannel(meterId, channelId, f.primary());
        return meterId;
    }
}
