package org.openamr.acquisition.modbus;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.openamr.simulator.serve.ServerSockets;

/**
 * A Modbus slave written byte by byte for the tests, where j2mod cannot misbehave on purpose: a
 * {@link Script} decides for every read request whether to answer, stay silent, answer as another
 * unit or write any bytes at all. Speaks Modbus TCP (MBAP) or RTU (CRC) framing, on a TCP socket or
 * on the device end of a pseudo-terminal.
 */
final class RawSlave implements AutoCloseable {

    /** What to send back for one request. */
    sealed interface Reply {
        /** A proper frame carrying {@code pdu} from {@code unit}. */
        record Pdu(int unit, byte[] pdu) implements Reply {
        }

        /** These bytes exactly, framing and all. */
        record Raw(byte[] bytes) implements Reply {
        }

        record Silence() implements Reply {
        }
    }

    /** Decides the reply to a read request of {@code count} addresses from {@code start}. */
    @FunctionalInterface
    interface Script {
        Reply reply(int unit, int function, int start, int count);
    }

    private final ServerSocket server;
    private final List<Closeable> open = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    private interface Closeable {
        void close() throws IOException;
    }

    private RawSlave(ServerSocket server) {
        this.server = server;
    }

    /** A Modbus TCP slave on a free loopback port. */
    static RawSlave tcp(Script script) throws IOException {
        return listen(script, false);
    }

    /** RTU frames over a TCP connection, as a serial device server passes them. */
    static RawSlave rtuOverTcp(Script script) throws IOException {
        return listen(script, true);
    }

    /** RTU frames on the device end of a pseudo-terminal pair. */
    static RawSlave rtu(Script script, InputStream in, OutputStream out) {
        RawSlave s = new RawSlave(null);
        s.serve(script, in, out, true);
        return s;
    }

    private static RawSlave listen(Script script, boolean rtu) throws IOException {
        RawSlave s = new RawSlave(ServerSockets.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
        Thread t = new Thread(() -> {
            while (!s.server.isClosed()) {
                try {
                    Socket c = s.server.accept();
                    s.connections.incrementAndGet();
                    s.open.add(c::close);
                    s.serve(script, c.getInputStream(), c.getOutputStream(), rtu);
                } catch (IOException e) {
                    return;
                }
            }
        }, "raw-slave-accept");
        t.setDaemon(true);
        t.start();
        return s;
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    /** The requests served so far, as "unit function start count". */
    List<String> requests() {
        return List.copyOf(requests);
    }

    private void serve(Script script, InputStream in, OutputStream out, boolean rtu) {
        Thread t = new Thread(() -> {
            DataInputStream data = new DataInputStream(in);
            try {
                while (true) {
                    int transaction = 0;
                    byte[] head;
                    if (rtu) {
                        head = new byte[8];
                        data.readFully(head);
                    } else {
                        byte[] mbap = new byte[7];
                        data.readFully(mbap);
                        transaction = (mbap[0] & 0xFF) << 8 | (mbap[1] & 0xFF);
                        byte[] pdu = new byte[((mbap[4] & 0xFF) << 8 | (mbap[5] & 0xFF)) - 1];
                        data.readFully(pdu);
                        head = new byte[1 + pdu.length];
                        head[0] = mbap[6];
                        System.arraycopy(pdu, 0, head, 1, pdu.length);
                    }
                    int unit = head[0] & 0xFF;
                    int function = head[1] & 0xFF;
                    int start = (head[2] & 0xFF) << 8 | (head[3] & 0xFF);
                    int count = (head[4] & 0xFF) << 8 | (head[5] & 0xFF);
                    requests.add(unit + " " + function + " " + start + " " + count);
                    Reply r = script.reply(unit, function, start, count);
                    byte[] bytes = null;
                    if (r instanceof Reply.Raw raw) {
                        bytes = raw.bytes();
                    } else if (r instanceof Reply.Pdu p) {
                        bytes = rtu ? rtuFrame(p.unit(), p.pdu()) : tcpFrame(transaction, p.unit(), p.pdu());
                    }
                    if (bytes != null) {
                        out.write(bytes);
                        out.flush();
                    }
                }
            } catch (EOFException e) {
                // the master closed the connection
            } catch (IOException e) {
                // closed by close()
            }
        }, "raw-slave");
        t.setDaemon(true);
        t.start();
    }

    /** Answers reads of holding and input registers from {@code units} (unit → registers from address 0); other units are silent. */
    static Script registers(Map<Integer, int[]> units) {
        return (unit, function, start, count) -> {
            int[] regs = units.get(unit);
            if (regs == null) {
                return new Reply.Silence();
            }
            if (function != 3 && function != 4) {
                return new Reply.Pdu(unit, new byte[] {(byte) (function | 0x80), 1});
            }
            if (start + count > regs.length) {
                return new Reply.Pdu(unit, new byte[] {(byte) (function | 0x80), 2});
            }
            return new Reply.Pdu(unit, registerAnswer(function, Arrays.copyOfRange(regs, start, start + count)));
        };
    }

    static byte[] registerAnswer(int function, int[] words) {
        byte[] pdu = new byte[2 + 2 * words.length];
        pdu[0] = (byte) function;
        pdu[1] = (byte) (2 * words.length);
        for (int i = 0; i < words.length; i++) {
            pdu[2 + 2 * i] = (byte) (words[i] >> 8);
            pdu[3 + 2 * i] = (byte) words[i];
        }
        return pdu;
    }

    static byte[] rtuFrame(int unit, byte[] pdu) {
        byte[] f = new byte[pdu.length + 3];
        f[0] = (byte) unit;
        System.arraycopy(pdu, 0, f, 1, pdu.length);
        int crc = crc(f, f.length - 2);
        f[f.length - 2] = (byte) crc;
        f[f.length - 1] = (byte) (crc >> 8);
        return f;
    }

    static byte[] tcpFrame(int transaction, int unit, byte[] pdu) {
        byte[] f = new byte[7 + pdu.length];
        f[0] = (byte) (transaction >> 8);
        f[1] = (byte) transaction;
        f[4] = (byte) ((pdu.length + 1) >> 8);
        f[5] = (byte) (pdu.length + 1);
        f[6] = (byte) unit;
        System.arraycopy(pdu, 0, f, 7, pdu.length);
        return f;
    }

    /** CRC-16/MODBUS of the first {@code length} bytes. */
    static int crc(byte[] bytes, int length) {
        int crc = 0xFFFF;
        for (int i = 0; i < length; i++) {
            crc ^= bytes[i] & 0xFF;
            for (int b = 0; b < 8; b++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
        List<Closeable> all = new ArrayList<>(open);
        for (Closeable c : all) {
            c.close();
        }
    }
}
