package org.openamr.simulator.modbus;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.openamr.simulator.serve.LineClock;
import org.openamr.simulator.serve.PtyLineServer;
import org.openamr.simulator.serve.TcpLineServer;

/**
 * Serves a {@link VirtualModbusBus} the three ways masters reach Modbus slaves: Modbus TCP (a device
 * or gateway with an Ethernet port), RTU frames over TCP (a serial device server in front of an
 * RS-485 line), and RTU on a pseudo-terminal that a master opens as a serial port. The servers
 * take the bus's requests one at a time, as the line would.
 */
public final class ModbusServers {

    private ModbusServers() {
    }

    /** Modbus TCP (MBAP) on {@code bind}, port 0 for a free one; clients are served at once, each on its own connection. */
    public static TcpLineServer tcp(VirtualModbusBus bus, InetSocketAddress bind) throws IOException {
        return tcp(bus, bind, LineClock.REAL);
    }

    /** As {@link #tcp(VirtualModbusBus, InetSocketAddress)}, slow replies timed by {@code clock} (a test's). */
    public static TcpLineServer tcp(VirtualModbusBus bus, InetSocketAddress bind, LineClock clock) throws IOException {
        return TcpLineServer.start(bind, "openamr-sim-modbus-tcp", out -> new MbapSession(bus, out, clock),
                TcpLineServer.Clients.CONCURRENT);
    }

    /**
     * RTU frames over TCP on {@code bind}, as a serial device server passes them through: one client
     * at a time, like the serial port behind it, paced by {@code timing} as that line would be.
     */
    public static TcpLineServer rtuOverTcp(VirtualModbusBus bus, InetSocketAddress bind, RtuTiming timing)
            throws IOException {
        return rtuOverTcp(bus, bind, timing, LineClock.REAL);
    }

    /** As {@link #rtuOverTcp(VirtualModbusBus, InetSocketAddress, RtuTiming)}, timed by {@code clock} (a test's). */
    public static TcpLineServer rtuOverTcp(VirtualModbusBus bus, InetSocketAddress bind, RtuTiming timing,
            LineClock clock) throws IOException {
        return TcpLineServer.start(bind, "openamr-sim-modbus-rtu-tcp", out -> new RtuSession(bus, timing, out, clock),
                TcpLineServer.Clients.ONE_AT_A_TIME);
    }

    /**
     * RTU on a pseudo-terminal pair made by socat: masters open {@code masterPath} as a serial port (at
     * any settings: a pseudo-terminal ignores them, the pacing is {@code timing}'s); the simulator's end
     * is next to it, named {@code <master>.bus}.
     *
     * @throws IOException when socat is missing (the message says how to install it) or fails
     */
    public static PtyLineServer rtuPty(VirtualModbusBus bus, Path masterPath, RtuTiming timing) throws IOException {
        return PtyLineServer.start(masterPath.resolveSibling(masterPath.getFileName() + ".bus"), masterPath,
                "openamr-sim-modbus-pty", out -> new RtuSession(bus, timing, out, LineClock.REAL));
    }
}
