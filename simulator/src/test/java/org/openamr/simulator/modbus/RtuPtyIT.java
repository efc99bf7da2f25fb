package org.openamr.simulator.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.openamr.simulator.modbus.ModbusWire.HEX;

import com.ghgande.j2mod.modbus.facade.ModbusSerialMaster;
import com.ghgande.j2mod.modbus.util.SerialParameters;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.modbus.FunctionCode;
import org.openamr.modbus.value.RegisterBlock;
import org.openamr.modbus.value.RegisterDecoder;
import org.openamr.simulator.serve.PtyLineServer;
import org.openamr.simulator.serve.Socat;

/** Modbus RTU through socat's pseudo-terminal pair, paced at 9600 Bd 8E1; skipped only where socat is not installed. */
class RtuPtyIT {

    private static final Clock FIXED = Clock.fixed(ModbusMeterTest.AT, ZoneOffset.UTC);
    private static final RtuTiming LINE = RtuTiming.paced(9600, CharacterFormat.MODBUS_DEFAULT);

    @TempDir
    Path dir;

    @BeforeAll
    static void needsSocat() {
        assumeTrue(Socat.find().isPresent(), "skipped: " + Socat.INSTALL_HINT);
    }

    @Test
    void rawFramesGetTheirCrcCheckedAndTheTruthsWords() throws Exception {
        VirtualModbusBus bus = VirtualModbusBus.builder().seed(9).clock(FIXED).units(3)
                .fault(3, new UnitFault.CorruptReply()).build();
        Path tty = dir.resolve("ttyMODBUS0");
        try (PtyLineServer server = ModbusServers.rtuPty(bus, tty, LINE);
             FileInputStream in = new FileInputStream(tty.toFile());
             FileOutputStream out = new FileOutputStream(tty.toFile())) {
            assertThat(server.devicePath()).isEqualTo(dir.resolve("ttyMODBUS0.bus"));
            BigDecimal energy = bus.truth().unit(2).value("heatEnergy").orElseThrow();

            out.write(new RtuFrame(2, HEX.parseHex("0300080002")).encode());
            byte[] reply = read(in, 9, 3000);
            assertThat(Crc16.matches(reply, 9)).isTrue();
            assertThat(HEX.formatHex(reply, 0, 7))
                    .isEqualTo(String.format("020304%08X", Float.floatToIntBits(energy.floatValue())));

            // A request with a wrong CRC is ignored, as a slave does; the next one is answered.
            byte[] damaged = new RtuFrame(1, HEX.parseHex("0300080002")).encode();
            damaged[7] ^= 0x40;
            out.write(damaged);
            assertThat(read(in, 1, 300)).isEmpty();
            out.write(new RtuFrame(1, HEX.parseHex("0300A40001")).encode());
            byte[] errorCode = read(in, 7, 3000);
            assertThat(HEX.formatHex(errorCode, 0, 5)).isEqualTo("0103020000");
            assertThat(Crc16.matches(errorCode, 7)).isTrue();

            // An absent unit and a broadcast: silence. A damaged reply: the right bytes, a wrong CRC.
            out.write(new RtuFrame(4, HEX.parseHex("0300080002")).encode());
            out.write(new RtuFrame(0, HEX.parseHex("0300080002")).encode());
            assertThat(read(in, 1, 300)).isEmpty();
            out.write(new RtuFrame(3, HEX.parseHex("0300A40001")).encode());
            byte[] bad = read(in, 7, 3000);
            assertThat(HEX.formatHex(bad, 0, 5)).isEqualTo("0303020000");
            assertThat(Crc16.matches(bad, 7)).isFalse();
            // A function the slaves do not serve, whose length only the silence after it tells.
            out.write(new RtuFrame(1, HEX.parseHex("2B0E0100")).encode());
            byte[] refused = read(in, 5, 3000);
            assertThat(HEX.formatHex(refused, 0, 3)).isEqualTo("01AB01");
            assertThat(Crc16.matches(refused, 5)).isTrue();
        }
        assertThat(bus.stats().droppedFrames()).isEqualTo(1);
    }

    @Test
    void j2modsSerialMasterReadsEveryUnitToExactlyTheTruth() throws Exception {
        VirtualModbusBus bus = VirtualModbusBus.builder().seed(13).clock(FIXED).unitIds(List.of(1, 2, 247)).build();
        Path tty = dir.resolve("ttyMODBUS1");
        try (PtyLineServer server = ModbusServers.rtuPty(bus, tty, LINE)) {
            SerialParameters p = new SerialParameters();
            p.setPortName(tty.toString());
            p.setBaudRate(9600);
            p.setDatabits(8);
            p.setParity("Even");
            p.setStopbits(1);
            p.setEncoding("rtu");
            p.setEcho(false);
            ModbusSerialMaster master = new ModbusSerialMaster(p, 3000);
            master.connect();
            master.setRetries(0);
            try {
                for (int unit : bus.unitIds()) {
                    List<RegisterBlock> blocks = new ArrayList<>();
                    for (int[] r : ModbusWire.ranges(bus.map(), FunctionCode.READ_HOLDING_REGISTERS)) {
                        blocks.add(ModbusWire.block(FunctionCode.READ_HOLDING_REGISTERS, r[0],
                                master.readMultipleRegisters(unit, r[0], r[1])));
                    }
                    assertThat(RegisterDecoder.decodeAll(bus.map(), blocks)).as("unit %d", unit)
                            .isEqualTo(bus.truth().unit(unit).decodable()).hasSize(bus.map().values().size());
                }
            } finally {
                master.disconnect();
            }
        }
    }

    /**
     * Up to {@code n} bytes within {@code millis}; polls {@code available()}, since closing a file
     * stream does not wake a thread blocked reading a terminal.
     */
    private static byte[] read(FileInputStream in, int n, long millis) throws IOException, InterruptedException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (got.size() < n && System.nanoTime() < deadline) {
            int available = in.available();
            if (available == 0) {
                Thread.sleep(2);
                continue;
            }
            byte[] b = new byte[Math.min(available, n - got.size())];
            got.write(b, 0, in.read(b));
        }
        return got.toByteArray();
    }
}
