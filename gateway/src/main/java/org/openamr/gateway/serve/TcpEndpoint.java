package org.openamr.gateway.serve;

import com.digitalpetri.modbus.server.ModbusServices;
import com.digitalpetri.modbus.server.ModbusTcpServer;
import com.digitalpetri.modbus.tcp.server.NettyTcpServerTransport;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The Modbus TCP server: digitalpetri's, on Netty, answering from the given services. */
public final class TcpEndpoint implements AutoCloseable {

    private final RunningServer server;
    private final InetSocketAddress bound;

    private TcpEndpoint(RunningServer server, InetSocketAddress bound) {
        this.server = server;
        this.bound = bound;
    }

    /**
     * Listens on {@code at}; port 0 picks a free one ({@link #address()} tells which).
     *
     * @throws IOException naming the address when it cannot be bound (in use, no permission)
     */
    public static TcpEndpoint start(InetSocketAddress at, ModbusServices services) throws IOException {
        CompletableFuture<InetSocketAddress> local = new CompletableFuture<>();
        NettyTcpServerTransport transport = NettyTcpServerTransport.create(c -> {
            c.setBindAddress(at.getAddress().getHostAddress());
            c.setPort(at.getPort());
            // The listening channel's own handler learns the port the system chose for port 0.
            c.setBootstrapCustomizer(b -> b.handler(new ChannelInboundHandlerAdapter() {
                @Override
                public void channelActive(ChannelHandlerContext ctx) throws Exception {
                    local.complete((InetSocketAddress) ctx.channel().localAddress());
                    super.channelActive(ctx);
                }
            }));
        });
        RunningServer server = RunningServer.start(ModbusTcpServer.create(transport, services),
                "listen on " + at.getAddress().getHostAddress() + ":" + at.getPort());
        try {
            return new TcpEndpoint(server, local.get(10, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            server.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("the Modbus TCP server on port " + at.getPort() + " did not say where it listens", e);
        }
    }

    public InetSocketAddress address() {
        return bound;
    }

    @Override
    public void close() {
        server.close();
    }
}
