package org.openamr.gateway.serve;

import com.digitalpetri.modbus.serial.server.SerialPortServerTransport;
import com.digitalpetri.modbus.server.ModbusServices;
import java.io.IOException;

/** The Modbus RTU slave on a serial port: digitalpetri's, over jSerialComm. */
public final class RtuEndpoint implements AutoCloseable {

    private final RunningServer server;

    private RtuEndpoint(RunningServer server) {
        this.server = server;
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
        return new RtuEndpoint(RunningServer.start(new CheckedRtuServer(transport, services),
                "open the RTU port " + port.device()));
    }

    @Override
    public void close() {
        server.close();
    }
}
