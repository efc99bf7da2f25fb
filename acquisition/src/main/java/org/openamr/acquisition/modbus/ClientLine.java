package org.openamr.acquisition.modbus;

import com.digitalpetri.modbus.Crc16;
import com.digitalpetri.modbus.Modbus;
import com.digitalpetri.modbus.ModbusRtuFrame;
import com.digitalpetri.modbus.TimeoutScheduler;
import com.digitalpetri.modbus.client.ModbusClient;
import com.digitalpetri.modbus.client.ModbusClientTransport;
import com.digitalpetri.modbus.client.ModbusRtuClient;
import com.digitalpetri.modbus.client.ModbusTcpClient;
import com.digitalpetri.modbus.exceptions.ModbusCrcException;
import com.digitalpetri.modbus.exceptions.ModbusExecutionException;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.exceptions.ModbusTimeoutException;
import com.digitalpetri.modbus.pdu.ModbusRequestPdu;
import com.digitalpetri.modbus.pdu.ModbusResponsePdu;
import com.digitalpetri.modbus.serial.client.SerialPortClientTransport;
import com.digitalpetri.modbus.tcp.client.NettyRtuClientTransport;
import com.digitalpetri.modbus.tcp.client.NettyTcpClientTransport;
import com.fazecast.jSerialComm.SerialPort;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One channel as digitalpetri's client reaches it, one attempt at a time: a request goes out and its
 * answer comes back, or a {@link Trouble} says what came instead. The channel opens on the first
 * request and again on the next request after it failed; nothing touches the line before.
 */
final class ClientLine implements AutoCloseable {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    private final ModbusAddress address;
    private final ModbusSettings settings;
    private ModbusClient client;
    private ModbusClientTransport<?> transport;
    private WatchedRtuTransport rtu;
    private WatchedTcpTransport tcp;
    private final RequestTimeouts timeouts = new RequestTimeouts();

    ClientLine(ModbusAddress address, ModbusSettings settings) {
        this.address = address;
        this.settings = settings;
    }

    /**
     * Sends {@code request} to {@code unit} and waits for its answer, {@code timeout} from the moment
     * it is handed to the channel.
     *
     * @throws Trouble.Raised with what came instead
     */
    ModbusResponsePdu exchange(int unit, ModbusRequestPdu request, Duration timeout) throws Trouble.Raised {
        open();
        timeouts.next = timeout;
        try {
            ModbusResponsePdu answer = client.send(unit, request);
            refuseOtherUnit(unit);
            return answer;
        } catch (ModbusTimeoutException e) {
            if (tcp != null && tcp.holdsPartialFrame()) {
                // The cut frame's bytes would be read as the start of the next answer.
                drop();
            }
            throw new Trouble.Raised(new Trouble.Silence());
        } catch (ModbusResponseException e) {
            refuseOtherUnit(unit);
            throw new Trouble.Raised(new Trouble.Refusal(exceptionCode(e)));
        } catch (ModbusExecutionException e) {
            throw new Trouble.Raised(classify(unit, request, e.getCause() == null ? e : e.getCause()));
        }
    }

    /**
     * digitalpetri's RTU client (2.1.2) reads the function byte twice and reports it, 0x80 plus the function, as
     * the exception code; the frame received holds the code the slave sent, after that byte.
     */
    private int exceptionCode(ModbusResponseException e) {
        ModbusRtuFrame frame = rtu == null ? null : rtu.lastReceived();
        if (frame != null && frame.pdu().limit() >= 2 && (frame.pdu().get(0) & 0x80) != 0) {
            return frame.pdu().get(1) & 0xFF;
        }
        return e.getExceptionCode() & 0xFF;
    }

    /** digitalpetri's TCP client matches answers by transaction id only; a slave must also echo the unit id. */
    private void refuseOtherUnit(int unit) throws Trouble.Raised {
        if (tcp != null && tcp.answer() != null && tcp.answer().header().unitId() != unit) {
            throw new Trouble.Raised(new Trouble.Strange("the answer came from unit " + tcp.answer().header().unitId()));
        }
    }

    private Trouble classify(int unit, ModbusRequestPdu request, Throwable cause) {
        if (cause instanceof ModbusCrcException crc) {
            return badCrc(crc.getFrame());
        }
        ModbusRtuFrame frame = rtu == null ? null : rtu.lastReceived();
        if (frame != null && frame.unitId() != unit) {
            return new Trouble.Strange("the answer came from unit " + frame.unitId());
        }
        if (frame != null && frame.pdu().limit() > 0) {
            int function = frame.pdu().get(0) & 0xFF;
            if (function != request.getFunctionCode()) {
                return new Trouble.Strange(String.format("the answer is to function %02X, not %02X", function,
                        request.getFunctionCode()));
            }
        }
        if (frame != null || (tcp != null && tcp.answer() != null)) {
            return new Trouble.Strange("malformed answer (" + describe(cause) + ")");
        }
        drop();
        return new Trouble.Broken("channel failed: " + describe(cause), cause);
    }

