package org.openamr.mbus.master;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.MasterRequests;
import org.openamr.mbus.TelegramCodec;
import org.openamr.mbus.app.ApplicationMessage;
import org.openamr.mbus.app.ApplicationMessage.VariableDataResponse;
import org.openamr.mbus.app.LongHeader;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.link.AckFrame;
import org.openamr.mbus.link.Address;
import org.openamr.mbus.link.ControlField;
import org.openamr.mbus.link.Frame;
import org.openamr.mbus.link.FrameAssembler;
import org.openamr.mbus.link.LongFrame;
import org.openamr.mbus.transport.Transport;
import org.openamr.mbus.transport.TransportException;

/**
 * The master of one M-Bus segment. One transaction at a time: every public operation holds the
 * bus for its whole exchange, so the master is safe to share between threads. Answers are checked
 * (frame, C-field, address, meter identity) before they are returned: a damaged or foreign answer
 * is retried, never passed on.
 */
public final class MBusMaster implements AutoCloseable {

    private final Transport transport;
    private final MasterSettings settings;
    private final Clock clock;
    private final ReentrantLock bus = new ReentrantLock(true);
    private final FrameAssembler assembler = new FrameAssembler();
    private final byte[] buffer = new byte[512];
    private final LatencyEstimator latency;
    private BusTiming timing;
    private long transactions;
    private long channelFaults;
    private long answerAttempts;
    private long silentAttempts;

    public MBusMaster(Transport transport, MasterSettings settings, Clock clock) {
        this.transport = transport;
        this.settings = settings;
        this.clock = clock;
        this.timing = new BusTiming(transport.baudRate());
        this.latency = new LatencyEstimator(settings.initialLatency());
    }

    public MBusMaster(Transport transport) {
        this(transport, MasterSettings.DEFAULT, Clock.systemUTC());
    }

    public String channel() {
        return transport.name();
    }

    /** Requests sent since this master was created, retries included. */
    public long transactions() {
        return transactions;
    }

    /**
     * Failed attempts of requests that a present slave must answer: no answer, a damaged or a
     * foreign one. Zero means the channel has not lost or garbled anything so far; a search uses it
     * to decide whether an empty selection must be confirmed.
     */
    public long channelFaults() {
        return channelFaults;
    }

    /** Attempts of requests that a present slave must answer; {@link #channelFaults()} of them failed. */
    public long answerAttempts() {
        return answerAttempts;
    }

    /** Of {@link #answerAttempts()}, those that got no byte at all: what would make a meter look absent. */
    public long silentAttempts() {
        return silentAttempts;
    }

    /** The channel latency now added to response windows. */
    public Duration measuredLatency() {
        return latency.latency();
    }

    // ---- operations -----------------------------------------------------------------------------

    /** SND_NKE: link reset; the slave acknowledges with E5. */
    public void reset(int address) throws MasterException {
        bus.lock();
        try {
            acknowledged(MasterRequests.sndNke(address), primary(address));
        } finally {
            bus.unlock();
        }
    }

    /** Reads every telegram of the slave at a primary address (SND_NKE, then REQ_UD2 until no 0x1F). */
    public Readout read(int address) throws MasterException {
        Address.requirePrimary(address);
        bus.lock();
        try {
            String slave = primary(address);
            Instant start = clock.instant();
            long before = transactions;
            acknowledged(MasterRequests.sndNke(address), slave);
            return readTelegrams(address, slave, null, start, before);
        } finally {
            bus.unlock();
        }
    }

