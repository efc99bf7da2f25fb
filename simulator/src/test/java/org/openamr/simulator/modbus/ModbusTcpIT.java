package org.openamr.simulator.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openamr.simulator.modbus.ModbusWire.HEX;

import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.modbus.FunctionCode;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.value.RegisterBlock;
import org.openamr.modbus.value.RegisterDecoder;
import org.openamr.simulator.serve.ManualLineClock;
import org.openamr.simulator.serve.TcpLineServer;

/** The virtual bus over real TCP sockets: raw bytes against the specification, and j2mod as an independent master. */
class ModbusTcpIT {

    private static final Clock FIXED = Clock.fixed(ModbusMeterTest.AT, ZoneOffset.UTC);
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @Test
    void aRawReadGetsTheMbapHeaderEchoedAndTheWordsOfTheTruth() throws Exception {
        VirtualModbusBus bus = VirtualModbusBus.builder().seed(5).clock(FIXED).units(3).build();
        BigDecimal energy = bus.truth().unit(2).value("heatEnergy").orElseThrow();
        int bits = Float.floatToIntBits(energy.floatValue());
        try (TcpLineServer server = ModbusServers.tcp(bus, LOOPBACK);
             Socket s = new Socket(server.address().getAddress(), server.port())) {
            s.setSoTimeout(3000);
            // Transaction 0xBEEF, unit 2, read holding registers 8..9.
            s.getOutputStream().write(ModbusWire.tcpRead(0xBEEF, 2, 0x03, 8, 2));
            byte[] reply = ModbusWire.readExactly(s.getInputStream(), 13);
            // Transaction echoed, protocol 0, length 7 (unit, function, byte count, 4 data bytes), unit 2,
            // function 03, byte count 4, the float's words high word first (map order "big").
            assertThat(HEX.formatHex(reply)).isEqualTo(String.format("BEEF00000007020304%08X", bits));
            // The same connection goes on; a second request in the same segment as a third is fine too.
            OutputStream out = s.getOutputStream();
            byte[] two = new byte[24];
            System.arraycopy(ModbusWire.tcpRead(1, 3, 0x04, 164, 1), 0, two, 0, 12);
            System.arraycopy(ModbusWire.tcpRead(2, 1, 0x03, 0, 1), 0, two, 12, 12);
            out.write(two);
            InputStream in = s.getInputStream();
            assertThat(HEX.formatHex(ModbusWire.readExactly(in, 11))).isEqualTo("000100000005030402" + "0000");
            assertThat(HEX.formatHex(ModbusWire.readExactly(in, 9))).as("address 0 is not served")
                    .isEqualTo("000200000003018302");
        }
    }

    @Test
    void j2modReadsEveryUnitsMapToExactlyTheTruth() throws Exception {
        VirtualModbusBus bus = VirtualModbusBus.builder().seed(11).clock(FIXED).units(20).build();
        RegisterMap map = bus.map();
        try (TcpLineServer server = ModbusServers.tcp(bus, LOOPBACK)) {
            ModbusTCPMaster master = master(server, 3000, false);
            try {
                for (int unit = 1; unit <= 20; unit++) {
                    List<RegisterBlock> blocks = new ArrayList<>();
                    for (int[] r : ModbusWire.ranges(bus.map(), FunctionCode.READ_HOLDING_REGISTERS)) {
                        blocks.add(ModbusWire.block(FunctionCode.READ_HOLDING_REGISTERS, r[0],
                                master.readMultipleRegisters(unit, r[0], r[1])));
                    }
                    assertThat(RegisterDecoder.decodeAll(map, blocks)).as("unit %d", unit)
                            .isEqualTo(bus.truth().unit(unit).decodable()).hasSize(map.values().size());
                }
                // Input registers serve the same words: the map names only 03.
                assertThat(ModbusWire.block(FunctionCode.READ_HOLDING_REGISTERS, 8, master.readInputRegisters(4, 8, 2)))
                        .isEqualTo(ModbusWire.block(FunctionCode.READ_HOLDING_REGISTERS, 8,
                                master.readMultipleRegisters(4, 8, 2)));
                assertThatThrownBy(() -> master.readMultipleRegisters(1, 0, 10)).isInstanceOfSatisfying(
                        ModbusSlaveException.class, e -> assertThat(e.getType()).isEqualTo(2));
                assertThatThrownBy(() -> master.readMultipleRegisters(1, 160, 10)).isInstanceOfSatisfying(
                        ModbusSlaveException.class, e -> assertThat(e.getType()).isEqualTo(2));
                assertThatThrownBy(() -> master.readCoils(1, 0, 8)).isInstanceOfSatisfying(
                        ModbusSlaveException.class, e -> assertThat(e.getType()).isEqualTo(1));
            } finally {
                master.disconnect();
            }
        }
        assertThat(bus.stats().replies()).isEqualTo(20 * 2 + 2 + 3);
    }

