package org.openamr.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.cli.CliRun;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.record.DataRecord;
import org.openamr.mbus.record.RecordDecoder;
import org.openamr.mbus.value.Value;
import org.openamr.simulator.bus.BusTruth;
import org.openamr.simulator.bus.Faults;
import org.openamr.simulator.bus.IdScheme;
import org.openamr.simulator.bus.MeterInfo;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.meter.Reading;
import org.openamr.simulator.meter.Register;
import org.openamr.simulator.model.ConsumptionModel;
import org.openamr.simulator.serve.Socat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SimulateCommandIT {

    private static final Instant NOW = LocalDateTime.of(2025, 12, 1, 3, 0).atZone(ConsumptionModel.MOSCOW).toInstant();
    private static final Clock FIXED = Clock.fixed(NOW, ZoneOffset.UTC);

    private final JsonMapper json = JsonMapper.builder().build();

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void readOverTcpGivesExactlyTheSimulatorsTruth() throws Exception {
        // The truth comes from a bus built independently from the same seed: the command must build
        // the segment users expect from --seed and --meters, not just some segment.
        BusTruth truth = VirtualBus.builder().seed(7).clock(FIXED).demo(5, IdScheme.RANDOM).build().truth();
        try (RunningSimulation sim = new RunningSimulation(FIXED, "--meters", "5", "--unpaced", "--seed", "7", "--tcp", "0",
                "--bind", "127.0.0.1")) {
            int port = sim.port();
            assertThat(sim.summary()).contains("tcp://127.0.0.1:" + port)
                    .contains("openamr scan tcp://127.0.0.1:" + port)
                    .contains("openamr read tcp://127.0.0.1:" + port + " 1")
                    .contains("meters    5 (primary addresses 1-5)")
                    .contains("unpaced").contains("faults    none").contains("seed      7");
            for (int primary = 1; primary <= 5; primary++) {
                CliRun r = run("read", "tcp://127.0.0.1:" + port, Integer.toString(primary), "--json");
                assertThat(r.exit()).as("read %d: %s", primary, r.err()).isZero();
                SecondaryAddress meter = truth.atPrimary(primary).orElseThrow();
                assertMatchesTruth(json.readTree(r.out()), truth.reading(meter), truth.meter(meter).type().manufacturer());
            }
            assertThat(sim.stop()).isZero();
            String out = sim.out.toString();
            // 5 readouts, each at least SND_NKE and one REQ_UD2; every frame was for a meter.
            Matcher frames = Pattern.compile("frames\\s+(\\d+) from the master, 0 unanswered").matcher(out);
            assertThat(frames.find()).as(out).isTrue();
            assertThat(Integer.parseInt(frames.group(1))).isGreaterThanOrEqualTo(10);
            assertThat(out).contains("Stopped after").contains("clients   5 TCP connections")
                    .contains("0 lost, 0 corrupted, 0 late");
            assertThat(sim.err.toString()).isEmpty();
        }
    }

    /** Every record of the CLI's JSON carries exactly the truth's value; every register is there once. */
    private static void assertMatchesTruth(JsonNode readout, Reading truth, String manufacturer) throws Exception {
        JsonNode h = readout.get("header");
        assertThat(h.get("secondaryAddress").asString()).isEqualTo(truth.meter().toString());
        assertThat(h.get("id").asString()).isEqualTo(truth.meter().id());
        assertThat(h.get("manufacturer").asString()).isEqualTo(manufacturer);
        assertThat(h.get("status").asInt()).isEqualTo(truth.status().value());
        Set<Register> seen = EnumSet.noneOf(Register.class);
        for (JsonNode rec : readout.get("records")) {
            byte[] bytes = HexFormat.of().parseHex(rec.get("dib").asString() + rec.get("vib").asString()
                    + rec.get("data").asString());
            DataRecord record = RecordDecoder.decode(bytes, 0, bytes.length, false).records().get(0);
            Register reg = Register.of(record).orElseThrow(() -> new AssertionError("record of no register: " + rec));
            assertThat(seen.add(reg)).as("%s sent once", reg).isTrue();
            Value expected = truth.value(reg);
            if (expected instanceof Value.Unavailable) {
                assertThat(rec.get("valid").asBoolean()).as("%s of %s", reg, truth.meter()).isFalse();
            } else {
                assertThat(rec.has("valid")).as("%s of %s is valid", reg, truth.meter()).isFalse();
                assertThat(rec.get("value").asString()).as("%s of %s", reg, truth.meter()).isEqualTo(expected.text());
            }
        }
        assertThat(seen).isEqualTo(truth.values().keySet());
    }

    @Test
    void durationStopsByItselfAndListShowsTheMetersOnAllInterfaces() {
        BusTruth truth = VirtualBus.builder().seed(3).demo(4, IdScheme.CONSECUTIVE).build().truth();
        long start = System.nanoTime();
        CliRun r = run("simulate", "--meters", "4", "--ids", "consecutive", "--seed", "3", "--tcp", "0", "--duration", "1",
                "--list", "--faults", "0.06", "--baud", "9600");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.exit()).as(r.err()).isZero();
        // it stops by itself (the call returned) and not before its second; how much later depends on the machine
        assertThat(millis).isGreaterThanOrEqualTo(900L);
        assertThat(r.out()).containsPattern("tcp://0\\.0\\.0\\.0:\\d+ \\(all interfaces\\)")
                .containsPattern("openamr read tcp://127\\.0\\.0\\.1:\\d+ 1 --baud 9600")
                .contains("9600 Bd, paced").contains("6 % of replies").contains("ids consecutive")
                .contains("Stops after 1 s").contains("Stopped after");
        for (MeterInfo m : truth.meters()) {
            assertThat(r.out()).containsPattern("\\s" + m.primaryAddress() + "\\s+" + m.secondaryAddress() + "\\s+"
                    + Pattern.quote(m.type().displayName()));
        }
        assertThat(r.err()).isEmpty();
    }

    @Test
    void readOverThePseudoTerminal(@TempDir Path dir) throws Exception {
        assumeThat(Socat.find()).as("socat installed (apt-get install -y socat)").isPresent();
        Path tty = dir.resolve("ttyMBUS0");
        BusTruth truth = VirtualBus.builder().seed(5).clock(FIXED).demo(2).build().truth();
        try (RunningSimulation sim = new RunningSimulation(FIXED, "--meters", "2", "--seed", "5", "--unpaced", "--pty", tty.toString())) {
            assertThat(sim.summary()).contains("pty       " + tty).contains("openamr read " + tty + " 1")
                    .doesNotContain("tcp://");
            assertThat(Files.isSymbolicLink(tty)).isTrue();
            CliRun r = run("read", tty.toString(), "2", "--json");
            assertThat(r.exit()).as(r.err()).isZero();
            SecondaryAddress meter = truth.atPrimary(2).orElseThrow();
            assertMatchesTruth(json.readTree(r.out()), truth.reading(meter), truth.meter(meter).type().manufacturer());
            assertThat(sim.stop()).isZero();
            assertThat(Files.exists(tty, java.nio.file.LinkOption.NOFOLLOW_LINKS)).as("link removed on stop").isFalse();
        }
    }

    @Test
    void simulationStartsAndStopsInProcessAndFreesItsPort() throws Exception {
        SimulationSettings s = new SimulationSettings(3, IdScheme.RANDOM, 1, Faults.none(), 2400, false,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, FIXED);
        int port;
        try (Simulation sim = Simulation.start(s)) {
            port = sim.tcpPort();
            assertThat(port).isPositive();
            assertThat(sim.localChannel()).isEqualTo("tcp://127.0.0.1:" + port);
            assertThat(sim.ptyPath()).isEmpty();
            assertThat(sim.bus().truth().secondaryAddresses())
                    .isEqualTo(s.newBus().truth().secondaryAddresses()).hasSize(3);
        }
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    // ---- errors: one line on stderr, exit code 2, no stack trace ----------------------------------

    private static void assertOneLineError(CliRun r, String... fragments) {
        assertOneLineError("openamr simulate", r, fragments);
    }

    /** The run of {@code command} failed with exit code 2 and one line on stderr holding every fragment. */
    static void assertOneLineError(String command, CliRun r, String... fragments) {
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith(command + ": ").contains(fragments)
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).doesNotContain("Try:");
    }

    @Test
    void withoutTcpOrPtyThereIsNothingToServe() {
        assertOneLineError(run("simulate", "--meters", "5"), "--tcp", "--pty");
    }

    @Test
    void portInUseIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0)); // every interface, as simulate binds by default
            int port = taken.getLocalPort();
            assertOneLineError(run("simulate", "--meters", "5", "--tcp", Integer.toString(port), "--duration", "1"),
                    "TCP port " + port + " is already in use", "--tcp 0");
        }
    }

    @Test
    void badFaultRatesAreRefused() {
        for (String bad : List.of("1.5", "-0.1", "abc", "NaN", "5%")) {
            assertOneLineError(run("simulate", "--tcp", "0", "--faults", bad), "--faults", "0..1", "'" + bad + "'");
        }
    }

    @Test
    void meterCountOutsideTheSegmentIsRefused() {
        assertOneLineError(run("simulate", "--tcp", "0", "--meters", "0"), "--meters must be 1..5000, got 0");
        assertOneLineError(run("simulate", "--tcp", "0", "--meters", "5001"), "--meters must be 1..5000, got 5001");
    }

    @Test
    void otherBadOptionsAreRefused() {
        assertOneLineError(run("simulate", "--tcp", "0", "--baud", "1000"), "--baud", "2400", "1000");
        assertOneLineError(run("simulate", "--tcp", "0", "--ids", "sequential"), "--ids is random or consecutive");
        assertOneLineError(run("simulate", "--tcp", "70000"), "--tcp must be a port 0..65535");
        assertOneLineError(run("simulate", "--tcp", "0", "--duration", "-1"), "--duration");
        assertOneLineError(run("simulate", "--pty", "/tmp/x", "--bind", "127.0.0.1"), "--bind", "--tcp");
    }

    @Test
    void aPtyThatCannotStartLeavesNoTcpServerBehind(@TempDir Path dir) throws Exception {
        assumeThat(Socat.find()).as("socat installed").isPresent();
        Path occupied = Files.writeString(dir.resolve("ttyMBUS0"), "a regular file, not socat's link");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertOneLineError(run("simulate", "--tcp", Integer.toString(port), "--pty", occupied.toString()),
                "pseudo-terminal", occupied.toString(), "not a link");
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(port));
            assertThat(again.getLocalPort()).as("the TCP server started first was closed").isEqualTo(port);
        }
    }
}
