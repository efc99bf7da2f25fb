package org.openamr.simulator.bus;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.TelegramCodec;
import org.openamr.mbus.app.ApplicationMessage;
import org.openamr.mbus.app.CiField;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.link.AckFrame;
import org.openamr.mbus.link.Address;
import org.openamr.mbus.link.ControlField;
import org.openamr.mbus.link.ControlFrame;
import org.openamr.mbus.link.Frame;
import org.openamr.mbus.link.FrameAssembler;
import org.openamr.mbus.link.LongFrame;
import org.openamr.mbus.link.ShortFrame;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.record.DataRecord;
import org.openamr.mbus.value.Value;
import org.openamr.simulator.meter.MeterError;
import org.openamr.simulator.meter.MeterType;
import org.openamr.simulator.meter.VirtualMeter;
import org.openamr.simulator.model.ConsumptionModel;

/**
 * The slave side of a wired M-Bus segment: master frames in, the bytes the slaves put on the line
 * out, per EN 13757-2/-3. Frames that are damaged, unknown, from a slave, or addressed to nobody
 * get no answer, as on a real bus. Who a frame reaches and who is selected is {@link BusSlaves}'s;
 * what of their answers reaches the master ({@link Collision}s, {@link Faults} that lose, corrupt or
 * delay replies deterministically from the seed) is {@link ReplyFaults}'s; this class reads the frames
 * and has the addressed slaves act on them.
 *
 * <p>Thread-safe: one frame is handled at a time, as on the half-duplex bus; meters and errors may
 * be changed from other threads meanwhile.
 */
public final class VirtualBus {

    public static final int DEFAULT_BAUD = 2400;

    private static final byte[] ACK = {(byte) AckFrame.CHARACTER};
    /** SND_UD without its FCB and FCV bits. */
    private static final int SND_UD_FUNCTION = 0x43;
    /** REQ_UD2 and REQ_UD1 without their FCB and FCV bits. */
    private static final int REQ_UD2_FUNCTION = 0x4B;
    private static final int REQ_UD1_FUNCTION = 0x4A;
    private static final int FUNCTION_MASK = ~(ControlField.FCB | ControlField.FCV) & 0xFF;

    private final long seed;
    private final Clock clock;
    private final Faults faults;
    private final ConsumptionModel model;
    private final BusSlaves slaves;
    private final ReplyFaults line;
    private final FrameAssembler assembler = new FrameAssembler();
    private long frames;
    private long unanswered;