    @Test
    void anAbsentUnitASilentOneAndABroadcastLeaveTheMasterToItsTimeout() throws Exception {
        VirtualModbusBus bus = VirtualModbusBus.builder().clock(FIXED).units(2).fault(2, new UnitFault.NoAnswer())
                .build();
        try (TcpLineServer server = ModbusServers.tcp(bus, LOOPBACK);
             Socket s = new Socket(server.address().getAddress(), server.port())) {
            s.setSoTimeout(300);
            for (int unit : new int[] {2, 3, 0}) {
                s.getOutputStream().write(ModbusWire.tcpRead(unit, unit, 0x03, 8, 2));
                assertThatThrownBy(() -> s.getInputStream().read()).as("unit %d", unit)
                        .isInstanceOf(SocketTimeoutException.class);
            }
            // Nothing was queued meanwhile: the next answer is the next request's.
            s.setSoTimeout(3000);
            s.getOutputStream().write(ModbusWire.tcpRead(7, 1, 0x03, 8, 2));
            assertThat(HEX.formatHex(ModbusWire.readExactly(s.getInputStream(), 9))).isEqualTo("000700000007010304");
        }
        assertThat(bus.stats().unanswered()).isEqualTo(3);
    }

    @Test
    void faultsShowOnTheWireAsTheirKindSays() throws Exception {
        VirtualModbusBus bus = VirtualModbusBus.builder().clock(FIXED).units(4)
                .fault(1, new UnitFault.CorruptReply()).fault(2, new UnitFault.ExceptionReply(4))
                .fault(3, new UnitFault.OtherUnit(99)).fault(4, new UnitFault.SlowReply(Duration.ofMillis(400))).build();
        ManualLineClock clock = new ManualLineClock();
        try (TcpLineServer server = ModbusServers.tcp(bus, LOOPBACK, clock);
             Socket s = new Socket(server.address().getAddress(), server.port())) {
            s.setSoTimeout(3000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            // TCP damage: the header stays sound (length 7), the byte count says 5 for 4 data bytes.
            out.write(ModbusWire.tcpRead(1, 1, 0x03, 8, 2));
            byte[] damaged = ModbusWire.readExactly(in, 13);
            assertThat(HEX.formatHex(damaged, 0, 9)).isEqualTo("00010000000701" + "0305");
            // A damaged exception reply lacks its code.
            out.write(ModbusWire.tcpRead(2, 1, 0x01, 0, 1));
            assertThat(HEX.formatHex(ModbusWire.readExactly(in, 8))).isEqualTo("0002000000020181");
            out.write(ModbusWire.tcpRead(3, 2, 0x03, 8, 2));
            assertThat(HEX.formatHex(ModbusWire.readExactly(in, 9))).isEqualTo("000300000003028304");
            out.write(ModbusWire.tcpRead(4, 3, 0x03, 8, 2));
            assertThat(HEX.formatHex(ModbusWire.readExactly(in, 9))).isEqualTo("00040000000763" + "0304");
            ModbusWire.readExactly(in, 4);
            out.write(ModbusWire.tcpRead(5, 4, 0x03, 8, 2));
            assertThat(HEX.formatHex(ModbusWire.readExactly(in, 9))).isEqualTo("00050000000704" + "0304");
            // The slow unit's reply was scheduled its delay after the request came in.
            assertThat(clock.lateRuns()).containsExactly(ManualLineClock.ORIGIN + 400_000_000L);
        }
        ModbusTCPMaster master;
        try (TcpLineServer server = ModbusServers.tcp(bus, LOOPBACK)) {
            master = master(server, 3000, false);
            try {
                assertThatThrownBy(() -> master.readMultipleRegisters(2, 8, 2)).isInstanceOfSatisfying(
                        ModbusSlaveException.class, e -> assertThat(e.getType()).isEqualTo(4));
            } finally {
                master.disconnect();
            }
        }
    }

    @Test
    void aHeaderWithAnImpossibleLengthClosesTheConnectionAndAnotherProtocolIsIgnored() throws Exception {
        VirtualModbusBus bus = VirtualModbusBus.builder().clock(FIXED).units(1).build();
        try (TcpLineServer server = ModbusServers.tcp(bus, LOOPBACK)) {
            try (Socket s = new Socket(server.address().getAddress(), server.port())) {
                s.setSoTimeout(300);
                byte[] other = ModbusWire.tcpRead(1, 1, 0x03, 8, 2);
                other[3] = 1; // protocol id 1
                s.getOutputStream().write(other);
                assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
                s.setSoTimeout(3000);
                s.getOutputStream().write(HEX.parseHex("00010000FFFF0103"));
                assertThat(s.getInputStream().read()).as("closed by the server").isEqualTo(-1);
            }
            assertThat(bus.stats().droppedFrames()).isEqualTo(1);
            // The server goes on with the next client.
            ModbusTCPMaster master = master(server, 3000, false);
            try {
                assertThat(master.readMultipleRegisters(1, 8, 2)).hasSize(2);
            } finally {
                master.disconnect();
            }
        }
    }

    @Test
    void rtuFramesOverTcpAreAnsweredAsOnTheLine() throws Exception {
        VirtualModbusBus bus = VirtualModbusBus.builder().seed(2).clock(FIXED).units(5).build();
        try (TcpLineServer server = ModbusServers.rtuOverTcp(bus, LOOPBACK,
                RtuTiming.unpaced(9600, CharacterFormat.MODBUS_DEFAULT))) {
            ModbusTCPMaster master = master(server, 3000, true);
            try {
                for (int unit = 1; unit <= 5; unit++) {
                    List<RegisterBlock> blocks = new ArrayList<>();
                    for (int[] r : ModbusWire.ranges(bus.map(), FunctionCode.READ_HOLDING_REGISTERS)) {
                        blocks.add(ModbusWire.block(FunctionCode.READ_HOLDING_REGISTERS, r[0],
                                master.readMultipleRegisters(unit, r[0], r[1])));
                    }
                    assertThat(RegisterDecoder.decodeAll(bus.map(), blocks)).isEqualTo(bus.truth().unit(unit).decodable());
                }
            } finally {
                master.disconnect();
            }
            try (Socket s = new Socket(server.address().getAddress(), server.port())) {
                s.setSoTimeout(3000);
                byte[] request = new RtuFrame(3, HEX.parseHex("0300A40001")).encode();
                s.getOutputStream().write(request);
                byte[] reply = ModbusWire.readExactly(s.getInputStream(), 7);
                assertThat(HEX.formatHex(reply, 0, 5)).isEqualTo("0303020000");
                assertThat(Crc16.matches(reply, 7)).isTrue();
            }
        }
    }

    private static ModbusTCPMaster master(TcpLineServer server, int timeoutMillis, boolean rtuOverTcp)
            throws Exception {
        ModbusTCPMaster m = new ModbusTCPMaster("127.0.0.1", server.port(), timeoutMillis, false, rtuOverTcp);
        m.connect();
        m.setRetries(0); // after connect, which makes the transaction that keeps the count
        return m;
    }
}