    /**
     * Reads the slave with a fully specified secondary address: select it (it must answer alone),
     * restart its telegram sequence, read every telegram, and deselect.
     */
    public Readout read(SecondaryAddress address) throws MasterException {
        bus.lock();
        try {
            String slave = "secondary address " + address;
            Instant start = clock.instant();
            long before = transactions;
            SelectOutcome outcome = selectLocked(address, settings.emptyConfirmations());
            if (outcome == SelectOutcome.NONE) {
                throw new NoResponseException(channel(), slave, "no meter answers to this secondary address");
            }
            if (outcome == SelectOutcome.COLLISION) {
                throw new InvalidResponseException(channel(), slave, "more than one meter answers to this address");
            }
            acknowledged(MasterRequests.applicationReset(Address.NETWORK_LAYER, -1), slave);
            try {
                return readTelegrams(Address.NETWORK_LAYER, slave, address, start, before);
            } finally {
                deselectQuietly();
            }
        } finally {
            bus.unlock();
        }
    }

    /**
     * Selects the slaves matching {@code mask}. A lost answer must not hide a slave, so "none" is
     * only believed after {@link MasterSettings#emptyConfirmations()} more tries.
     */
    public SelectOutcome select(SecondaryAddress mask) throws MasterException {
        return select(mask, settings.emptyConfirmations());
    }

    /** Selects the slaves matching {@code mask}, believing "none" after {@code emptyConfirmations} more tries. */
    public SelectOutcome select(SecondaryAddress mask, int emptyConfirmations) throws MasterException {
        bus.lock();
        try {
            return selectLocked(mask, emptyConfirmations);
        } finally {
            bus.unlock();
        }
    }

    /**
     * SND_NKE to a primary address, to learn whether a slave is there: {@link SelectOutcome#ONE} for a
     * clean acknowledgement, {@link SelectOutcome#COLLISION} for a garbled one (two slaves share the
     * address), {@link SelectOutcome#NONE} after {@code emptyConfirmations} more silent tries.
     */
    public SelectOutcome probe(int address, int emptyConfirmations) throws MasterException {
        Address.requirePrimary(address);
        bus.lock();
        try {
            return probeLocked(MasterRequests.sndNke(address), primary(address), emptyConfirmations);
        } finally {
            bus.unlock();
        }
    }

    /** After a selection with one answer: the selected slave's first telegram, which names it. */
    public VariableDataResponse identifySelected() throws MasterException {
        bus.lock();
        try {
            return request(Address.NETWORK_LAYER, true, "the selected slave", null, null);
        } finally {
            bus.unlock();
        }
    }

    /**
     * SND_NKE to 253: the selected slave leaves the selection. Its acknowledgement is awaited (so it
     * cannot be mistaken for the answer to the next request) but not required.
     */
    public void deselect() throws MasterException {
        bus.lock();
        try {
            exchange(MasterRequests.deselect(), "the selected slave", false);
        } finally {
            bus.unlock();
        }
    }

    /** Writes a new primary address into the slave at {@code address}. */
    public void setPrimaryAddress(int address, int newAddress) throws MasterException {
        bus.lock();
        try {
            acknowledged(MasterRequests.setPrimaryAddress(address, newAddress), primary(address));
        } finally {
            bus.unlock();
        }
    }

    /** Application reset (CI 0x50), optionally with a subcode (-1 for none). */
    public void applicationReset(int address, int subcode) throws MasterException {
        bus.lock();
        try {
            acknowledged(MasterRequests.applicationReset(address, subcode), primary(address));
        } finally {
            bus.unlock();
        }
    }

    /**
     * Switches the slave to another baud rate. The slave acknowledges at the old rate; afterwards
     * the channel speaks the new one (for a single-slave test bus or a whole bus switched in turn).
     */
    public void switchBaudRate(int address, int baud) throws MasterException {
        bus.lock();
        try {
            acknowledged(MasterRequests.switchBaudRate(address, baud), primary(address));
            transport.setBaudRate(baud);
            timing = new BusTiming(baud);
        } catch (TransportException e) {
            throw new ChannelFailureException(channel(), primary(address), e.problem(), e);
        } finally {
            bus.unlock();
        }
    }

    @Override
    public void close() {
        transport.close();
    }

    // ---- exchanges ------------------------------------------------------------------------------

