package org.openamr.server.channel;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockAssert;
import org.openamr.acquisition.channel.BusConnection;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.TelegramReadouts;
import org.openamr.mbus.master.ChannelFailureException;
import org.openamr.mbus.master.MBusMaster;
import org.openamr.mbus.master.MasterException;
import org.openamr.mbus.master.NoResponseException;
import org.openamr.mbus.master.Readout;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.reading.ReadingSource;
import org.openamr.server.reading.ReadingStore;
import org.openamr.server.reading.StoreResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads every meter registered on a polled channel: by primary address when the registry has one,
 * else by secondary address. The readings of the whole run are stored together at its end; every
 * meter gets an outcome — read, or failed and why — so a meter that stays silent is never a gap
 * nobody notices. A channel that fails (gateway unreachable, port gone) ends the run: the meters
 * not yet read are recorded as failed with the channel's error.
 */
@Service
public class PollService {

    private final ChannelRepository channels;
    private final RunRepository runs;
    private final ReadingStore store;
    private final AuditActor audit;
    private final TransactionTemplate transaction;
    private final PollEvents events;
    private final TelegramReadouts telegrams = TelegramReadouts.builtIn();
    private final ModbusPoller modbus;
    private final Clock clock = Clock.systemUTC();

    public PollService(ChannelRepository channels, RunRepository runs, ReadingStore store, AuditActor audit,
            PlatformTransactionManager transactions, PollEvents events, ModbusPoller modbus) {
        this.modbus = modbus;
        this.channels = channels;
        this.runs = runs;
        this.store = store;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
    }

    /**
     * Polls the channel now. Call under the channel's lock ({@link ChannelLocks}), never outside.
     *
     * @param actor who asked, for the audit log: {@code poller} for the schedule, {@code user:…} for read-now
     */
    public RunResult poll(long channelId, Trigger trigger, String actor, RunProgress progress) {
        LockAssert.assertLocked();
        Channel channel = channels.byId(channelId)
                .orElseThrow(() -> new IllegalStateException("channel " + channelId + " no longer exists"));
        if (!channel.kind().polled()) {
            throw new IllegalStateException("channel " + channel.publicId() + " is a concentrator: it pushes and is "
                    + "never polled");
        }
        List<RegisteredMeter> meters = channels.registeredMeters(channelId);
        long runId = runs.start(channelId, RunKind.POLL, trigger, actor, meters.size());
        progress.started(runId);
        PollEvents.Poll event = events.started(channel, runId, trigger);
        try (event) {
            return poll(channel, runId, meters, actor, progress, event);
        } catch (RuntimeException | Error e) {
            runs.fail(runId, Text.of(Text.Kind.POLL_BROKE_OFF, Text.raw(e.toString())));
            event.brokeOff();
            throw e;
        }
    }

