package org.openamr.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.cli.CliRun;
import org.openamr.modbus.FunctionCode;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.value.RegisterBlock;
import org.openamr.modbus.value.RegisterDecoder;
import org.openamr.serial.LineSettings;
import org.openamr.serial.SerialTransport;
import org.openamr.simulator.modbus.Crc16;
import org.openamr.simulator.modbus.ModbusTruth;
import org.openamr.simulator.modbus.RtuFrame;
import org.openamr.simulator.modbus.UnitTruth;
import org.openamr.simulator.modbus.VirtualModbusBus;
import org.openamr.simulator.serve.Socat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SimulateModbusCommandIT {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final String AT = "2026-01-15T06:00:00Z";
    private static final Clock FIXED = Clock.fixed(Instant.parse(AT), ZoneOffset.UTC);

    @Test
    void twentyUnitsOverModbusTcpServeExactlyTheTruthItWrites(@TempDir Path dir) throws Exception {
        // The truth comes from a bus built independently from the same seed: the command must build
        // the units users expect from --seed and --units, not just some units.
        ModbusTruth truth = VirtualModbusBus.builder().seed(7).clock(FIXED).units(20).build().truth();
        RegisterMap map = VirtualModbusBus.defaultMap();
        Path truthFile = dir.resolve("truth.json");
        try (RunningSimulation sim = new RunningSimulation(Clock.systemUTC(), "modbus", "--units", "20", "--tcp", "0",
                "--bind", "127.0.0.1", "--seed", "7", "--at", AT, "--fault", "3:no-answer", "--truth-out",
                truthFile.toString())) {
            int port = sim.port();
            assertThat(sim.summary()).contains("OpenAMR virtual Modbus bus")
                    .contains("tcp       tcp://127.0.0.1:" + port + " (Modbus TCP)")
                    .contains("units     20 (unit ids 1-20), Danfoss SonoSafe 10 with a Modbus module")
                    .contains("map       Danfoss SonoMeter Modbus RTU module (danfoss-sonometer.map, unverified)")
                    .contains("faults    unit 3 never answers").contains("clock     fixed at " + AT)
                    .contains("seed      7").contains("truth     " + truthFile)
                    .contains("openamr modbus scan tcp://127.0.0.1:" + port)
                    .contains("openamr modbus read tcp://127.0.0.1:" + port + " 1")
                    .doesNotContain("line      ");
            JsonNode written = JsonMapper.builder().build().readTree(truthFile.toFile());
            assertThat(written.get("at").asString()).isEqualTo(AT);
            assertThat(written.get("units")).hasSize(20);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(3000);
                for (int unit = 1; unit <= 20; unit++) {
                    if (unit == 3) {
                        continue;
                    }
                    List<RegisterBlock> blocks = new ArrayList<>();
                    blocks.add(read(s, unit, 8, 125));
                    blocks.add(read(s, unit, 133, 32));
                    assertThat(RegisterDecoder.decodeAll(map, blocks)).as("unit %d", unit)
                            .isEqualTo(truth.unit(unit).decodable()).hasSize(map.values().size());
                    JsonNode values = written.get("units").get(unit - 1).get("values");
                    assertThat(new BigDecimal(values.get(0).get("value").asString()))
                            .isEqualTo(truth.unit(unit).value("heatEnergy").orElseThrow());
                }
                s.setSoTimeout(300);
                s.getOutputStream().write(mbap(3, 0x03, 8, 2));
                assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            }
            assertThat(sim.stop()).isZero();
            String out = sim.out.toString();
            assertThat(out).contains("Stopped after").contains("requests  39, 1 unanswered")
                    .contains("replies   38, 0 exceptions, 0 changed by faults").contains("clients   1 TCP connections");
            assertThat(sim.err.toString()).isEmpty();
        }
    }

    @Test
    void openamrModbusScanFindsEveryUnitAndReadGivesItsValuesExactly() throws Exception {
        ModbusTruth truth = VirtualModbusBus.builder().seed(4).clock(FIXED).units(20).build().truth();
        try (RunningSimulation sim = new RunningSimulation(Clock.systemUTC(), "modbus", "--units", "20", "--tcp", "0",
                "--bind", "127.0.0.1", "--seed", "4", "--at", AT)) {
            String channel = "tcp://127.0.0.1:" + sim.port();
            CliRun scan = CliRun.of("modbus", "scan", channel, "--from", "1", "--to", "22", "--timeout", "200ms");
            assertThat(scan.exit()).as(scan.err()).isZero();
            assertThat(scan.out()).endsWith(String.format("20 unit(s)%n"));
            for (int unit = 1; unit <= 20; unit++) {
                assertThat(scan.out()).containsPattern("(?m)^\\s+" + unit + "  ");
                assertMatchesTruth(CliRun.of("modbus", "read", channel, Integer.toString(unit), "--json"),
                        truth.unit(unit));
            }
        }
    }

    /** {@code openamr modbus read --json} gave every value of the unit's map as the truth has it, to the digit. */
    private static void assertMatchesTruth(CliRun read, UnitTruth truth) throws Exception {
        assertThat(read.exit()).as(read.err()).isZero();
        JsonNode records = JsonMapper.builder().build().readTree(read.out()).get("records");
        assertThat(records).hasSize(truth.values().size());
        for (JsonNode r : records) {
            String name = r.get("name").asString();
            assertThat(r.get("value").asString()).as("unit %d %s", truth.unit(), name)
                    .isEqualTo(truth.value(name).orElseThrow().toPlainString());
        }
    }

    @Test
    void rtuOverTcpAndOnAPseudoTerminalAtOnce(@TempDir Path dir) throws Exception {
        assumeThat(Socat.find()).as("socat installed").isPresent();
        Path tty = dir.resolve("ttyMODBUS0");
        ModbusTruth truth = VirtualModbusBus.builder().seed(1).clock(FIXED).unitIds(List.of(5, 200)).build().truth();
        try (RunningSimulation sim = new RunningSimulation(Clock.systemUTC(), "modbus", "--unit-ids", "5,200",
                "--rtu-tcp", "0", "--bind", "127.0.0.1", "--pty", tty.toString(), "--baud", "19200", "--format", "8N1",
                "--at", AT, "--fault", "200:crc", "--list")) {
            int port = sim.port();
            assertThat(sim.summary()).contains("rtu-tcp   rtu+tcp://127.0.0.1:" + port + " (RTU frames over TCP)")
                    .contains("pty       " + tty + " (open it as a serial port)")
                    .contains("line      19200 Bd 8N1, paced like the line (10 bits a character)")
                    .contains("units     2 (unit ids 5, 200)")
                    .contains("faults    unit 200 sends damaged replies")
                    .contains("openamr modbus scan rtu+tcp://127.0.0.1:" + port)
                    .containsPattern("    5  \\d{8}  Danfoss SonoSafe 10   -")
                    .contains("  200  " + truth.unit(200).meterId());
            String energy = String.format("%08X", Float.floatToIntBits(truth.unit(5).value("heatEnergy").orElseThrow()
                    .floatValue()));
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(3000);
                s.getOutputStream().write(new RtuFrame(5, HEX.parseHex("0300080002")).encode());
                byte[] reply = s.getInputStream().readNBytes(9);
                assertThat(HEX.formatHex(reply, 0, 7)).isEqualTo("050304" + energy);
                assertThat(Crc16.matches(reply, 9)).isTrue();
            }
            // The pseudo-terminal opened as a master opens a serial port: jSerialComm, at the line's settings.
            try (SerialTransport serial = new SerialTransport(tty.toString(), LineSettings.parse("19200,8N1"))) {
                serial.write(new RtuFrame(5, HEX.parseHex("0300080002")).encode());
                assertThat(HEX.formatHex(read(serial, 9), 0, 7)).isEqualTo("050304" + energy);
                serial.write(new RtuFrame(200, HEX.parseHex("0300080002")).encode());
                assertThat(Crc16.matches(read(serial, 9), 9)).as("unit 200's CRC is damaged").isFalse();
            }
            // The product's master reads the same values over both.
            assertMatchesTruth(CliRun.of("modbus", "read", "rtu+tcp://127.0.0.1:" + port, "5", "--json"), truth.unit(5));
            assertMatchesTruth(CliRun.of("modbus", "read", "rtu:" + tty + "?baud=19200&format=8N1", "5", "--json"),
                    truth.unit(5));
            assertThat(sim.stop()).isZero();
        }
        assertThat(Files.exists(tty)).as("socat removes its link").isFalse();
    }

    private static void assertOneLineError(CliRun r, String... fragments) {
        SimulateCommandIT.assertOneLineError("openamr simulate modbus", r, fragments);
    }

    @Test
    void badOptionsAreRefusedNamingThem(@TempDir Path dir) throws Exception {
        assertOneLineError(CliRun.of("simulate", "modbus", "--units", "5"), "--tcp", "--rtu-tcp", "--pty");
        assertOneLineError(CliRun.of("simulate", "modbus", "--tcp", "0", "--units", "248"), "--units must be 1..247");
        assertOneLineError(CliRun.of("simulate", "modbus", "--tcp", "0", "--units", "2", "--unit-ids", "1"),
                "not both");
        assertOneLineError(CliRun.of("simulate", "modbus", "--tcp", "0", "--unit-ids", "1-5,0"), "'0'", "1..247");
        assertOneLineError(CliRun.of("simulate", "modbus", "--tcp", "0", "--unit-ids", "9-3"), "runs backwards");
        assertOneLineError(CliRun.of("simulate", "modbus", "--tcp", "0", "--fault", "30:crc"), "no unit 30",
                "units are 1-20");
        assertOneLineError(CliRun.of("simulate", "modbus", "--tcp", "0", "--fault", "3:late"), "--fault 3:late",
                "unknown fault 'late'");
        assertOneLineError(CliRun.of("simulate", "modbus", "--tcp", "0", "--fault", "3:crc", "--fault", "3:no-answer"),
                "unit 3 is given two faults");
        assertOneLineError(CliRun.of("simulate", "modbus", "--tcp", "0", "--format", "7E1"), "--format", "8E1");
        assertOneLineError(CliRun.of("simulate", "modbus", "--tcp", "0", "--map", "acme"), "no register map 'acme'",
                "known: danfoss-sonometer (Danfoss SonoMeter Modbus RTU module)");
        assertOneLineError(CliRun.of("simulate", "modbus", "--tcp", "0", "--at", "yesterday"), "--at", "'yesterday'");
        assertOneLineError(CliRun.of("simulate", "modbus", "--rtu-tcp", "70000"), "--rtu-tcp must be a port");
        assertOneLineError(CliRun.of("simulate", "modbus", "--rtu-tcp", "0", "--baud", "0"), "--baud: a baud rate is"
                + " 50..921600, got 0");
        Path fahrenheit = Files.writeString(dir.resolve("us.map"), """
                map    | us
                models | test meter
                value | t | 03 | 0 | float32 | big | 0 | flowTemperature | °F | current
                """);
        assertOneLineError(CliRun.of("simulate", "modbus", "--tcp", "0", "--map", fahrenheit.toString()),
                "--map: register map 'us'", "°F");
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            int port = taken.getLocalPort();
            assertOneLineError(CliRun.of("simulate", "modbus", "--rtu-tcp", Integer.toString(port), "--duration", "1"),
                    "TCP port " + port + " is already in use", "--rtu-tcp 0");
        }
    }

    @Test
    void aMapByItsFileNameAndDurationStopsByItself() {
        CliRun r = CliRun.of("simulate", "modbus", "--tcp", "0", "--units", "1", "--map", "danfoss-sonometer",
                "--duration", "1", "--unpaced");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("tcp://0.0.0.0:").contains("(all interfaces)").contains("Stops after 1 s")
                .contains("clock     real time").contains("requests  0, 0 unanswered");
    }

    @Test
    void aPseudoTerminalAloneIsOfferedAsAQuotedRtuAddress(@TempDir Path dir) {
        assumeThat(Socat.find()).as("socat installed").isPresent();
        Path tty = dir.resolve("ttyMODBUS7");
        CliRun r = CliRun.of("simulate", "modbus", "--pty", tty.toString(), "--units", "2", "--duration", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("line      9600 Bd 8E1, paced like the line (11 bits a character)")
                .contains("openamr modbus scan 'rtu:" + tty + "?baud=9600&format=8E1'").doesNotContain("clients");
    }

    private static byte[] mbap(int unit, int function, int address, int count) {
        return HEX.parseHex(String.format("%04X00000006%02X%02X%04X%04X", unit, unit, function, address, count));
    }

    private static RegisterBlock read(Socket s, int unit, int address, int count) throws Exception {
        s.getOutputStream().write(mbap(unit, 0x03, address, count));
        InputStream in = s.getInputStream();
        byte[] header = in.readNBytes(9);
        assertThat(HEX.formatHex(header)).isEqualTo(String.format("%04X0000%04X%02X03%02X", unit, 3 + 2 * count, unit,
                2 * count));
        byte[] data = in.readNBytes(2 * count);
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            words[i] = (data[2 * i] & 0xFF) << 8 | data[2 * i + 1] & 0xFF;
        }
        return new RegisterBlock(FunctionCode.READ_HOLDING_REGISTERS, address, words);
    }

    /** {@code n} bytes, waiting up to 3 s for each burst. */
    private static byte[] read(SerialTransport port, int n) throws Exception {
        byte[] b = new byte[n];
        int got = 0;
        for (int r = -1; got < n && r != 0; got += r) {
            r = port.read(b, got, n - got, Duration.ofSeconds(3));
        }
        assertThat(got).as("bytes of the reply").isEqualTo(n);
        return b;
    }
}
