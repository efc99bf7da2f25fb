package org.openamr.acquisition.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openamr.modbus.ExceptionCode;
import org.openamr.modbus.FunctionCode;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.map.RegisterMapParser;
import org.openamr.modbus.value.ModbusValue;
import org.openamr.modbus.value.RegisterBlock;

class ModbusMasterTcpTest {

    private static final RegisterMap DANFOSS = MapImage.DANFOSS;
    private static final ModbusSettings QUICK = ModbusSettings.DEFAULT.withResponseTimeout(Duration.ofMillis(300));

    private static Map<String, BigDecimal> valuesOf(List<ModbusValue> values) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        values.forEach(v -> out.put(v.name(), v.value()));
        return out;
    }

    @Test
    void aMapReadFromJ2modGivesExactlyTheValuesItServesInTwoRequests() throws Exception {
        Map<String, BigDecimal> values = MapImage.danfossValues();
        int[] regs = MapImage.registers(DANFOSS, values, 165);
        try (J2modSlave slave = J2modSlave.tcp(Map.of(1, regs, 5, regs), false);
             ModbusMaster master = ModbusMaster.open(ModbusAddress.parse("tcp://127.0.0.1:" + slave.port()), QUICK)) {
            List<ModbusValue> read = master.read(5, DANFOSS);
            assertThat(valuesOf(read)).containsExactlyEntriesOf(MapImage.served(DANFOSS, values));
            assertThat(valuesOf(read).get("volume")).isEqualByComparingTo("987.654");
            assertThat(read.get(0).unit().symbol()).isEqualTo("kWh");
            assertThat(master.requests()).isEqualTo(2);
            // and a plain block read of the same registers gives the words served
            RegisterBlock b = master.read(1, FunctionCode.READ_HOLDING_REGISTERS, 8, 4);
            assertThat(new int[] {b.word(8), b.word(9), b.word(10), b.word(11)})
                    .containsExactly(Arrays.copyOfRange(regs, 8, 12));
        }
    }

    @Test
    void coilsAndDiscreteInputsAreReadBitForBit() throws Exception {
        boolean[] coils = new boolean[20];
        boolean[] inputs = new boolean[12];
        coils[0] = true;
        coils[9] = true;
        coils[17] = true;
        inputs[11] = true;
        RegisterMap map = RegisterMapParser.parse("bits.map", """
                map | bits
                models | B
                value | pump  | 01 | 9  | bit | - | 0 | digitalInput | - | current | 0 | 1
                value | valve | 01 | 10 | bit | - | 0 | digitalInput | - | current | 0 | 2
                value | leak  | 02 | 11 | bit | - | 0 | digitalInput | - | current | 0 | 3
                """);
        try (J2modSlave slave = J2modSlave.bits(coils, inputs);
             ModbusMaster master = ModbusMaster.open(ModbusAddress.parse("tcp://127.0.0.1:" + slave.port()), QUICK)) {
            RegisterBlock b = master.read(1, FunctionCode.READ_COILS, 0, 20);
            for (int i = 0; i < 20; i++) {
                assertThat(b.word(i)).as("coil " + i).isEqualTo(coils[i] ? 1 : 0);
            }
            assertThat(valuesOf(master.read(1, map))).containsExactly(Map.entry("pump", BigDecimal.ONE),
                    Map.entry("valve", BigDecimal.ZERO), Map.entry("leak", BigDecimal.ONE));
        }
    }

    @Test
    void anExceptionAnswerNamesItsCodeMeaningUnitAndChannel() throws Exception {
        try (J2modSlave slave = J2modSlave.tcp(Map.of(1, new int[10]), false);
             ModbusMaster master = ModbusMaster.open(ModbusAddress.parse("tcp://127.0.0.1:" + slave.port()), QUICK)) {
            assertThatThrownBy(() -> master.read(1, FunctionCode.READ_HOLDING_REGISTERS, 8, 5))
                    .isInstanceOfSatisfying(SlaveRefusedException.class, e -> {
                        assertThat(e.code()).contains(ExceptionCode.ILLEGAL_DATA_ADDRESS);
                        assertThat(e.unit()).isEqualTo(1);
                        assertThat(e.kind()).isEqualTo("exception");
                        assertThat(e.fromGateway()).isFalse();
                        assertThat(e).hasMessage("unit 1 on tcp://127.0.0.1:" + slave.port() + ": exception 02 Illegal"
                                + " data address to a read of holding registers 8..12 (function 03): "
                                + ExceptionCode.ILLEGAL_DATA_ADDRESS.meaningEn());
                    });
            // a refusal is not tried again: the same request gets the same answer
            assertThat(master.requests()).isEqualTo(1);
            assertThat(master.read(1, FunctionCode.READ_HOLDING_REGISTERS, 0, 10).count()).isEqualTo(10);
        }
    }

    @Test
    void anUnassignedExceptionCodeIsReportedAsItsNumber() throws Exception {
        RawSlave.Script nine = (unit, f, start, count) -> new RawSlave.Reply.Pdu(unit, new byte[] {(byte) 0x83, 9});
        try (RawSlave slave = RawSlave.tcp(nine);
             ModbusMaster master = ModbusMaster.open(ModbusAddress.parse("tcp://127.0.0.1:" + slave.port()), QUICK)) {
            assertThatThrownBy(() -> master.read(4, FunctionCode.READ_HOLDING_REGISTERS, 0, 1))
                    .isInstanceOfSatisfying(SlaveRefusedException.class, e -> {
                        assertThat(e.code()).isEmpty();
                        assertThat(e.rawCode()).isEqualTo(9);
                    })
                    .hasMessageContaining("unit 4 on tcp://").hasMessageContaining(
                            "exception 09 (not assigned by the Modbus specification) to a read of holding registers 0");
        }
    }

    @Test
    void aSilentUnitTimesOutNamingChannelAndUnitAfterEveryAttemptAndTheNextReadWorks() throws Exception {
        try (RawSlave slave = RawSlave.tcp(RawSlave.registers(Map.of(1, new int[] {42, 43})));
             ModbusMaster master = ModbusMaster.open(ModbusAddress.parse("tcp://127.0.0.1:" + slave.port()),
                     QUICK.withResponseTimeout(Duration.ofMillis(100)).withAttempts(2))) {
            assertThatThrownBy(() -> master.read(9, FunctionCode.READ_HOLDING_REGISTERS, 0, 2))
                    .isInstanceOf(NoAnswerException.class)
                    .hasMessage("unit 9 on tcp://127.0.0.1:" + slave.port() + ": no complete answer within 100 ms"
                            + " (2 attempts)");
            assertThat(slave.requests()).containsExactly("9 3 0 2", "9 3 0 2");
            assertThat(master.read(1, FunctionCode.READ_HOLDING_REGISTERS, 0, 2).word(1)).isEqualTo(43);
            assertThat(slave.connections()).isEqualTo(1);
        }
    }

    @Test
    void anAnswerFromAnotherUnitIsRefusedAndTheNextReadWorks() throws Exception {
        RawSlave.Script script = (unit, f, start, count) -> new RawSlave.Reply.Pdu(unit == 3 ? 7 : unit,
                RawSlave.registerAnswer(f, new int[count]));
        try (RawSlave slave = RawSlave.tcp(script);
             ModbusMaster master = ModbusMaster.open(ModbusAddress.parse("tcp://127.0.0.1:" + slave.port()), QUICK)) {
            assertThatThrownBy(() -> master.read(3, FunctionCode.READ_HOLDING_REGISTERS, 0, 1))
                    .isInstanceOf(UnexpectedAnswerException.class)
                    .hasMessage("unit 3 on tcp://127.0.0.1:" + slave.port() + ": the answer came from unit 7 (3 attempts)");
            assertThat(master.read(1, FunctionCode.READ_HOLDING_REGISTERS, 0, 1).word(0)).isZero();
        }
    }

    @Test
    void anAnswerWithTooFewRegistersIsRefused() throws Exception {
        RawSlave.Script script = (unit, f, start, count) -> new RawSlave.Reply.Pdu(unit,
                RawSlave.registerAnswer(f, new int[count - 1]));
        try (RawSlave slave = RawSlave.tcp(script);
             ModbusMaster master = ModbusMaster.open(ModbusAddress.parse("tcp://127.0.0.1:" + slave.port()),
                     QUICK.withAttempts(1))) {
            assertThatThrownBy(() -> master.read(2, FunctionCode.READ_INPUT_REGISTERS, 0, 3))
                    .isInstanceOf(UnexpectedAnswerException.class)
                    .hasMessageEndingWith(": the answer carries 4 bytes where 3 registers take 6");
        }
    }

    @Test
    void aFrameCutShortTimesOutAndTheNextReadWorksOnAFreshConnection() throws Exception {
        RawSlave.Script script = (unit, f, start, count) -> {
            if (unit == 4) {
                // the first 9 bytes of the 11-byte answer: the decoder waits for the rest
                return new RawSlave.Reply.Raw(Arrays.copyOf(RawSlave.tcpFrame(0, 4,
                        RawSlave.registerAnswer(f, new int[] {1})), 9));
            }
            return new RawSlave.Reply.Pdu(unit, RawSlave.registerAnswer(f, new int[] {0x1234}));
        };
        try (RawSlave slave = RawSlave.tcp(script);
             ModbusMaster master = ModbusMaster.open(ModbusAddress.parse("tcp://127.0.0.1:" + slave.port()),
                     QUICK.withResponseTimeout(Duration.ofMillis(150)).withAttempts(1))) {
            assertThatThrownBy(() -> master.read(4, FunctionCode.READ_HOLDING_REGISTERS, 0, 1))
                    .isInstanceOf(NoAnswerException.class).hasMessageContaining("unit 4 on tcp://");
            assertThat(master.read(1, FunctionCode.READ_HOLDING_REGISTERS, 0, 1).word(0)).isEqualTo(0x1234);
            assertThat(slave.connections()).isEqualTo(2);
        }
    }

    @Test
    void aBridgedReadRefusedWithException02IsReadAgainWithoutItsGaps() throws Exception {
        RegisterMap map = RegisterMapParser.parse("gaps.map", """
                map | gaps
                models | G
                value | a | 03 | 0 | uint16 | - | -1 | energy | kWh | current
                value | b | 03 | 5 | int32  | big | 0 | volume | m3 | current
                value | c | 03 | 9 | uint16 | - | 0 | power | kW | current
                """);
        int[] regs = new int[10];
        regs[0] = 1234;
        regs[5] = 0xFFFF;
        regs[6] = 0xFFFE;
        regs[9] = 7;
        // a slave that serves only the mapped registers, as many meters do
        RawSlave.Script strict = (unit, f, start, count) -> {
            for (int a = start; a < start + count; a++) {
                if (a != 0 && a != 5 && a != 6 && a != 9) {
                    return new RawSlave.Reply.Pdu(unit, new byte[] {(byte) 0x83, 2});
                }
            }
            return new RawSlave.Reply.Pdu(unit, RawSlave.registerAnswer(f, Arrays.copyOfRange(regs, start, start + count)));
        };
        try (RawSlave slave = RawSlave.tcp(strict);
             ModbusMaster master = ModbusMaster.open(ModbusAddress.parse("tcp://127.0.0.1:" + slave.port()), QUICK)) {
            assertThat(valuesOf(master.read(1, map))).containsExactly(Map.entry("a", new BigDecimal("123.4")),
                    Map.entry("b", BigDecimal.valueOf(-2)), Map.entry("c", BigDecimal.valueOf(7)));
            assertThat(slave.requests()).containsExactly("1 3 0 10", "1 3 0 1", "1 3 5 2", "1 3 9 1");
            // the unit is read exactly from then on
            master.read(1, map);
            assertThat(slave.requests()).hasSize(7);
        }
    }

    @Test
    void aClosedPortIsAChannelFailureNamingTheChannel() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (ModbusMaster master = ModbusMaster.open(ModbusAddress.parse("tcp://127.0.0.1:" + port), QUICK)) {
            assertThatThrownBy(() -> master.read(1, FunctionCode.READ_HOLDING_REGISTERS, 0, 1))
                    .isInstanceOf(ChannelFailureException.class)
                    .hasMessageStartingWith("unit 1 on tcp://127.0.0.1:" + port + ": cannot connect: ");
            assertThat(master.requests()).isEqualTo(1);
        }
    }

    @Test
    void unitIdsCountsAndAddressesOutsideModbusAreRefusedBeforeAnythingIsSent() {
        try (ModbusMaster rtu = ModbusMaster.open(ModbusAddress.parse("rtu:/dev/nothing-here"), QUICK)) {
            assertThatThrownBy(() -> rtu.read(0, FunctionCode.READ_HOLDING_REGISTERS, 0, 1))
                    .hasMessage("unit id 0 is outside 1–247");
            assertThatThrownBy(() -> rtu.read(248, FunctionCode.READ_HOLDING_REGISTERS, 0, 1))
                    .hasMessage("unit id 248 is outside 1–247");
            assertThatThrownBy(() -> rtu.read(1, FunctionCode.READ_HOLDING_REGISTERS, 0, 126))
                    .hasMessage("a read of holding registers takes 1–125, not 126");
            assertThatThrownBy(() -> rtu.read(1, FunctionCode.READ_COILS, 65530, 10))
                    .hasMessage("coils 65530..65539 lie outside 0..65535");
            assertThat(rtu.requests()).isZero();
            assertThatThrownBy(() -> rtu.read(1, FunctionCode.READ_COILS, 0, 1))
                    .isInstanceOf(ChannelFailureException.class)
                    .hasMessage("unit 1 on rtu:/dev/nothing-here?baud=9600&format=8E1: no such serial port");
        }
    }
}
