package org.openamr.mbus.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * A transparent serial-to-Ethernet gateway ({@code tcp://host:port}): bytes pass unchanged between
 * the socket and the M-Bus level converter behind it. The connection opens on first use and is
 * reopened after it broke.
 */
public final class TcpTransport implements Transport {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Covers Nagle plus a delayed acknowledgement (40 ms on Linux) and jitter of a mobile link. */
    private static final Duration INTER_BYTE_JITTER = Duration.ofMillis(150);

    private final String host;
    private final int port;
    private final String name;
    private int baud;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public TcpTransport(String host, int port, int baud) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("TCP port must be 1..65535, got " + port);
        }
        this.host = host;
        this.port = port;
        this.baud = baud;
        this.name = "tcp://" + host + ":" + port;
    }

    /** Parses {@code tcp://host:port}. */
    public static TcpTransport parse(String uri, int baud) {
        try {
            URI u = new URI(uri);
            if (!"tcp".equals(u.getScheme()) || u.getHost() == null || u.getPort() < 0) {
                throw new IllegalArgumentException("a gateway is written tcp://host:port, got '" + uri + "'");
            }
            return new TcpTransport(u.getHost(), u.getPort(), baud);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("a gateway is written tcp://host:port, got '" + uri + "'", e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    private void connect() throws TransportException {
        if (socket != null && !socket.isClosed()) {
            return;
        }
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            socket = s;
            in = s.getInputStream();
            out = s.getOutputStream();
        } catch (IOException e) {
            closeQuietly(s);
            throw new TransportException(name, "cannot connect (" + describe(e) + ")", e);
        }
    }

    @Override
    public void write(byte[] bytes) throws TransportException {
        connect();
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            drop();
            throw new TransportException(name, "connection lost while sending (" + describe(e) + ")", e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws TransportException {
        connect();
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                drop();
                throw new TransportException(name, "the gateway closed the connection");
            }
            return n;
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (IOException e) {
            drop();
            throw new TransportException(name, "connection lost while receiving (" + describe(e) + ")", e);
        }
    }

    @Override
    public void discardInput() throws TransportException {
        connect();
        try {
            int available = in.available();
            if (available > 0) {
                in.skipNBytes(available);
            }
        } catch (IOException e) {
            drop();
            throw new TransportException(name, "connection lost (" + describe(e) + ")", e);
        }
    }

    @Override
    public int baudRate() {
        return baud;
    }

    @Override
    public void setBaudRate(int baud) {
        // A transparent gateway's serial speed is set in the gateway; timing follows the new value.
        this.baud = baud;
    }

    @Override
    public boolean writeBlocksUntilSent() {
        return false;
    }

    @Override
    public Duration interByteJitter() {
        return INTER_BYTE_JITTER;
    }

    @Override
    public void close() {
        drop();
    }

    private void drop() {
        closeQuietly(socket);
        socket = null;
        in = null;
        out = null;
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a broken socket: nothing left to do
            }
        }
    }

    private static String describe(IOException e) {
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
