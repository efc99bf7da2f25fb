package org.openamr.gateway.serve;

import com.digitalpetri.modbus.server.ModbusServer;
import java.io.IOException;
import java.util.concurrent.ExecutionException;

/** A started digitalpetri server, TCP or RTU, stopped by {@link #close()}. */
final class RunningServer implements AutoCloseable {

    private final ModbusServer server;

    private RunningServer(ModbusServer server) {
        this.server = server;
    }

    /** @throws IOException saying that {@code what} cannot be opened, and why */
    static RunningServer start(ModbusServer server, String what) throws IOException {
        try {
            server.start();
            return new RunningServer(server);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: cannot " + what, e);
        } catch (Exception e) { // digitalpetri's ModbusServer.start declares Exception; binding fails with ExecutionException
            Throwable why = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new IOException("cannot " + what + ": " + why.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the channel or port is closed either way
        }
    }
}
