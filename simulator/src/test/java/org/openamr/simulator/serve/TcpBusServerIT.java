package org.openamr.simulator.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
        return VirtualBus.builder().seed(8).clock(Clock.fixed(NOW, ZoneOffset.UTC)).faults(faults).demo(12).build();
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
                        assertThat(line.frame(2000)).containsInstanceOf(AckFrame.class);
                        List<VariableDataResponse> telegrams = new java.util.ArrayList<>();
                        boolean fcb = true;
                        do {
                            line.send(MasterRequests.reqUd2(m.primaryAddress(), fcb));
                            Frame f = line.frame(2000).orElseThrow();
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

    @Test
    void pacedRepliesTakeTheirTimeOnTheWire() throws Exception {
        VirtualBus bus = bus(Faults.none());
        try (TcpBusServer server = TcpBusServer.start(bus, 0, Pacing.atBaud(9600));
             MasterLine line = connect(server)) {
            int address = bus.truth().meters().stream().filter(m -> m.type() == MeterType.SONOMETER_1100)
                    .findFirst().orElseThrow().primaryAddress();
            byte[] request = MasterRequests.reqUd2(address, true);
            long start = System.nanoTime();
            line.send(request);
            Frame f = line.frame(3000).orElseThrow();
            long elapsed = line.lastChunkNanos() - start;
            int replyLength = FrameCodec.encode(f).length;
            long wire = (request.length + replyLength + 1) * Pacing.characterNanos(9600);
            assertThat(elapsed).isGreaterThanOrEqualTo(wire);
            assertThat(elapsed).isLessThan(wire + Duration.ofMillis(500).toNanos());
            assertThat(TelegramCodec.decode(FrameCodec.encode(f)).message()).isNotNull();
        }
    }

    @Test
    void lateRepliesComeAfterTheResponseWindowEvenUnpaced() throws Exception {
        VirtualBus bus = bus(new Faults(0, 0, 1.0, Duration.ofMillis(100)));
        try (TcpBusServer server = TcpBusServer.start(bus, 0, Pacing.unpaced());
             MasterLine line = connect(server)) {
            long start = System.nanoTime();
            line.send(MasterRequests.sndNke(1));
            assertThat(line.frame(2000)).containsInstanceOf(AckFrame.class);
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
