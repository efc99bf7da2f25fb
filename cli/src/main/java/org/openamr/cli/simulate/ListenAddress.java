package org.openamr.cli.simulate;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** Where a serving command listens, from a port option and {@code --bind ADDRESS}, and how it says so. */
public final class ListenAddress {

    private ListenAddress() {
    }

    /** @throws IllegalArgumentException naming the option that is wrong */
    static InetSocketAddress of(int port, String bind) {
        return of("--tcp", port, bind);
    }

    /** @param option the option that gave the port, e.g. {@code --rtu-tcp}, for the message */
    public static InetSocketAddress of(String option, int port, String bind) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(option + " must be a port 0..65535 (0 picks a free one), got " + port);
        }
        if (bind == null) {
            return new InetSocketAddress(port); // every interface, like a gateway
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(bind), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind: no such address or host '" + bind + "'", e);
        }
    }

    /** {@code tcp://0.0.0.0:10001 (all interfaces)} or {@code tcp://127.0.0.1:10001}. */
    public static String text(InetSocketAddress a) {
        return a.getAddress().isAnyLocalAddress() ? "tcp://0.0.0.0:" + a.getPort() + " (all interfaces)"
                : "tcp://" + Simulation.hostOf(a) + ":" + a.getPort();
    }

    /** Starts a server on an address. */
    @FunctionalInterface
    interface Server<T> {
        T start(InetSocketAddress at) throws IOException;
    }

    /**
     * Starts {@code server} on {@code at}, a failure to bind said for a user: the port is taken, or
     * needs administrator rights.
     *
     * @param option the option that gave the port, e.g. {@code --tcp}
     */
    static <T> T listen(InetSocketAddress at, String option, Server<T> server) throws IOException {
        String where = "TCP port " + at.getPort()
                + (at.getAddress() == null || at.getAddress().isAnyLocalAddress() ? "" : " of " + Simulation.hostOf(at));
        try {
            return server.start(at);
        } catch (BindException e) {
            String why = String.valueOf(e.getMessage());
            if (why.toLowerCase(Locale.ROOT).contains("in use")) {
                throw new IOException(where + " is already in use by another program; choose another port,"
                        + " or " + option + " 0 for a free one", e);
            }
            if (at.getPort() > 0 && at.getPort() < 1024 && why.toLowerCase(Locale.ROOT).contains("permission")) {
                throw new IOException("cannot listen on " + where + ": " + why
                        + " (ports below 1024 need administrator rights); choose a port from 1024 up", e);
            }
            throw new IOException("cannot listen on " + where + ": " + why, e);
        }
    }
}
