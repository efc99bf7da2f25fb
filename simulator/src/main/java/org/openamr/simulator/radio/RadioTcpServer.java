package org.openamr.simulator.radio;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openamr.simulator.serve.ServerSockets;

/**
 * A live radio on a TCP port: the telegrams of a {@link RadioSource} at the pace of their
 * simulated instants (real time, or {@code speed} times faster), one line each in a
 * {@link TelegramLineFormat}, to every connected client — as a receiver whose output is piped
 * into a socket. A client gets the telegrams sent while it is connected, as a receiver switched on
 * later hears only what comes after; the replay format starts with its header comment. A client
 * that stops reading is disconnected once {@value #BACKLOG} lines wait for it, so that it cannot
 * hold up the others.
 */
public final class RadioTcpServer implements AutoCloseable {

    static final int BACKLOG = 10_000;
    /** Marks the end of a client's lines: no telegram's line is empty. */
    private static final String END = "";

    private final RadioSource source;
    private final TelegramLineFormat format;
    private final double speed;
    private final ServerSocket server;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread acceptor;
    private final Thread transmitter;
    private volatile boolean closed;

    private RadioTcpServer(RadioSource source, TelegramLineFormat format, double speed, ServerSocket server) {
        this.source = source;
        this.format = format;
        this.speed = speed;
        this.server = server;
        this.acceptor = new Thread(this::accept, "openamr-radio-accept-" + server.getLocalPort());
        this.transmitter = new Thread(this::transmit, "openamr-radio-" + server.getLocalPort());
        acceptor.setDaemon(true);
        transmitter.setDaemon(true);
    }

    /**
     * Listens on {@code bind} (port 0: a free one) and starts the clock: the source's start is now.
     *
     * @param speed simulated seconds per real second, more than 0; 1 is real time
     */
    public static RadioTcpServer start(RadioSource source, InetSocketAddress bind, TelegramLineFormat format,
            double speed) throws IOException {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("the speed is simulated seconds per second, more than 0; got " + speed);
        }
        RadioTcpServer s = new RadioTcpServer(source, format, speed, ServerSockets.listen(bind));
        s.acceptor.start();
        s.transmitter.start();
        return s;
    }

    public int port() {
        return server.getLocalPort();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** Connections accepted so far. */
    public long clientsServed() {
        return accepted.get();
    }

    /** Telegrams transmitted so far (with or without a client to hear them). */
    public long telegramsSent() {
        return sent.get();
    }

    /** Waits until the last telegram of the period is sent; false when the time ran out first or there is no end. */
    public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        return ended.await(timeout, unit);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                accepted.incrementAndGet();
                Client c = new Client(socket);
                format.header(source.settings()).forEach(c.lines::add);
                clients.add(c);
                c.writer.start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("openamr simulator: accepting a radio client failed: " + e.getMessage());
                }
            }
        }
    }

    private void transmit() {
        long wallStart = System.nanoTime();
        try {
            for (Iterator<RadioTelegram> it = source.telegrams(); it.hasNext() && !closed; ) {
                RadioTelegram t = it.next();
                long simNanos = Duration.between(source.settings().start(), t.at()).toNanos();
                long wait = wallStart + (long) (simNanos / speed) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String line = format.line(t);
                for (Client c : clients) {
                    c.send(line);
                }
                sent.incrementAndGet();
            }
            ended.countDown();
        } catch (InterruptedException e) {
            // closing
        }
    }

    /**
     * Stops transmitting and accepting; lines already queued for a client are still written (for
     * up to a second each) before its connection closes.
     */
    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        transmitter.interrupt();
        try {
            transmitter.join(5000);
            acceptor.join(5000);
            for (Client c : clients) {
                c.finish();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            clients.forEach(Client::drop);
        }
    }

    /** One connection and the thread that writes its lines. */
    private final class Client {
        private final Socket socket;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Thread writer;

        Client(Socket socket) {
            this.socket = socket;
            this.writer = new Thread(this::write, "openamr-radio-client-" + socket.getPort());
            writer.setDaemon(true);
        }

        void send(String line) {
            if (lines.size() >= BACKLOG) {
                System.err.println("openamr simulator: radio client " + socket.getRemoteSocketAddress() + " reads no "
                        + "more (" + BACKLOG + " lines waiting); disconnected");
                drop();
                return;
            }
            lines.add(line);
        }

        private void write() {
            try (Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII)) {
                while (true) {
                    String line = lines.take();
                    if (line.isEmpty()) {
                        out.flush();
                        break;
                    }
                    out.write(line);
                    out.write('\n');
                    if (lines.isEmpty()) {
                        out.flush();
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the client left, or the server stops
            } finally {
                drop();
            }
        }

        void finish() throws InterruptedException {
            lines.add(END);
            writer.join(1000);
            drop();
        }

        void drop() {
            clients.remove(this);
            writer.interrupt();
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