    private VirtualBus(Builder b, List<VirtualMeter> meters) {
        this.seed = b.seed;
        this.clock = b.clock;
        this.faults = b.faults;
        this.model = b.model();
        this.slaves = new BusSlaves(seed, b.baud);
        this.line = new ReplyFaults(seed, faults);
        meters.forEach(this::add);
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- the wire --------------------------------------------------------------------------------

    /**
     * Feeds bytes from the master; every complete valid frame among them is handled in order.
     * Noise and damaged frames are skipped as a slave's UART and frame check would.
     */
    public synchronized List<Reply> receive(byte[] bytes, int offset, int count) {
        assembler.feed(bytes, offset, count);
        List<Reply> out = new ArrayList<>();
        for (Optional<Frame> f = assembler.next(); f.isPresent(); f = assembler.next()) {
            handle(f.get()).ifPresent(out::add);
        }
        return out;
    }

    public List<Reply> receive(byte[] bytes) {
        return receive(bytes, 0, bytes.length);
    }

    /** Forgets a partly received frame, as slaves do after a pause on the line or a new connection. */
    public synchronized void resetReceiver() {
        assembler.reset();
    }

    /** Bytes received that are not yet part of a frame. */
    public synchronized int pendingBytes() {
        return assembler.pendingBytes();
    }

    /** The answer to one master frame, if any slave answers and no fault swallows it. */
    public synchronized Optional<Reply> handle(Frame frame) {
        frames++;
        return dispatch(frame, clock.instant());
    }

    private Optional<Reply> dispatch(Frame frame, Instant now) {
        if (frame instanceof ShortFrame s) {
            int c = s.control();
            int a = s.address();
            if (c == ControlField.SND_NKE) {
                return sndNke(a);
            }
            int function = c & FUNCTION_MASK;
            boolean fcb = (c & ControlField.FCB) != 0;
            boolean fcv = (c & ControlField.FCV) != 0;
            if (function == REQ_UD2_FUNCTION) {
                return answer(a, slaves.addressed(a), l -> l.requestUserData2(fcb, fcv, now));
            }
            if (function == REQ_UD1_FUNCTION) {
                // No alarm (class 1) data: a slave acknowledges instead.
                return answer(a, slaves.addressed(a), l -> ACK);
            }
            return nothing();
        }
        int control;
        int address;
        if (frame instanceof LongFrame l) {
            control = l.control();
            address = l.address();
        } else if (frame instanceof ControlFrame c) {
            control = c.control();
            address = c.address();
        } else {
            return nothing(); // an E5 on the line is a slave's, not for slaves
        }
        if ((control & FUNCTION_MASK) != SND_UD_FUNCTION) {
            return nothing();
        }
        ApplicationMessage message;
        try {
            message = TelegramCodec.applicationMessage(frame);
        } catch (DecodeException e) {
            return nothing();
        }
        if (message instanceof ApplicationMessage.Selection s) {
            return select(address, s.mask());
        }
        if (message instanceof ApplicationMessage.ApplicationReset) {
            return answer(address, slaves.addressed(address), l -> {
                l.resetApplication();
                return ACK;
            });
        }
        if (message instanceof ApplicationMessage.DataSend d) {
            return answer(address, slaves.addressed(address), l -> {
                write(l.meter, d.data().records());
                return ACK;
            });
        }
        if (message instanceof ApplicationMessage.BaudRateSwitch b) {
            List<SlaveLink> targets = slaves.addressed(address);
            // The acknowledgement still goes at the old rate; the slave listens at the new one after it.
            Optional<Reply> ack = answer(address, targets, l -> ACK);
            targets.forEach(l -> l.baud = b.baud());
            return ack;
        }
        return nothing();
    }

    private Optional<Reply> sndNke(int address) {
        List<SlaveLink> targets = slaves.addressed(address);
        Optional<Reply> r = answer(address, targets, l -> {
            l.resetLink();
            return ACK;
        });
        if (address == Address.NETWORK_LAYER) {
            BusSlaves.deselect(targets);
        }
        return r;
    }

    /** CI 0x52: every slave whose address matches the mask is selected, every other one deselected. */
    private Optional<Reply> select(int address, SecondaryAddress mask) {
        if (!BusSlaves.selectsAt(address)) {
            return nothing();
        }
        return answer(address, slaves.select(mask), l -> ACK);
    }

    /** CI 0x51: a new primary address (DIF 01 VIF 7A); records the meter does not know are ignored. */
    private static void write(VirtualMeter meter, List<DataRecord> records) {
        for (DataRecord r : records) {
            if (r.quantity() == Quantity.BUS_ADDRESS && r.value() instanceof Value.Numeric n
                    && n.amount().signum() >= 0 && n.amount().compareTo(BigDecimal.valueOf(Address.MAX_PRIMARY)) <= 0
                    && n.amount().stripTrailingZeros().scale() <= 0) {
                meter.setPrimaryAddress(n.amount().intValueExact());
            }
        }
    }

    /** Every target acts on the frame; their answers go on the line unless the address is 255. */
    private Optional<Reply> answer(int address, List<SlaveLink> targets, Function<SlaveLink, byte[]> act) {
        if (targets.isEmpty()) {
            return nothing();
        }
        int baud = targets.get(0).baud;
        List<byte[]> answers = new ArrayList<>();
        for (SlaveLink l : targets) {
            answers.add(act.apply(l));
        }
        if (address == Address.BROADCAST_NO_REPLY) {
            return nothing();
        }
        return line.onLine(answers, baud);
    }

    private Optional<Reply> nothing() {
        unanswered++;
        return Optional.empty();
    }

    // ---- the segment -----------------------------------------------------------------------------

    public long seed() {
        return seed;
    }

    public Clock clock() {
        return clock;
    }

    public Faults faults() {
        return faults;
    }

    /** The consumption model the meters of this bus read from. */
    public ConsumptionModel model() {
        return model;
    }

    /** What every meter should send at any moment, for tests and "found everything" checks. */
    public BusTruth truth() {
        return new BusTruth(this);
    }

    public synchronized List<VirtualMeter> meters() {
        return slaves.meters();
    }

    public synchronized Optional<VirtualMeter> meter(SecondaryAddress address) {
        return link(address).map(l -> l.meter);
    }

    /** Connects a meter to the segment (secondary addresses must be unique; primary ones need not be). */
    public synchronized void add(VirtualMeter meter) {
        slaves.add(meter);
    }

    /** Disconnects a meter, e.g. to test that a master notices a meter gone. */
    public synchronized boolean remove(SecondaryAddress address) {
        return slaves.remove(address);
    }

    /**
     * Puts a meter into an error state now, so that the next readout shows it. For a meter whose
     * module copies data periodically (SonoSafe/SonoSelect 10) the error is dated at the last copy:
     * otherwise it would only show up to 10 minutes later, and never under a fixed test clock.
     */
    public void setError(SecondaryAddress address, MeterError error) {
        VirtualMeter m = meterOrThrow(address);
        m.setError(error, m.dataInstant(clock.instant()));
    }

    /** Ends an error state now (dated as in {@link #setError}). */
    public void clearError(SecondaryAddress address, MeterError error) {
        VirtualMeter m = meterOrThrow(address);
        m.clearError(error, m.dataInstant(clock.instant()));
    }

    /** The rate a meter listens and answers at (changed by CI 0xB8–0xBF). */
    public synchronized int baudOf(SecondaryAddress address) {
        return link(address).map(l -> l.baud).orElseThrow(() -> notOnBus(address));
    }

    public synchronized boolean isSelected(SecondaryAddress address) {
        return link(address).map(l -> l.selected).orElseThrow(() -> notOnBus(address));
    }

    public synchronized BusStats stats() {
        return line.stats(frames, unanswered);
    }

    synchronized List<MeterInfo> infos() {
        return slaves.infos();
    }

    private VirtualMeter meterOrThrow(SecondaryAddress address) {
        return meter(address).orElseThrow(() -> notOnBus(address));
    }

    private Optional<SlaveLink> link(SecondaryAddress address) {
        return slaves.link(address);
    }

    private static IllegalArgumentException notOnBus(SecondaryAddress address) {
        return new IllegalArgumentException("no meter " + address + " on the bus");
    }

    /** Builds a bus: a demo segment of N meters, explicit meters, or both. */
    public static final class Builder {

        private long seed = 1;
        private Clock clock = Clock.systemUTC();
        private Faults faults = Faults.none();
        private ZoneId zone = ConsumptionModel.MOSCOW;
        private int baud = DEFAULT_BAUD;
        private int demoCount;
        private IdScheme idScheme = IdScheme.RANDOM;
        private MeterMix mix = MeterMix.DEFAULT;
        private final List<SegmentMeters.MeterSpec> explicit = new ArrayList<>();
        private final List<SegmentMeters.HouseMeterSpec> houseMeters = new ArrayList<>();
        private ConsumptionModel model;

        private Builder() {
        }

        /** Everything random follows from it: consumption, ids, mix, faults, collisions. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The meters' clock: a fixed clock makes readings exact and repeatable in tests. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder faults(Faults faults) {
            this.faults = Objects.requireNonNull(faults);
            return this;
        }

        /** Local time of the meters (clock, due dates, daily shapes); Europe/Moscow unless set. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone);
            return this;
        }

        /** The rate all meters start at. */
        public Builder baud(int baud) {
            CiField.baudRateCi(baud); // validates
            this.baud = baud;
            return this;
        }

        /** {@code count} meters of mixed kinds, primary addresses 1..250 (0 beyond), ids per {@code scheme}. */
        public Builder demo(int count, IdScheme scheme) {
            if (count < 0) {
                throw new IllegalArgumentException("meter count must not be negative");
            }
            this.demoCount = count;
            this.idScheme = Objects.requireNonNull(scheme);
            return this;
        }

        public Builder demo(int count) {
            return demo(count, IdScheme.RANDOM);
        }

        /** The proportions of meter kinds in the demo segment. */
        public Builder mix(MeterMix mix) {
            this.mix = Objects.requireNonNull(mix);
            return this;
        }

        /** One more meter with a given identity, after the demo meters. */
        public Builder meter(MeterType type, String id, int primaryAddress) {
            explicit.add(new SegmentMeters.MeterSpec(Objects.requireNonNull(type), id, primaryAddress));
            return this;
        }

        /**
         * One more meter, after the others, that measures a building's common supply: the sum of
         * the apartments of the meters {@code memberIds} (ids of apartment meters on this bus)
         * plus the building's losses — see {@link org.openamr.simulator.model.Building}.
         */
        public Builder houseMeter(MeterType type, String id, int primaryAddress, List<String> memberIds) {
            if (memberIds.isEmpty()) {
                throw new IllegalArgumentException("a house meter needs at least one apartment meter behind it");
            }
            houseMeters.add(new SegmentMeters.HouseMeterSpec(Objects.requireNonNull(type), id, primaryAddress,
                    List.copyOf(memberIds)));
            return this;
        }

        public VirtualBus build() {
            ConsumptionModel m = model();
            return new VirtualBus(this, SegmentMeters.assemble(m, DemoSegment.meters(m, demoCount, idScheme, mix),
                    explicit, houseMeters));
        }

        private ConsumptionModel model() {
            if (model == null || model.seed() != seed || !model.zone().equals(zone)) {
                model = new ConsumptionModel(seed, zone);
            }
            return model;
        }
    }
}
