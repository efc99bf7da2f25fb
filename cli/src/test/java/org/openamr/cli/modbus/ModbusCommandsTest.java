package org.openamr.cli.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.cli.CliRun;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.map.RegisterMaps;
import org.openamr.modbus.map.Scale;
import org.openamr.modbus.map.ValueDefinition;
import org.openamr.modbus.value.RegisterEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ModbusCommandsTest {

    private static final RegisterMap DANFOSS = RegisterMaps.builtIn().all().get(0);
    private static final Map<String, BigDecimal> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put("heatEnergy", new BigDecimal("12345.6"));
        VALUES.put("volume", new BigDecimal("987.654"));
        VALUES.put("flowTemperature", new BigDecimal("70.3"));
        VALUES.put("errorCode", new BigDecimal("0"));
    }

    @TempDir
    Path dir;

    private static int[] danfossRegisters() {
        int[] regs = new int[165];
        VALUES.forEach((name, v) -> {
            int[] words = RegisterEncoder.encode(DANFOSS.value(name).orElseThrow(), v);
            System.arraycopy(words, 0, regs, DANFOSS.value(name).orElseThrow().address(), words.length);
        });
        return regs;
    }

    private static BigDecimal served(String name) {
        ValueDefinition def = DANFOSS.value(name).orElseThrow();
        return RegisterEncoder.served(def, VALUES.get(name), ((Scale.Fixed) def.scale()).exponent());
    }

    @Test
    void scanListsTheUnitsThatAnswerAndShowsProgressOnStderr() throws Exception {
        try (TcpSlave slave = TcpSlave.serve(Map.of(2, new int[4], 5, new int[4]))) {
            CliRun run = CliRun.of("modbus", "scan", slave.address(), "--from", "1", "--to", "8", "--timeout", "150ms");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo(String.format("unit  answer%n   2  registers%n   5  registers%n2 unit(s)%n"));
            assertThat(run.err()).contains("unit 8, 2 found", "100%", "8 unit id(s) tried with 8 request(s)");
        }
    }

    @Test
    void readPrintsTheValuesOfTheDefaultMapAsATable() throws Exception {
        try (TcpSlave slave = TcpSlave.serve(Map.of(5, danfossRegisters()))) {
            CliRun run = CliRun.of("modbus", "read", slave.address(), "5", "--timeout", "2s");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).startsWith("Read               unit 5 on " + slave.address() + " at ")
                    .contains("(2 requests, ", "Map                Danfoss SonoMeter Modbus RTU module"
                            + " (danfoss-sonometer.map)", "Unverified         addresses, word order")
                    .containsPattern("\\n  1        0      0       0  instantaneous  energy +12345\\.6  kWh   heatEnergy\\n")
                    .containsPattern("  volume +987\\.654  m3    volume\\n")
                    .contains("°C");
            assertThat(served("volume")).isEqualByComparingTo("987.654");
        }
    }

    @Test
    void readAsJsonGivesEveryValueExactlyAsAString() throws Exception {
        try (TcpSlave slave = TcpSlave.serve(Map.of(5, danfossRegisters()))) {
            CliRun run = CliRun.of("modbus", "read", slave.address(), "5", "--json", "--map", "danfoss-sonometer");
            assertThat(run.exit()).as(run.err()).isZero();
            JsonNode root = JsonMapper.builder().build().readTree(run.out());
            assertThat(root.get("channel").asString()).isEqualTo(slave.address());
            assertThat(root.get("unit").asInt()).isEqualTo(5);
            assertThat(root.get("requests").asInt()).isEqualTo(2);
            assertThat(root.get("map").asString()).isEqualTo("Danfoss SonoMeter Modbus RTU module");
            assertThat(root.get("records")).hasSize(DANFOSS.values().size());
            for (JsonNode r : root.get("records")) {
                String name = r.get("name").asString();
                assertThat(r.get("value").isString()).isTrue();
                assertThat(r.get("function").asString()).isEqualTo("instantaneous");
                if (VALUES.containsKey(name)) {
                    assertThat(r.get("value").asString()).as(name).isEqualTo(served(name).toPlainString());
                }
            }
            JsonNode energy = root.get("records").get(0);
            assertThat(energy.get("quantity").asString()).isEqualTo("energy");
            assertThat(energy.get("unit").asString()).isEqualTo("kWh");
            assertThat(energy.get("value").asString()).isEqualTo("12345.6");
        }
    }

    @Test
    void aMapOfTheMapsDirectoryIsFoundByItsName() throws Exception {
        Files.createDirectories(dir.resolve("maps"));
        Files.writeString(dir.resolve("maps").resolve("acme-hm5.map"), """
                map | Acme HM-5
                models | HM-5
                value | energy | 03 | 0 | int16 | - | +1 | energy | kWh | current
                """);
        try (TcpSlave slave = TcpSlave.serve(Map.of(1, new int[] {0xFFFE}))) {
            for (String name : new String[] {"acme-hm5", "Acme HM-5"}) {
                CliRun run = CliRun.of("modbus", "read", slave.address(), "1", "--maps", dir.resolve("maps").toString(),
                        "--map", name, "--json");
                assertThat(run.exit()).as(run.err()).isZero();
                JsonNode root = JsonMapper.builder().build().readTree(run.out());
                assertThat(root.get("map").asString()).isEqualTo("Acme HM-5");
                assertThat(root.get("records").get(0).get("value").asString()).isEqualTo("-20");
            }
        }
    }

    @Test
    void aMapFileIsReadFromItsPath() throws Exception {
        Path file = dir.resolve("mine.map");
        Files.writeString(file, """
                map | mine
                models | M
                value | counter | 03 | 2 | uint32 | little | -3 | volume | m3 | current
                """);
        try (TcpSlave slave = TcpSlave.serve(Map.of(1, new int[] {0, 0, 0xE240, 0x0001}))) {
            CliRun run = CliRun.of("modbus", "read", slave.address(), "1", "--map", file.toString(), "--json");
            assertThat(run.exit()).as(run.err()).isZero();
            JsonNode record = JsonMapper.builder().build().readTree(run.out()).get("records").get(0);
            assertThat(record.get("name").asString()).isEqualTo("counter");
            assertThat(record.get("value").asString()).isEqualTo("123.456");
        }
    }

    @Test
    void badInputIsOneLineWithoutAStackTrace() throws Exception {
        assertOneLineError(CliRun.of("modbus", "read", "udp://h:502", "1"), 2,
                "openamr modbus read: Modbus address 'udp://h:502' starts with neither tcp://, rtu+tcp:// nor rtu:");
        assertOneLineError(CliRun.of("modbus", "read", "rtu:/dev/ttyUSB0?baud=600", "1"), 2,
                "openamr modbus read: Modbus address 'rtu:/dev/ttyUSB0?baud=600': baud 600 is outside 1200–115200");
        assertOneLineError(CliRun.of("modbus", "read", "tcp://h", "1", "--map", "acme"), 2,
                "openamr modbus read: --map: no register map 'acme'; known: danfoss-sonometer (Danfoss SonoMeter"
                        + " Modbus RTU module)");
        Path bad = dir.resolve("bad.map");
        Files.writeString(bad, "map | bad\nmodels | B\nvalue | x | 07 | 0 | uint16 | - | 0 | volume | m3 | current\n");
        assertOneLineError(CliRun.of("modbus", "read", "tcp://h", "1", "--map", bad.toString()), 2,
                "openamr modbus read: " + bad + ", line 3: function '07' is not 01 (coils)");
        assertOneLineError(CliRun.of("modbus", "read", "tcp://h", "1", "--map", dir.resolve("none.map").toString()), 2,
                "openamr modbus read: --map: no map file");
        assertOneLineError(CliRun.of("modbus", "read", "tcp://h", "1", "--maps", dir.resolve("maps").toString()), 2,
                "openamr modbus read: --maps: cannot read the directory " + dir.resolve("maps") + ": no such directory");
        assertOneLineError(CliRun.of("modbus", "read", "rtu:/dev/ttyUSB0", "300"), 2,
                "openamr modbus read: unit id 300 is outside 1–247");
        assertOneLineError(CliRun.of("modbus", "scan", "tcp://h", "--from", "0"), 2,
                "openamr modbus scan: --from and --to give a range within 1-247, got 0-247");
        assertOneLineError(CliRun.of("modbus", "scan", "tcp://h", "--timeout", "soon"), 2,
                "openamr modbus scan: --timeout: 'soon' is no duration");
        assertOneLineError(CliRun.of("modbus", "read", "rtu:/dev/no-such-port", "1"), 2,
                "openamr modbus read: unit 1 on rtu:/dev/no-such-port?baud=9600&format=8E1: no such serial port");
        assertOneLineError(CliRun.of("modbus", "scan", "rtu:/dev/no-such-port"), 2,
                "openamr modbus scan: unit 1 on rtu:/dev/no-such-port?baud=9600&format=8E1: no such serial port");
    }

    @Test
    void aUnitThatDoesNotAnswerIsExitCodeOne() throws Exception {
        try (TcpSlave slave = TcpSlave.serve(Map.of(1, new int[4]))) {
            assertOneLineError(CliRun.of("modbus", "read", slave.address(), "7", "--timeout", "100ms", "--attempts", "2"),
                    1, "openamr modbus read: unit 7 on " + slave.address() + ": no complete answer within 100 ms"
                            + " (2 attempts)");
        }
    }

    private static void assertOneLineError(CliRun run, int exit, String message) {
        assertThat(run.exit()).as(run.err()).isEqualTo(exit);
        assertThat(run.err()).startsWith(message).doesNotContain("\tat ", "Exception");
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }
}
