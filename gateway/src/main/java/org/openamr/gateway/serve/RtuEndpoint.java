package org.openamr.gateway.serve;

import com.digitalpetri.modbus.serial.server.SerialPortServerTransport;
import com.digitalpetri.modbus.server.ModbusRtuServer;
import com.digitalpetri.modbus.server.ModbusServices;
import java.io.IOException;
import java.util.concurrent.ExecutionException;

/** The Modbus RTU slave on a serial port: digitalpetri's, over jSerialComm. */
public final class RtuEndpoint implements AutoCloseable {

    private final ModbusRtuServer server;
    private final RtuPort port;

    private RtuEndpoint(ModbusRtuServer server, RtuPort port) {
        this.server = server;
        this.port = port;
    }

    /** @throws IOException naming the port when it cannot be opened */
    public static RtuEndpoint start(RtuPort port, ModbusServices services) throws IOException {
        SerialPortServerTransport transport = SerialPortServerTransport.create(c -> {
            c.serialPort = port.device();
            c.baudRate = port.line().baud();
            c.dataBits = port.line().dataBits();
            c.parity = port.line().serialPortParity();
            c.stopBits = port.line().serialPortStopBits();
        });
        ModbusRtuServer server = new CheckedRtuServer(transport, services);
        try {
            server.start();
        } catch (ExecutionException e) {
            throw new IOException("cannot open the RTU port " + port.device() + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening the RTU port " + port.device(), e);
        }
        return new RtuEndpoint(server, port);
    }

    public RtuPort port() {
        return port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (ExecutionException e) {
            // the port is closed either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
