package org.openamr.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.openamr.acquisition.channel.WiredMeterAddress;
import org.openamr.acquisition.readout.TelegramReadouts;
import org.openamr.gateway.image.GatewayInfo;
import org.openamr.gateway.image.ImageBuilder;
import org.openamr.gateway.image.RegisterImage;
import org.openamr.gateway.layout.Layout;
import org.openamr.gateway.meters.MeterEntry;
import org.openamr.gateway.meters.MeterFile;
import org.openamr.gateway.meters.MeterFileException;
import org.openamr.gateway.meters.MeterList;
import org.openamr.gateway.reading.BusReader;
import org.openamr.gateway.reading.CycleResult;
import org.openamr.gateway.serve.ImageServices;
import org.openamr.gateway.serve.RtuEndpoint;
import org.openamr.gateway.serve.TcpEndpoint;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.master.MasterException;

/**
 * The M-Bus → Modbus gateway: reads the meters of the meter file on the schedule and, after each
 * read-out, publishes a new register image that the Modbus servers answer from. The servers only
 * ever read the image that is current, so that no request waits for the bus.
 */
public final class Gateway implements AutoCloseable {

    private final GatewaySettings settings;
    private final Clock clock;
    private final Consumer<String> log;
    private final BusReader reader;
    private final ImageBuilder builder;
    private final AtomicReference<RegisterImage> image = new AtomicReference<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile MeterList meters;
    private TcpEndpoint tcp;
    private RtuEndpoint rtu;
    private Thread loop;
    private boolean searched;
    private long cycles;
    private CycleResult last;
    private Instant nextCycle;

    private Gateway(GatewaySettings settings, MeterList meters, Clock clock, Consumer<String> log) {
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
        this.log = log;
        this.reader = new BusReader(settings.bus(), TelegramReadouts.builtIn(), settings.zone(), clock, log);
        this.builder = new ImageBuilder(settings.format(), settings.order());
        publish();
    }

    /**
     * Reads the meter file (writing back the slots it assigns); nothing is served or read yet.
     *
     * @throws MeterFileException when the file is wrong, missing without {@code search}, or lists no meter
     */
    public static Gateway open(GatewaySettings settings, Clock clock, Consumer<String> log)
            throws IOException, MeterFileException {
        MeterList meters;
        if (!Files.exists(settings.metersFile())) {
            if (!settings.search()) {
                throw new MeterFileException(settings.metersFile(), 0, "no such file: list the meters in it, one"
                        + " 'SLOT ADDRESS' a line, or let --search find them");
            }
            meters = MeterList.EMPTY;
        } else {
            MeterFile.Read read = MeterFile.read(settings.metersFile());
            meters = read.meters();
            if (read.slotsAssigned()) {
                MeterFile.write(settings.metersFile(), meters);
                log.accept("meter file " + settings.metersFile() + ": slots assigned and written");
            }
            if (meters.entries().isEmpty() && !settings.search()) {
                throw new MeterFileException(settings.metersFile(), 0, "lists no meter: add 'SLOT ADDRESS' lines,"
                        + " or let --search find them");
            }
        }
        return new Gateway(settings, meters, clock, log);
    }

    /** Starts the Modbus servers on the current image (before the first read-out: every meter "not read yet"). */
    public void serve() throws IOException {
        ImageServices tcpServices = new ImageServices(image::get, clock, OptionalInt.empty());
        tcp = TcpEndpoint.start(settings.listen(), tcpServices);
        if (settings.rtu().isPresent()) {
            try {
                rtu = RtuEndpoint.start(settings.rtu().get(),
                        new ImageServices(image::get, clock, OptionalInt.of(settings.rtu().get().unitId())));
            } catch (IOException e) {
                tcp.close();
                throw e;
            }
        }
    }

    /** Reads at once, then on the schedule, on a thread of its own, until {@link #close()}. */
    public void startReading() {
        loop = new Thread(this::readUntilStopped, "openamr-gateway-reader");
        loop.setDaemon(true);
        loop.start();
    }

    private void readUntilStopped() {
        try {
            while (stop.getCount() > 0) {
                readOnce();
                Duration wait = Duration.between(clock.instant(), nextCycle);
                if (stop.await(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One read-out of every listed meter (the search first, the first time, if asked), then a new image. */
    public synchronized CycleResult readOnce() {
        CycleResult r = reader.read(meters);
        if (settings.search() && !searched) {
            r = searchAndRead(r);
        }
        cycles++;
        last = r;
        nextCycle = settings.schedule().next(r.start(), clock.instant(), settings.zone());
        publish();
        log.accept("read-out " + cycles + ": " + meters.entries().size() + " meters, " + r.ok() + " ok, "
                + r.notAnswering() + " not answering, " + r.badAnswer() + " bad answers, in "
                + r.duration().toMillis() / 100 / 10.0 + " s; next at " + nextCycle.atZone(settings.zone())
                .toLocalDateTime().withNano(0));
        return r;
    }

    private CycleResult searchAndRead(CycleResult listed) {
        List<SecondaryAddress> found;
        try {
            found = reader.search();
        } catch (MasterException e) {
            log.accept("search: " + e.getMessage() + "; tried again at the next read-out");
            return listed;
        }
        searched = true;
        MeterList before = meters;
        MeterList after = before;
        for (SecondaryAddress a : found) {
            if (!after.covers(a) && !reader.answeredAs(a) && after.highestSlot() < Layout.MAX_SLOTS) {
                after = after.append(WiredMeterAddress.of(a), "found by the search " + LocalDate.now(clock.withZone(settings.zone())));
            }
        }
        log.accept("search: " + found.size() + " meters on the bus, " + (after.entries().size() - before.entries().size())
                + " new");
        if (after == before) {
            return listed;
        }
        try {
            MeterFile.write(settings.metersFile(), after);
        } catch (IOException e) {
            log.accept("meter file " + settings.metersFile() + ": cannot write it (" + e.getMessage() + "); the new"
                    + " meters' slots hold until the gateway stops");
        }
        meters = after;
        List<MeterEntry> added = new ArrayList<>(after.entries());
        added.removeAll(before.entries());
        CycleResult more = reader.read(new MeterList(added));
        return new CycleResult(listed.start(), more.end(), listed.ok() + more.ok(),
                listed.notAnswering() + more.notAnswering(), listed.badAnswer() + more.badAnswer());
    }

    private void publish() {
        GatewayInfo info = new GatewayInfo(settings.serial(), GatewayInfo.version(settings.version()),
                meters.entries().size(), Optional.ofNullable(last).map(CycleResult::end), cycles,
                last == null ? 0 : last.ok(), last == null ? 0 : last.notAnswering(), last == null ? 0 : last.badAnswer(),
                last == null ? Duration.ZERO : last.duration(), Optional.ofNullable(nextCycle));
        image.set(builder.build(info, reader.snapshots(meters)));
    }

    public RegisterImage image() {
        return image.get();
    }

    public MeterList meters() {
        return meters;
    }

    /** Where the Modbus TCP server listens, once {@link #serve()} has started it. */
    public InetSocketAddress tcpAddress() {
        return tcp.address();
    }

    @Override
    public void close() {
        stop.countDown();
        if (loop != null) {
            try {
                loop.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (rtu != null) {
            rtu.close();
        }
        if (tcp != null) {
            tcp.close();
        }
    }
}
