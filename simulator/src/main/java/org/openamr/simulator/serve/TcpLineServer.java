package org.openamr.simulator.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A TCP port whose clients each get a {@link ByteSession}: the bytes a client sends go to its
 * session, the session writes the answers back. {@link Clients#ONE_AT_A_TIME} is a serial
 * gateway's port, where the next connection waits in the backlog until the current one closes;
 * {@link Clients#CONCURRENT} is a device that serves several masters at once (Modbus TCP).
 */
public final class TcpLineServer implements AutoCloseable {

    /** How many clients are served at once. */
    public enum Clients {
        ONE_AT_A_TIME, CONCURRENT
    }

    private final ServerSocket server;
    private final Function<OutputStream, ByteSession> sessions;
    private final Clients clients;
    private final Thread thread;
    private final AtomicLong accepted = new AtomicLong();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private TcpLineServer(ServerSocket server, String name, Function<OutputStream, ByteSession> sessions,
            Clients clients) {
        this.server = server;
        this.sessions = sessions;
        this.clients = clients;
        this.thread = new Thread(this::acceptLoop, name + "-" + server.getLocalPort());
        this.thread.setDaemon(true);
    }

    /**
     * Listens on {@code bind} (port 0: a free one) and serves every client with a session of its
     * own, made by {@code sessions} from the client's output stream.
     *
     * @param name names the server's threads
     */
    public static TcpLineServer start(InetSocketAddress bind, String name, Function<OutputStream, ByteSession> sessions,
            Clients clients) throws IOException {
        TcpLineServer s = new TcpLineServer(ServerSockets.listen(bind), name, sessions, clients);
        s.thread.start();
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

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                continue; // closed, or a failed accept: the loop condition decides
            }
            accepted.incrementAndGet();
            open.add(client);
            if (clients == Clients.ONE_AT_A_TIME) {
                serve(client);
            } else {
                Thread worker = new Thread(() -> serve(client), thread.getName() + "-client-" + accepted.get());
                worker.setDaemon(true);
                workers.add(worker);
                worker.start();
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setTcpNoDelay(true); // a short reply must not wait for Nagle
            ByteSession session = sessions.apply(client.getOutputStream());
            InputStream in = client.getInputStream();
            byte[] buffer = new byte[512];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                session.received(buffer, n);
            }
        } catch (SocketException e) {
            // client gone or server closed: wait for the next client unless closing
        } catch (IOException e) {
            if (!closed) {
                System.err.println("openamr simulator: TCP client failed: " + e.getMessage());
            }
        } finally {
            open.remove(client);
            workers.remove(Thread.currentThread());
        }
    }

    /** Stops accepting, drops the clients and waits for the serving threads to end. */
    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket c : open) {
            c.close();
        }
        try {
            thread.join(5000);
            for (Thread w : workers) {
                w.join(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
