package org.openamr.simulator.serve;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Listening sockets of the simulator's servers. */
public final class ServerSockets {

    private ServerSockets() {
    }

    /**
     * A socket listening on {@code at} (port 0: a free one), with SO_REUSEADDR so that a simulator
     * started again gets its port back at once; nothing is left open when binding fails.
     */
    public static ServerSocket listen(InetSocketAddress at) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.bind(at);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        return server;
    }
}