    private Readout readTelegrams(int address, String slave, SecondaryAddress expected, Instant start,
            long transactionsBefore) throws MasterException {
        List<VariableDataResponse> telegrams = new ArrayList<>();
        List<LongFrame> frames = new ArrayList<>();
        Instant first = null;
        boolean fcb = true;
        LongFrame[] previous = {null};
        while (true) {
            VariableDataResponse r = request(address, fcb, slave, expected, previous);
            frames.add(previous[0]); // the frame request() accepted as this telegram
            if (first == null) {
                first = clock.instant();
                if (expected == null && r.header() instanceof LongHeader h) {
                    expected = h.secondaryAddress(); // later telegrams must come from the same meter
                }
            }
            telegrams.add(r);
            if (!r.data().moreRecordsFollow()) {
                break;
            }
            if (telegrams.size() == settings.maxTelegrams()) {
                throw new InvalidResponseException(channel(), slave, "still announces more records after "
                        + telegrams.size() + " telegrams");
            }
            fcb = !fcb;
        }
        return new Readout(slave, telegrams, first, Duration.between(start, clock.instant()),
                (int) (transactions - transactionsBefore), frames);
    }

    /**
     * One REQ_UD2 with retries. A retry keeps the FCB, so a slave whose answer was lost repeats it
     * rather than moving on: no telegram is skipped. {@code previous} holds the telegram before this
     * one of a readout (updated here): a byte-identical answer is a late copy of it, not the next
     * telegram, since a slave's access number changes with every telegram.
     */
    private VariableDataResponse request(int address, boolean fcb, String slave, SecondaryAddress expected,
            LongFrame[] previous) throws MasterException {
        byte[] req = MasterRequests.reqUd2(address, fcb);
        String problem = "no answer";
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            if (attempt > 1) {
                channelFaults++;
            }
            answerAttempts++;
            Received got = exchange(req, slave, false);
            if (got.frames().isEmpty()) {
                problem = got.noise() > 0 ? "only damaged bytes (" + got.noise() + ") in the answer"
                        : "no answer within " + got.waited().toMillis() + " ms";
                silentAttempts += got.silent() ? 1 : 0;
                continue;
            }
            Frame f = got.frames().get(0);
            if (!(f instanceof LongFrame lf) || !ControlField.isResponseUserData(lf.control())
                    || (address != Address.NETWORK_LAYER && lf.address() != address)) {
                problem = "unexpected answer " + f;
                continue;
            }
            if (previous != null && lf.equals(previous[0])) {
                problem = "the previous telegram again (a late answer to an earlier request)";
                continue;
            }
            ApplicationMessage m;
            try {
                m = TelegramCodec.applicationMessage(lf);
            } catch (DecodeException e) {
                problem = "answer cannot be decoded: " + e.describe();
                continue;
            }
            if (m instanceof ApplicationMessage.ApplicationError e) {
                throw new MeterApplicationErrorException(channel(), slave, "application error " + e.code() + ": "
                        + e.meaning());
            }
            if (!(m instanceof VariableDataResponse r)) {
                problem = "answer with CI %02X is not a data response".formatted(lf.ci());
                continue;
            }
            if (expected != null && !(r.header() instanceof LongHeader h && expected.matches(h.secondaryAddress()))) {
                problem = "answer comes from another meter (" + r.header() + ")";
                continue;
            }
            if (previous != null) {
                previous[0] = lf;
            }
            return r;
        }
        throw failure(slave, problem);
    }

    /** A request the slave must acknowledge with E5. */
    private void acknowledged(byte[] request, String slave) throws MasterException {
        String problem = "no answer";
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            if (attempt > 1) {
                channelFaults++;
            }
            answerAttempts++;
            Received got = exchange(request, slave, false);
            if (got.frames().size() == 1 && got.frames().get(0) instanceof AckFrame) {
                return;
            }
            silentAttempts += got.silent() ? 1 : 0;
            problem = got.frames().isEmpty() ? (got.noise() > 0 ? "damaged acknowledgement" : "no acknowledgement within "
                    + got.waited().toMillis() + " ms") : "unexpected answer " + got.frames().get(0);
        }
        throw failure(slave, problem);
    }

    private SelectOutcome selectLocked(SecondaryAddress mask, int emptyConfirmations) throws MasterException {
        return probeLocked(MasterRequests.selectSecondary(mask), "secondary address mask " + mask, emptyConfirmations);
    }

    /** Sends a request every matching slave acknowledges; tells none, one or several apart. */
    private SelectOutcome probeLocked(byte[] request, String slave, int emptyConfirmations) throws MasterException {
        for (int attempt = 0; attempt <= emptyConfirmations; attempt++) {
            Received got = exchange(request, slave, true);
            if (got.silent()) {
                continue; // nothing: believed only after the confirmations
            }
            boolean clean = got.frames().size() == 1 && got.frames().get(0) instanceof AckFrame && got.noise() == 0;
            return clean ? SelectOutcome.ONE : SelectOutcome.COLLISION;
        }
        return SelectOutcome.NONE;
    }

    private void deselectQuietly() {
        try {
            exchange(MasterRequests.deselect(), "the selected slave", false);
        } catch (MasterException ignored) {
            // the readout succeeded; a failed deselection shows on the next transaction
        }
    }

    /** What came back for one request. */
    private record Received(List<Frame> frames, long noise, Duration waited) {
        /** Not a byte came back: what makes a present slave look absent. */
        boolean silent() {
            return frames.isEmpty() && noise == 0;
        }
    }

    /**
     * Sends a request and collects the answer: waits for the first byte within the response window,
     * then byte by byte until a frame is complete or the line stays quiet. For selections it keeps
     * listening one character gap longer, since a second answering slave is what a collision is.
     */
    private Received exchange(byte[] request, String slave, boolean listenForCollision) throws MasterException {
        try {
            transport.discardInput();
            assembler.reset();
            long sent = System.nanoTime();
            transport.write(request);
            transactions++;
            Duration lat = latency.latency();
            Duration window = timing.responseTimeout(request.length, transport.writeBlocksUntilSent(), lat);
            int n = transport.read(buffer, 0, buffer.length, window);
            if (n == 0) {
                return new Received(List.of(), 0, window);
            }
            Duration firstByte = Duration.ofNanos(System.nanoTime() - sent);
            Duration minimum = timing.minimumTurnaround()
                    .plus(transport.writeBlocksUntilSent() ? Duration.ZERO : timing.frameTime(request.length));
            latency.observe(firstByte.minus(minimum));
            List<Frame> frames = new ArrayList<>();
            Duration gap = timing.characterGapTimeout(lat);
            // Inside a frame the channel may hold bytes back; between frames only the line's gap counts.
            Duration gapInFrame = gap.plus(transport.interByteJitter());
            while (true) {
                assembler.feed(buffer, 0, n);
                for (Optional<Frame> f = assembler.next(); f.isPresent(); f = assembler.next()) {
                    frames.add(f.get());
                }
                if (!frames.isEmpty() && !listenForCollision) {
                    break;
                }
                n = transport.read(buffer, 0, buffer.length, assembler.pendingBytes() > 0 ? gapInFrame : gap);
                if (n == 0) {
                    frames.addAll(assembler.atSilence());
                    break;
                }
            }
            long noise = assembler.discardedBytes() + assembler.pendingBytes();
            return new Received(frames, noise, window);
        } catch (TransportException e) {
            throw new ChannelFailureException(channel(), slave, e.problem(), e);
        }
    }

    private MasterException failure(String slave, String problem) {
        channelFaults++;
        String text = problem + " (" + settings.attempts() + " attempts)";
        return problem.startsWith("no ") ? new NoResponseException(channel(), slave, text)
                : new InvalidResponseException(channel(), slave, text);
    }

    private static String primary(int address) {
        return "primary address " + address;
    }
}
