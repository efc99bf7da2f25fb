package org.openamr.simulator.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.MasterRequests;
import org.openamr.mbus.TelegramCodec;
import org.openamr.mbus.app.ApplicationMessage.VariableDataResponse;
import org.openamr.mbus.link.AckFrame;
import org.openamr.mbus.link.Frame;
import org.openamr.mbus.link.FrameCodec;
import org.openamr.simulator.Wire;
import org.openamr.simulator.bus.Faults;
import org.openamr.simulator.bus.MeterInfo;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.meter.MeterType;
import org.openamr.simulator.model.ConsumptionModel;

class TcpBusServerIT {

    private static final Instant NOW = LocalDateTime.of(2025, 12, 1, 3, 0).atZone(ConsumptionModel.MOSCOW)
            .toInstant();

    private static VirtualBus bus(Faults faults) {
        return bus(faults, VirtualBus.DEFAULT_BAUD);
    }

    /** Meters answering at {@code baud}, as the paced line's rate should be. */
    private static VirtualBus bus(Faults faults, int baud) {
        return VirtualBus.builder().seed(8).clock(Clock.fixed(NOW, ZoneOffset.UTC)).baud(baud).faults(faults).demo(12)
                .build();
    }

    private static int sonometerAddress(VirtualBus bus) {
        return bus.truth().meters().stream().filter(m -> m.type() == MeterType.SONOMETER_1100)
                .findFirst().orElseThrow().primaryAddress();
    }

    private static MasterLine connect(TcpBusServer server) throws Exception {
        Socket s = new Socket(server.address().getAddress(), server.port());
        s.setTcpNoDelay(true);
        return new MasterLine(s.getInputStream(), s.getOutputStream());
    }

    @Test
    void readsEveryMeterOverTcpAndServesClientsOneAfterTheOther() throws Exception {
        VirtualBus bus = bus(Faults.none());
        try (TcpBusServer server = TcpBusServer.start(bus, 0, Pacing.unpaced())) {
            for (int client = 0; client < 2; client++) {
                try (MasterLine line = connect(server)) {
                    for (MeterInfo m : bus.truth().meters()) {
                        line.send(MasterRequests.sndNke(m.primaryAddress()));
                        assertThat(line.frame(5000)).containsInstanceOf(AckFrame.class);
                        List<VariableDataResponse> telegrams = new java.util.ArrayList<>();
                        boolean fcb = true;
                        do {
                            line.send(MasterRequests.reqUd2(m.primaryAddress(), fcb));
                            Frame f = line.frame(5000).orElseThrow();
                            telegrams.add(Wire.decodeResponse(FrameCodec.encode(f)));
                            fcb = !fcb;
                        } while (telegrams.get(telegrams.size() - 1).data().moreRecordsFollow());
                        Wire.assertMatches(telegrams, bus.truth().reading(m.secondaryAddress()));
                    }
                    // An address nobody has: silence.
                    line.send(MasterRequests.sndNke(200));
                    assertThat(line.frame(150)).isEmpty();
                }
            }
            assertThat(server.clientsServed()).isEqualTo(2);
        }
    }

    /**
     * The hold-back of paced replies, exactly: the line's own clock ({@link ManualLineClock}) notes
     * every moment the session waits for, so the timeline is checked to the nanosecond from the baud
     * rate — the request's characters, the turnaround, then the reply let out in slices of about
     * 20 ms, each once its last stop bit has passed — however busy the machine is.
     */
    @Test
    void pacedRepliesAreHeldBackByTheirCharacterTimesExactly() throws Exception {
        VirtualBus bus = bus(Faults.none(), 9600);
        ManualLineClock clock = new ManualLineClock();
        Pacing pacing = Pacing.atBaud(9600);
        try (TcpBusServer server = TcpBusServer.start(bus, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                pacing, clock); MasterLine line = connect(server)) {
            int address = sonometerAddress(bus);
            long character = Pacing.characterNanos(9600);
            long turnaround = pacing.turnaroundNanos(9600);
            assertThat(turnaround).isEqualTo(character + Duration.ofMillis(2).toNanos());

            byte[] reset = MasterRequests.sndNke(address);
            line.send(reset);
            assertThat(line.frame(5000)).containsInstanceOf(AckFrame.class);
            // the E5 starts a turnaround after the request's last stop bit and is one character long
            long ackStart = ManualLineClock.ORIGIN + reset.length * character + turnaround;
            assertThat(clock.sleeps()).containsExactly(ackStart + character);

            byte[] request = MasterRequests.reqUd2(address, true);
            line.send(request);
            Frame f = line.frame(5000).orElseThrow();
            int replyLength = FrameCodec.encode(f).length;
            // the next request arrives once the E5 is through; the line's time stood still meanwhile
            long replyStart = ackStart + character + request.length * character + turnaround;
            int slice = (int) (Duration.ofMillis(20).toNanos() / character);
            List<Long> expected = new ArrayList<>(List.of(ackStart + character));
            for (int to = slice; to < replyLength + slice; to += slice) {
                expected.add(replyStart + Math.min(to, replyLength) * character);
            }
            assertThat(replyLength).as("a long frame, written in several slices").isGreaterThan(2 * slice);
            assertThat(clock.sleeps()).containsExactlyElementsOf(expected);
            assertThat(clock.sleeps().get(clock.sleeps().size() - 1) - ackStart - character)
                    .as("from the request's arrival to the reply's last stop bit")
                    .isEqualTo((request.length + replyLength + 1) * character + Duration.ofMillis(2).toNanos());
            assertThat(clock.lateRuns()).isEmpty();
            assertThat(TelegramCodec.decode(FrameCodec.encode(f)).message()).isNotNull();
        }
    }

