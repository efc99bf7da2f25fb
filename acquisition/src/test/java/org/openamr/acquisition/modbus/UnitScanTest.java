package org.openamr.acquisition.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openamr.modbus.FunctionCode;

class UnitScanTest {

    /** Units 3, 17 and 40 answer, 50 refuses function 03, a gateway answers 0B for 60, 61 answers as unit 62. */
    private static final RawSlave.Script BUS = (unit, f, start, count) -> {
        RawSlave.Script registers = RawSlave.registers(Map.of(3, new int[1], 17, new int[1], 40, new int[1]));
        return switch (unit) {
            case 50 -> new RawSlave.Reply.Pdu(50, new byte[] {(byte) 0x83, 1});
            case 60 -> new RawSlave.Reply.Pdu(60, new byte[] {(byte) 0x83, 0x0B});
            case 61 -> new RawSlave.Reply.Pdu(62, RawSlave.registerAnswer(3, new int[1]));
            default -> registers.reply(unit, f, start, count);
        };
    };

    @Test
    void findsExactlyTheUnitsThatAnswerWithOneRequestPerIdOnOneConnection() throws Exception {
        List<String> progress = new ArrayList<>();
        try (RawSlave slave = RawSlave.tcp(BUS);
             ModbusMaster master = ModbusMaster.open(ModbusAddress.parse("tcp://127.0.0.1:" + slave.port()),
                     ModbusSettings.SCAN.withResponseTimeout(Duration.ofMillis(100)))) {
            warmUp(slave.port());
            UnitScan.Result r = UnitScan.run(master, 1, 64, (p, done, total) ->
                    progress.add(p.unit() + ":" + p.outcome() + " " + done + "/" + total));
            assertThat(r.found()).containsExactly(3, 17, 40, 50);
            assertThat(r.tried()).isEqualTo(64);
            assertThat(r.requests()).isEqualTo(64);
            assertThat(r.probes().get(49).failure()).containsInstanceOf(SlaveRefusedException.class)
                    .hasValueSatisfying(e -> assertThat(e).hasMessageContaining("exception 01 Illegal function"));
            assertThat(r.probes().get(59).outcome()).isEqualTo(UnitScan.Outcome.UNREACHABLE);
            assertThat(r.garbled()).singleElement().satisfies(p -> {
                assertThat(p.unit()).isEqualTo(61);
                assertThat(p.failure()).containsInstanceOf(UnexpectedAnswerException.class)
                        .hasValueSatisfying(e -> assertThat(e).hasMessageEndingWith("the answer came from unit 62"));
            });
            assertThat(progress).hasSize(64).startsWith("1:SILENT 1/64").contains("3:ANSWERED 3/64", "50:REFUSED 50/64")
                    .endsWith("64:SILENT 64/64");
            assertThat(slave.requests()).hasSize(65).allMatch(s -> s.endsWith(" 3 0 1"));
            assertThat(slave.connections()).isEqualTo(2);
        }
    }

    /** The classes a first request loads take longer than the scan's timeout on a cold JVM. */
    private static void warmUp(int port) throws ModbusMasterException {
        try (ModbusMaster m = ModbusMaster.open(ModbusAddress.parse("tcp://127.0.0.1:" + port), ModbusSettings.DEFAULT)) {
            m.read(3, FunctionCode.READ_HOLDING_REGISTERS, 0, 1);
        }
    }

    @Test
    void aChannelThatCannotBeOpenedStopsTheScan() {
        try (ModbusMaster master = ModbusMaster.open(ModbusAddress.parse("rtu:/dev/no-such-port"), ModbusSettings.SCAN)) {
            assertThatThrownBy(() -> UnitScan.run(master, 1, 247, (p, done, total) -> { }))
                    .isInstanceOf(ChannelFailureException.class).hasMessageContaining("no such serial port");
            assertThatThrownBy(() -> UnitScan.run(master, 9, 8, (p, done, total) -> { }))
                    .hasMessage("unit range 9–8 is empty");
        }
    }
}