    private RunResult poll(Channel channel, long runId, List<RegisteredMeter> meters, String actor,
            RunProgress progress, PollEvents.Poll event) {
        if (channel.kind() == ChannelKind.MODBUS) {
            ModbusPoller.Collected c = modbus.collect(channel, meters, progress);
            return event.finished(finish(channel, runId, meters.size(), c.readouts(), c.outcomes(), c.channelFailure(),
                    actor), meters, c.outcomes());
        }
        ZoneId zone = channel.zone();
        List<MeterReadout> readouts = new ArrayList<>();
        List<MeterOutcome> outcomes = new ArrayList<>();
        Text channelFailure = null;
        MBusMaster master = null;
        try {
            master = BusConnection.of(channel.address(), channel.baud()).open(clock);
        } catch (RuntimeException e) {
            channelFailure = Text.of(Text.Kind.CHANNEL_CANNOT_OPEN, channel.address(), Text.raw(e.getMessage()));
        }
        progress.meters(0, meters.size());
        try {
            int done = 0;
            for (RegisteredMeter m : meters) {
                if (channelFailure == null && Thread.currentThread().isInterrupted()) {
                    channelFailure = Text.of(Text.Kind.POLL_SERVER_STOPPED);
                }
                Optional<String> addressing = m.addressing();
                if (addressing.isEmpty()) {
                    outcomes.add(MeterOutcome.failed(m.id(), "none", Text.of(Text.Kind.OUTCOME_NO_ADDRESS, m.describe()),
                            clock.instant()));
                } else if (channelFailure != null) {
                    outcomes.add(MeterOutcome.failed(m.id(), addressing.get(),
                            Text.of(Text.Kind.OUTCOME_NOT_READ, channelFailure), clock.instant()));
                } else {
                    try {
                        outcomes.add(read(master, m, addressing.get(), zone, readouts));
                    } catch (ChannelFailureException e) {
                        channelFailure = Text.of(e);
                        outcomes.add(MeterOutcome.failed(m.id(), addressing.get(), Text.of(e), clock.instant()));
                    } catch (NoResponseException e) {
                        outcomes.add(MeterOutcome.silent(m.id(), addressing.get(), Text.of(e), clock.instant()));
                    } catch (MasterException e) {
                        // a garbled answer or an application error
                        outcomes.add(MeterOutcome.failed(m.id(), addressing.get(), Text.of(e), clock.instant()));
                    } catch (IllegalArgumentException e) {
                        // no long header to know the meter by: the converter's own words
                        outcomes.add(MeterOutcome.failed(m.id(), addressing.get(), Text.raw(e.getMessage()),
                                clock.instant()));
                    }
                }
                progress.meters(++done, meters.size());
            }
        } finally {
            if (master != null) {
                master.close();
            }
        }
        return event.finished(finish(channel, runId, meters.size(), readouts, outcomes, channelFailure, actor), meters,
                outcomes);
    }

    private MeterOutcome read(MBusMaster master, RegisteredMeter m, String addressing, ZoneId zone,
            List<MeterReadout> readouts) throws MasterException {
        Readout r = m.byPrimary() ? master.read(m.primary()) : master.read(m.secondary().orElseThrow());
        MeterReadout readout = telegrams.toReadout(r, zone);
        // what a meter sends is a fact about that meter, whichever one it turns out to be
        readouts.add(readout);
        if (!m.is(readout.meter())) {
            return MeterOutcome.failed(m.id(), addressing, Text.of(Text.Kind.OUTCOME_WRONG_METER, Text.address(addressing),
                    readout.meter().serial() + readout.meter().manufacturer().map(s -> " " + s).orElse(""),
                    m.describe()), r.readAt());
        }
        return MeterOutcome.read(m.id(), addressing, readout.values().size(), r.readAt());
    }

    private RunResult finish(Channel channel, long runId, int total, List<MeterReadout> readouts,
            List<MeterOutcome> outcomes, Text channelFailure, String actor) {
        int read = (int) outcomes.stream().filter(o -> o.result() == OutcomeResult.READ).count();
        int failed = outcomes.size() - read;
        Text message = channelFailure != null ? channelFailure
                : failed > 0 ? Text.of(Text.Kind.POLL_NOT_READ, failed, total)
                : total == 0 ? Text.of(Text.Kind.POLL_NO_METERS) : null;
        try {
            return transaction.execute(status -> {
                audit.set(actor);
                StoreResult stored = readouts.isEmpty() ? null
                        : store.store(readouts, ReadingSource.POLL, channel.id());
                runs.outcomes(runId, outcomes);
                RunResult result = new RunResult(runId, RunResult.status(read, failed, channelFailure != null), total,
                        read, failed, null, stored == null ? 0 : stored.metersCreated(),
                        stored == null ? 0 : stored.inserted(), stored == null ? 0 : stored.unchanged(), message);
                runs.finish(result);
                return result;
            });
        } catch (RuntimeException e) {
            Text why = Text.of(Text.Kind.OUTCOME_NOT_STORED, Text.raw(e.getMessage()));
            runs.outcomes(runId, outcomes.stream().map(o -> o.result() == OutcomeResult.READ
                    ? MeterOutcome.failed(o.meterId(), o.addressedBy(), why, o.at()) : o).toList());
            RunResult result = new RunResult(runId, RunStatus.FAILED, total, 0, total, null, 0, 0, 0,
                    Text.of(Text.Kind.POLL_NOT_STORED, Text.raw(e.getMessage())));
            runs.finish(result);
            return result;
        }
    }
}
