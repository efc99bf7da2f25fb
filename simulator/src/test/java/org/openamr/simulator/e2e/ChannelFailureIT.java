package org.openamr.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.mbus.master.ChannelFailureException;
import org.openamr.mbus.master.InvalidResponseException;
import org.openamr.mbus.master.MBusMaster;
import org.openamr.mbus.master.MasterException;
import org.openamr.mbus.master.NoResponseException;
import org.openamr.mbus.master.Readout;
import org.openamr.mbus.transport.TcpTransport;
import org.openamr.serial.LineSettings;
import org.openamr.serial.SerialTransport;
import org.openamr.simulator.Wire;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.meter.MeterType;
import org.openamr.simulator.serve.Pacing;
import org.openamr.simulator.serve.TcpBusServer;

/**
 * Channels that fail and meters that misbehave: each gives an error naming the channel and the
 * address, and the same master works on the next call.
 */
class ChannelFailureIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-01T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static VirtualBus bus() {
        return VirtualBus.builder().seed(3).clock(CLOCK)
                .meter(MeterType.SONOMETER_1100, "61000001", 5)
                .meter(MeterType.COLD_WATER, "61000002", 5) // two meters on one primary address answer garbage
                .meter(MeterType.SONOSAFE_10, "61000003", 6).build();
    }

    @Test
    void unknownSerialPort() {
        Path missing = dir.resolve("ttyNOPE");
        try (MBusMaster master = new MBusMaster(new SerialTransport(missing.toString(), LineSettings.mbus(2400)))) {
            ChannelFailureException e = catchThrowableOfType(() -> master.read(1), ChannelFailureException.class);
            assertThat(e.channel()).isEqualTo(missing.toString());
            assertThat(e.slave()).isEqualTo("primary address 1");
            assertThat(e.getMessage()).startsWith(missing + ", primary address 1: no such serial port");
        }
    }

    @Test
    void gatewayRefusingConnections() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // free again once closed: nobody listens there
        }
        try (MBusMaster master = new MBusMaster(new TcpTransport("127.0.0.1", port, 2400))) {
            ChannelFailureException e = catchThrowableOfType(() -> master.read(7), ChannelFailureException.class);
            assertThat(e.getMessage()).startsWith("tcp://127.0.0.1:" + port + ", primary address 7: cannot connect")
                    .contains("refused");
        }
    }

    @Test
    void unknownGatewayHost() {
        try (MBusMaster master = new MBusMaster(TcpTransport.parse("tcp://no-such-gateway.invalid:10001", 2400))) {
            ChannelFailureException e = catchThrowableOfType(() -> master.read(7), ChannelFailureException.class);
            assertThat(e.getMessage()).isEqualTo("tcp://no-such-gateway.invalid:10001, primary address 7: "
                    + "cannot connect (unknown host no-such-gateway.invalid)");
        }
    }

    /**
     * A gateway that drops the connection in the middle of the first answer, then behaves: the
     * error names the channel and the meter, the next read reconnects and is exact.
     */
    @Test
    void gatewayDroppingTheConnectionMidFrame() throws Exception {
        VirtualBus bus = bus();
        try (TcpBusServer real = TcpBusServer.start(bus, 0, Pacing.unpaced());
             DroppingProxy gateway = new DroppingProxy(real.port(), 20);
             MBusMaster master = new MBusMaster(new TcpTransport("127.0.0.1", gateway.port(), 2400))) {
            master.reset(6); // the first connection carries the SND_NKE and its E5, then the 20 bytes
            ChannelFailureException e = catchThrowableOfType(() -> master.read(6), ChannelFailureException.class);
            assertThat(e.getMessage()).startsWith("tcp://127.0.0.1:" + gateway.port() + ", primary address 6: ")
                    .contains("closed the connection");
            Readout r = master.read(6);
            Wire.assertMatches(r.telegrams(), bus.truth().reading(r.header().secondaryAddress()));
            assertThat(gateway.connections()).isEqualTo(2);
        }
    }

    @Test
    void meterAnsweringGarbage() throws Exception {
        VirtualBus bus = bus();
        try (TcpBusServer server = TcpBusServer.start(bus, 0, Pacing.unpaced());
             MBusMaster master = new MBusMaster(new TcpTransport("127.0.0.1", server.port(), 9600))) {
            MasterException e = catchThrowableOfType(() -> master.read(5), InvalidResponseException.class);
            assertThat(e.getMessage()).startsWith("tcp://127.0.0.1:" + server.port() + ", primary address 5: ")
                    .contains("damaged").contains("3 attempts");
            Readout r = master.read(6);
            Wire.assertMatches(r.telegrams(), bus.truth().reading(r.header().secondaryAddress()));
            NoResponseException none = catchThrowableOfType(() -> master.read(9), NoResponseException.class);
            assertThat(none.getMessage()).contains("primary address 9").contains("no acknowledgement");
        }
    }

    /** A transparent TCP proxy whose first connection breaks off after {@code bytesBeforeDrop} bytes from the bus. */
    private static final class DroppingProxy implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        private final AtomicInteger connections = new AtomicInteger();
        private final Thread thread;

        DroppingProxy(int busPort, int bytesBeforeDrop) throws IOException {
            thread = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket client = server.accept(); Socket upstream = new Socket("127.0.0.1", busPort)) {
                        int limit = connections.incrementAndGet() == 1 ? bytesBeforeDrop : Integer.MAX_VALUE;
                        Thread up = new Thread(() -> pump(safe(client::getInputStream), safe(upstream::getOutputStream),
                                Integer.MAX_VALUE));
                        up.setDaemon(true);
                        up.start();
                        pump(upstream.getInputStream(), client.getOutputStream(), limit);
                    } catch (IOException e) {
                        // server closed, or a side hung up: next connection
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        private static void pump(InputStream in, OutputStream out, int limit) {
            try {
                int total = 0;
                int b;
                while (total < limit && (b = in.read()) >= 0) {
                    out.write(b);
                    out.flush();
                    total++;
                }
            } catch (IOException e) {
                // one side closed
            }
        }

        private interface IoSupplier<T> {
            T get() throws IOException;
        }

        private static <T> T safe(IoSupplier<T> s) {
            try {
                return s.get();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
