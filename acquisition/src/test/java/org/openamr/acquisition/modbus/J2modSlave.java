package org.openamr.acquisition.modbus;

import com.ghgande.j2mod.modbus.procimg.SimpleDigitalIn;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import com.ghgande.j2mod.modbus.util.SerialParameters;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * j2mod's slave, an implementation independent of digitalpetri, serving holding registers from address
 * 0 for some unit ids.
 */
final class J2modSlave implements AutoCloseable {

    private final ModbusSlave slave;

    private J2modSlave(ModbusSlave slave, Map<Integer, int[]> units) throws Exception {
        this.slave = slave;
        for (Map.Entry<Integer, int[]> u : units.entrySet()) {
            SimpleProcessImage image = new SimpleProcessImage(u.getKey());
            for (int w : u.getValue()) {
                image.addRegister(new SimpleRegister(w));
            }
            slave.addProcessImage(u.getKey(), image);
        }
        slave.open();
    }

    /** Coils and discrete inputs from address 0 for unit 1: bit i of {@code coils} is coil i, likewise {@code inputs}. */
    static J2modSlave bits(boolean[] coils, boolean[] inputs) throws Exception {
        J2modSlave s = tcp(Map.of(), false);
        SimpleProcessImage image = new SimpleProcessImage(1);
        for (boolean c : coils) {
            image.addDigitalOut(new SimpleDigitalOut(c));
        }
        for (boolean i : inputs) {
            image.addDigitalIn(new SimpleDigitalIn(i));
        }
        s.slave.addProcessImage(1, image);
        return s;
    }

    /** Modbus TCP, or RTU frames over TCP, on a free loopback port. */
    static J2modSlave tcp(Map<Integer, int[]> units, boolean rtuOverTcp) throws Exception {
        int port;
        // j2mod takes port 0 for its default 502, so a free port is found first
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        return new J2modSlave(ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 2,
                rtuOverTcp, 0), units);
    }

    /** RTU on a serial port (the device end of a pseudo-terminal pair). */
    static J2modSlave serial(String port, int baud, Map<Integer, int[]> units) throws Exception {
        SerialParameters p = new SerialParameters();
        p.setPortName(port);
        p.setBaudRate(baud);
        p.setDatabits(8);
        p.setParity("Even");
        p.setStopbits(1);
        p.setEncoding("rtu");
        p.setEcho(false);
        return new J2modSlave(ModbusSlaveFactory.createSerialSlave(p), units);
    }

    int port() {
        return slave.getPort();
    }

    @Override
    public void close() throws IOException {
        ModbusSlaveFactory.close(slave);
    }
}
