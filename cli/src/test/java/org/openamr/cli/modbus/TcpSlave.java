package org.openamr.cli.modbus;

import com.digitalpetri.modbus.server.ModbusTcpServer;
import com.digitalpetri.modbus.server.ProcessImage;
import com.digitalpetri.modbus.server.ReadOnlyModbusServices;
import com.digitalpetri.modbus.tcp.server.NettyTcpServerTransport;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Modbus TCP slave for the command's tests: holding registers from address 0 for some unit ids,
 * no answer for the others. The master itself is tested against j2mod in acquisition; here the
 * commands around it are.
 */
final class TcpSlave implements AutoCloseable {

    private final ModbusTcpServer server;
    private final int port;

    private TcpSlave(ModbusTcpServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static TcpSlave serve(Map<Integer, int[]> units) throws Exception {
        Map<Integer, ProcessImage> images = new HashMap<>();
        units.forEach((unit, words) -> {
            ProcessImage image = new ProcessImage();
            image.with(tx -> tx.writeHoldingRegisters(regs -> {
                for (int i = 0; i < words.length; i++) {
                    regs.put(i, new byte[] {(byte) (words[i] >> 8), (byte) words[i]});
                }
            }));
            images.put(unit, image);
        });
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        int bound = port;
        NettyTcpServerTransport transport = NettyTcpServerTransport.create(cfg -> {
            cfg.bindAddress = "127.0.0.1";
            cfg.port = bound;
        });
        ModbusTcpServer server = ModbusTcpServer.create(transport, new ReadOnlyModbusServices() {
            @Override
            protected Optional<ProcessImage> getProcessImage(int unitId) {
                return Optional.ofNullable(images.get(unitId));
            }
        });
        server.start();
        return new TcpSlave(server, port);
    }

    String address() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