    private static Trouble.BadCrc badCrc(ModbusRtuFrame frame) {
        ByteBuffer pdu = frame.pdu().duplicate().rewind();
        ByteBuffer crcBytes = frame.crc().duplicate().rewind();
        Crc16 crc = new Crc16();
        crc.update(frame.unitId());
        crc.update(pdu.duplicate());
        int received = (crcBytes.get(0) & 0xFF) | (crcBytes.get(1) & 0xFF) << 8;
        byte[] bytes = new byte[1 + pdu.remaining() + 2];
        bytes[0] = (byte) frame.unitId();
        pdu.duplicate().get(bytes, 1, pdu.remaining());
        bytes[bytes.length - 2] = crcBytes.get(0);
        bytes[bytes.length - 1] = crcBytes.get(1);
        return new Trouble.BadCrc(HEX.formatHex(bytes), received, crc.getValue());
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    private void open() throws Trouble.Raised {
        if (client == null) {
            client = create();
        }
        if (transport.isConnected()) {
            return;
        }
        try {
            transport.connect().toCompletableFuture().get(settings.connectTimeout().toMillis() + 1000,
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            drop();
            throw new Trouble.Raised(new Trouble.Broken(cannotOpen(describe(e.getCause())), e.getCause()));
        } catch (TimeoutException e) {
            drop();
            throw new Trouble.Raised(new Trouble.Broken(cannotOpen("no connection within "
                    + settings.connectTimeout().toMillis() + " ms"), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Trouble.Raised(new Trouble.Broken("interrupted while opening the channel", e));
        }
    }

    private String cannotOpen(String why) {
        return (address instanceof ModbusAddress.Serial ? "cannot open the serial port: " : "cannot connect: ") + why;
    }

    private ModbusClient create() throws Trouble.Raised {
        if (address instanceof ModbusAddress.Tcp a && a.framing() == ModbusAddress.Framing.MBAP) {
            NettyTcpClientTransport[] inner = new NettyTcpClientTransport[1];
            WatchedTcpTransport[] watched = new WatchedTcpTransport[1];
            inner[0] = NettyTcpClientTransport.create(cfg -> cfg.setHostname(a.host()).setPort(a.port())
                    .setConnectTimeout(settings.connectTimeout()).setConnectPersistent(false)
                    .setPipelineCustomizer(p -> p.addFirst(watched[0].byteCounter())));
            watched[0] = new WatchedTcpTransport(inner[0]);
            tcp = watched[0];
            transport = tcp;
            return ModbusTcpClient.create(tcp, cfg -> cfg.setTimeoutScheduler(timeouts));
        }
        if (address instanceof ModbusAddress.Tcp a) {
            rtu = new WatchedRtuTransport(NettyRtuClientTransport.create(cfg -> cfg.setHostname(a.host())
                    .setPort(a.port()).setConnectTimeout(settings.connectTimeout()).setConnectPersistent(false)));
            transport = rtu;
            return ModbusRtuClient.create(rtu, cfg -> cfg.setTimeoutScheduler(timeouts));
        }
        ModbusAddress.Serial a = (ModbusAddress.Serial) address;
        if (a.port().startsWith("/") && !Files.exists(Path.of(a.port()))) {
            throw new Trouble.Raised(new Trouble.Broken("no such serial port", null));
        }
        SerialPortClientTransport serial;
        try {
            serial = SerialPortClientTransport.create(cfg -> {
                cfg.serialPort = a.port();
                cfg.baudRate = a.line().baud();
                cfg.dataBits = a.line().dataBits();
                cfg.stopBits = a.line().stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
                cfg.parity = switch (a.line().parity()) {
                    case 'E' -> SerialPort.EVEN_PARITY;
                    case 'O' -> SerialPort.ODD_PARITY;
                    default -> SerialPort.NO_PARITY;
                };
            });
        } catch (RuntimeException e) {
            // jSerialComm refuses a name it cannot resolve to a port
            throw new Trouble.Raised(new Trouble.Broken("not a serial port (" + describe(e) + ")", e));
        }
        rtu = new WatchedRtuTransport(serial);
        transport = rtu;
        return ModbusRtuClient.create(rtu, cfg -> cfg.setTimeoutScheduler(timeouts));
    }

    /**
     * digitalpetri's clients take one timeout for every request, but an RTU answer of 125 registers
     * takes 100 times as long on the line as one of a register. Both clients schedule a request's
     * timeout as they send it, on the caller's thread; this scheduler gives it the request's own.
     */
    private static final class RequestTimeouts implements TimeoutScheduler {

        private final TimeoutScheduler scheduler = TimeoutScheduler.create(Modbus.sharedExecutor(),
                Modbus.sharedScheduledExecutor());
        private volatile Duration next = Duration.ofSeconds(1);

        @Override
        public TimeoutHandle newTimeout(Task task, long configured, TimeUnit unit) {
            return scheduler.newTimeout(task, next.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Closes the channel so that the next request opens it anew. */
    private void drop() {
        if (transport != null) {
            try {
                transport.disconnect().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // Already broken; the next request reconnects or reports why it cannot.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        drop();
    }
}
