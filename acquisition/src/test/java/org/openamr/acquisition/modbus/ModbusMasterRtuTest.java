package org.openamr.acquisition.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.modbus.ExceptionCode;
import org.openamr.modbus.FunctionCode;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.map.RegisterMapParser;
import org.openamr.modbus.value.ModbusValue;
import org.openamr.simulator.serve.PtyPair;
import org.openamr.simulator.serve.Socat;

/** RTU framing: on a pseudo-terminal at 9600 baud 8E1, and through TCP as a serial device server passes it. */
class ModbusMasterRtuTest {

    private static final ModbusSettings QUICK = ModbusSettings.DEFAULT.withResponseTimeout(Duration.ofMillis(300));

    @TempDir
    Path dir;

    private static Map<String, BigDecimal> valuesOf(List<ModbusValue> values) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        values.forEach(v -> out.put(v.name(), v.value()));
        return out;
    }

    private PtyPair pty() throws Exception {
        assumeThat(Socat.find()).as(Socat.INSTALL_HINT).isPresent();
        return PtyPair.start(dir.resolve("slave"), dir.resolve("master"));
    }

    @Test
    void aMapReadOnASerialLineFromJ2modGivesTheValuesItServes() throws Exception {
        Map<String, BigDecimal> values = MapImage.danfossValues();
        int[] regs = MapImage.registers(MapImage.DANFOSS, values, 165);
        try (PtyPair pty = pty();
             J2modSlave slave = J2modSlave.serial(pty.devicePath().toString(), 9600, Map.of(1, regs));
             // j2mod writes an answer to the pty at once and then waits out its time on a real line
             // before it reads the next request, so the next answer comes that much later here: the
             // default timeout, not the tests' short one
             ModbusMaster master = ModbusMaster.open(
                     ModbusAddress.parse("rtu:" + pty.hostPath() + "?baud=9600&format=8E1"), ModbusSettings.DEFAULT)) {
            assertThat(valuesOf(master.read(1, MapImage.DANFOSS)))
                    .containsExactlyEntriesOf(MapImage.served(MapImage.DANFOSS, values));
            assertThat(master.requests()).isEqualTo(2);
            assertThat(valuesOf(master.read(1, MapImage.DANFOSS)))
                    .containsExactlyEntriesOf(MapImage.served(MapImage.DANFOSS, values));
            assertThat(master.requests()).isEqualTo(4);
        }
    }

    @Test
    void aCorruptedCrcIsReportedNamingTheUnitAndTheNextReadWorks() throws Exception {
        RawSlave.Script script = (unit, f, start, count) -> {
            byte[] frame = RawSlave.rtuFrame(unit, RawSlave.registerAnswer(f, new int[] {0x0102}));
            if (unit == 5) {
                frame[frame.length - 1] ^= 0x40;
            }
            return new RawSlave.Reply.Raw(frame);
        };
        try (PtyPair pty = pty();
             RawSlave slave = RawSlave.rtu(script, pty.in(), pty.out());
             ModbusMaster master = ModbusMaster.open(ModbusAddress.parse("rtu:" + pty.hostPath()),
                     QUICK.withAttempts(2))) {
            String channel = "rtu:" + pty.hostPath() + "?baud=9600&format=8E1";
            byte[] good = RawSlave.rtuFrame(5, RawSlave.registerAnswer(3, new int[] {0x0102}));
            int crc = (good[5] & 0xFF) | (good[6] & 0xFF) << 8;
            assertThatThrownBy(() -> master.read(5, FunctionCode.READ_HOLDING_REGISTERS, 0, 1))
                    .isInstanceOfSatisfying(CrcErrorException.class, e -> {
                        assertThat(e.unit()).isEqualTo(5);
                        assertThat(e.channel()).isEqualTo(channel);
                        assertThat(e.computed()).isEqualTo(crc);
                        assertThat(e.received()).isEqualTo(crc ^ 0x4000);
                    })
                    .hasMessage("unit 5 on " + channel + String.format(": answer 05 03 02 01 02 %02X %02X failed its CRC"
                            + " check (received %04X, computed %04X) (2 attempts)", crc & 0xFF, (crc >> 8) ^ 0x40,
                            crc ^ 0x4000, crc));
            assertThat(slave.requests()).containsExactly("5 3 0 1", "5 3 0 1");
            assertThat(master.read(1, FunctionCode.READ_HOLDING_REGISTERS, 0, 1).word(0)).isEqualTo(0x0102);
        }
    }

    @Test
    void anAnswerFromAnotherUnitOrToAnotherFunctionIsRefusedAndTheNextReadWorks() throws Exception {
        RawSlave.Script script = (unit, f, start, count) -> {
            if (unit == 3) {
                return new RawSlave.Reply.Pdu(8, RawSlave.registerAnswer(f, new int[count]));
            }
            if (unit == 4) {
                return new RawSlave.Reply.Pdu(4, RawSlave.registerAnswer(4, new int[count]));
            }
            return new RawSlave.Reply.Pdu(unit, RawSlave.registerAnswer(f, new int[] {77}));
        };
        try (PtyPair pty = pty();
             RawSlave slave = RawSlave.rtu(script, pty.in(), pty.out());
             ModbusMaster master = ModbusMaster.open(ModbusAddress.parse("rtu:" + pty.hostPath()),
                     QUICK.withAttempts(1))) {
            assertThatThrownBy(() -> master.read(3, FunctionCode.READ_HOLDING_REGISTERS, 0, 1))
                    .isInstanceOf(UnexpectedAnswerException.class)
                    .hasMessageEndingWith(": the answer came from unit 8").hasMessageStartingWith("unit 3 on rtu:");
            assertThat(master.read(1, FunctionCode.READ_HOLDING_REGISTERS, 0, 1).word(0)).isEqualTo(77);
            assertThatThrownBy(() -> master.read(4, FunctionCode.READ_HOLDING_REGISTERS, 0, 1))
                    .isInstanceOf(UnexpectedAnswerException.class)
                    .hasMessageEndingWith(": the answer is to function 04, not 03");
            assertThat(master.read(1, FunctionCode.READ_HOLDING_REGISTERS, 0, 1).word(0)).isEqualTo(77);
        }
    }

    @Test
    void anExceptionAnswerCarriesTheSlavesCodeSoABridgedReadRefusedWith02IsReadWithoutItsGaps() throws Exception {
        RegisterMap map = RegisterMapParser.parse("gaps.map", """
                map | gaps
                models | G
                value | a | 03 | 0 | uint16 | - | 0 | energy | kWh | current
                value | c | 03 | 9 | uint16 | - | 0 | power | kW | current
                """);
        // serves registers 0 and 9 only, as many meters do
        RawSlave.Script strict = (unit, f, start, count) -> start + count > 1 && start < 9
                ? new RawSlave.Reply.Pdu(unit, new byte[] {(byte) (0x80 | f), 2})
                : new RawSlave.Reply.Pdu(unit, RawSlave.registerAnswer(f, new int[] {start == 0 ? 1234 : 7}));
        try (PtyPair pty = pty();
             RawSlave slave = RawSlave.rtu(strict, pty.in(), pty.out());
             ModbusMaster master = ModbusMaster.open(ModbusAddress.parse("rtu:" + pty.hostPath()),
                     QUICK.withAttempts(1))) {
            assertThatThrownBy(() -> master.read(3, FunctionCode.READ_HOLDING_REGISTERS, 0, 2))
                    .isInstanceOfSatisfying(SlaveRefusedException.class, e -> {
                        assertThat(e.rawCode()).isEqualTo(2);
                        assertThat(e.code()).contains(ExceptionCode.ILLEGAL_DATA_ADDRESS);
                    });
            assertThat(valuesOf(master.read(1, map))).containsExactly(Map.entry("a", BigDecimal.valueOf(1234)),
                    Map.entry("c", BigDecimal.valueOf(7)));
            assertThat(slave.requests()).containsExactly("3 3 0 2", "1 3 0 10", "1 3 0 1", "1 3 9 1");
        }
    }

    @Test
    void aSerialDeviceServerAnswering0BForAUnitMakesItUnreachableInAScan() throws Exception {
        RawSlave.Script gateway = (unit, f, start, count) -> new RawSlave.Reply.Pdu(unit,
                unit == 2 ? new byte[] {(byte) (0x80 | f), 0x0B} : RawSlave.registerAnswer(f, new int[count]));
        try (RawSlave slave = RawSlave.rtuOverTcp(gateway);
             ModbusMaster master = ModbusMaster.open(ModbusAddress.parse("rtu+tcp://127.0.0.1:" + slave.port()),
                     ModbusSettings.SCAN)) {
            UnitScan.Result scan = UnitScan.run(master, 1, 2, (p, n, total) -> { });
            assertThat(scan.probes()).extracting(UnitScan.Probe::outcome)
                    .containsExactly(UnitScan.Outcome.ANSWERED, UnitScan.Outcome.UNREACHABLE);
            assertThat(scan.found()).containsExactly(1);
        }
    }

    @Test
    void aFrameCutShortIsNoAnswerAndTheNextReadWorks() throws Exception {
        RawSlave.Script script = (unit, f, start, count) -> {
            byte[] frame = RawSlave.rtuFrame(unit, RawSlave.registerAnswer(f, new int[] {0x0A0B, 0x0C0D}));
            return new RawSlave.Reply.Raw(unit == 6 ? java.util.Arrays.copyOf(frame, 5) : frame);
        };
        try (PtyPair pty = pty();
             RawSlave slave = RawSlave.rtu(script, pty.in(), pty.out());
             ModbusMaster master = ModbusMaster.open(ModbusAddress.parse("rtu:" + pty.hostPath()),
                     QUICK.withResponseTimeout(Duration.ofMillis(150)).withAttempts(1))) {
            assertThatThrownBy(() -> master.read(6, FunctionCode.READ_HOLDING_REGISTERS, 0, 2))
                    .isInstanceOf(NoAnswerException.class)
                    .hasMessageEndingWith(": no complete answer within 150 ms and the 19 ms of request and answer on the line");
            assertThat(master.read(2, FunctionCode.READ_HOLDING_REGISTERS, 0, 2).word(1)).isEqualTo(0x0C0D);
        }
    }

    @Test
    void rtuFramesThroughTcpReadAMapFromJ2mod() throws Exception {
        Map<String, BigDecimal> values = MapImage.danfossValues();
        int[] regs = MapImage.registers(MapImage.DANFOSS, values, 165);
        try (J2modSlave slave = J2modSlave.tcp(Map.of(9, regs), true);
             ModbusMaster master = ModbusMaster.open(
                     ModbusAddress.parse("rtu+tcp://127.0.0.1:" + slave.port()), QUICK)) {
            assertThat(valuesOf(master.read(9, MapImage.DANFOSS)))
                    .containsExactlyEntriesOf(MapImage.served(MapImage.DANFOSS, values));
        }
    }

    @Test
    void rtuOverTcpReportsCrcErrorsAndSilenceAndRecovers() throws Exception {
        RawSlave.Script script = (unit, f, start, count) -> {
            byte[] frame = RawSlave.rtuFrame(unit, RawSlave.registerAnswer(f, new int[] {5}));
            if (unit == 2) {
                frame[3] ^= 1;
            }
            return unit == 3 ? new RawSlave.Reply.Silence() : new RawSlave.Reply.Raw(frame);
        };
        try (RawSlave slave = RawSlave.rtuOverTcp(script);
             ModbusMaster master = ModbusMaster.open(ModbusAddress.parse("rtu+tcp://127.0.0.1:" + slave.port()),
                     QUICK.withResponseTimeout(Duration.ofMillis(100)).withAttempts(1))) {
            assertThatThrownBy(() -> master.read(2, FunctionCode.READ_HOLDING_REGISTERS, 0, 1))
                    .isInstanceOf(CrcErrorException.class).hasMessageStartingWith("unit 2 on rtu+tcp://127.0.0.1:");
            assertThatThrownBy(() -> master.read(3, FunctionCode.READ_HOLDING_REGISTERS, 0, 1))
                    .isInstanceOf(NoAnswerException.class).hasMessageStartingWith("unit 3 on rtu+tcp://127.0.0.1:");
            assertThat(master.read(1, FunctionCode.READ_HOLDING_REGISTERS, 0, 1).word(0)).isEqualTo(5);
            assertThat(slave.connections()).isEqualTo(1);
        }
    }
}
