package org.openamr.cli.simulate;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Where a serving command listens, from a port option and {@code --bind ADDRESS}, and how it says so. */
public final class ListenAddress {

    private ListenAddress() {
    }

    /** @throws IllegalArgumentException naming the option that is wrong */
    static InetSocketAddress of(int port, String bind) {
        return of("--tcp", port, bind);
    }

    /** The same for the port option {@code option}. */
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
}