    /**
     * The same on real time, as a master sees it: the reply cannot come sooner than the wire allows.
     * Only a lower bound — how much later it comes depends on the machine, and the exact timeline
     * is checked above.
     */
    @Test
    void pacedRepliesTakeTheirTimeOnTheWire() throws Exception {
        VirtualBus bus = bus(Faults.none(), 9600);
        try (TcpBusServer server = TcpBusServer.start(bus, 0, Pacing.atBaud(9600));
             MasterLine line = connect(server)) {
            byte[] request = MasterRequests.reqUd2(sonometerAddress(bus), true);
            long start = System.nanoTime();
            line.send(request);
            Frame f = line.frame(5000).orElseThrow();
            long elapsed = line.lastChunkNanos() - start;
            int replyLength = FrameCodec.encode(f).length;
            long wire = (request.length + replyLength + 1) * Pacing.characterNanos(9600);
            assertThat(elapsed).isGreaterThanOrEqualTo(wire);
            assertThat(TelegramCodec.decode(FrameCodec.encode(f)).message()).isNotNull();
        }
    }

    /** A late reply is held back by exactly the response window and the fault's delay, also unpaced. */
    @Test
    void lateRepliesAreHeldBackByTheWindowAndTheirDelayExactly() throws Exception {
        VirtualBus bus = bus(new Faults(0, 0, 1.0, Duration.ofMillis(100)));
        ManualLineClock clock = new ManualLineClock();
        try (TcpBusServer server = TcpBusServer.start(bus, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Pacing.unpaced(), clock); MasterLine line = connect(server)) {
            line.send(MasterRequests.sndNke(1));
            assertThat(line.frame(5000)).containsInstanceOf(AckFrame.class);
            assertThat(clock.lateRuns()).containsExactly(ManualLineClock.ORIGIN + Pacing.windowNanos(2400)
                    + Duration.ofMillis(100).toNanos());
            assertThat(clock.sleeps()).as("unpaced: nothing else waits").isEmpty();
        }
    }

    @Test
    void lateRepliesComeAfterTheResponseWindowEvenUnpaced() throws Exception {
        VirtualBus bus = bus(new Faults(0, 0, 1.0, Duration.ofMillis(100)));
        try (TcpBusServer server = TcpBusServer.start(bus, 0, Pacing.unpaced());
             MasterLine line = connect(server)) {
            long start = System.nanoTime();
            line.send(MasterRequests.sndNke(1));
            assertThat(line.frame(5000)).containsInstanceOf(AckFrame.class);
            long elapsed = line.lastChunkNanos() - start;
            assertThat(elapsed).isGreaterThanOrEqualTo(Pacing.windowNanos(2400) + Duration.ofMillis(100).toNanos());
        }
    }

    @Test
    void closingFreesThePort() throws Exception {
        VirtualBus bus = bus(Faults.none());
        int port;
        try (TcpBusServer server = TcpBusServer.start(bus, 0, Pacing.unpaced())) {
            port = server.port();
        }
        try (TcpBusServer again = TcpBusServer.start(bus, port, Pacing.unpaced())) {
            assertThat(again.port()).isEqualTo(port);
        }
    }
}
