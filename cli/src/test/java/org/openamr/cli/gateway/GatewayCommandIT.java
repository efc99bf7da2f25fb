package org.openamr.cli.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.cli.CliRun;
import org.openamr.cli.OpenAmr;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.map.RegisterMaps;
import org.openamr.modbus.map.ValueDefinition;
import org.openamr.modbus.value.RegisterBlock;
import org.openamr.modbus.value.RegisterDecoder;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.serve.Pacing;
import org.openamr.simulator.serve.TcpBusServer;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The done criterion of the gateway: {@code openamr gateway} over a virtual M-Bus of 50 meters, read through
 * j2mod, gives every meter's energy and volume as {@code openamr read} prints them for the same meters.
 * The registers are decoded with the built-in map of slot 1 moved to each slot (stride 64).
 */
class GatewayCommandIT {

    private static final Pattern LISTENING = Pattern.compile("modbus    tcp://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void fiftyMetersThroughJ2modEqualWhatOpenamrReadPrints() throws Exception {
        VirtualBus bus = VirtualBus.builder().seed(42).clock(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"),
                ZoneOffset.UTC)).demo(50).build();
        StringBuilder lines = new StringBuilder();
        for (int p = 1; p <= 50; p++) {
            lines.append(p).append('\n');
        }
        Path meters = Files.writeString(dir.resolve("meters.txt"), lines);
        try (TcpBusServer server = TcpBusServer.start(bus, 0, Pacing.unpaced())) {
            String channel = "tcp://127.0.0.1:" + server.port();
            CommandLine cl = OpenAmr.commandLine();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            int[] exit = {-1};
            Thread gateway = new Thread(() -> exit[0] = cl.execute("gateway", "--bus", channel, "--meters", meters.toString(),
                    "--listen", "0", "--bind", "127.0.0.1", "--interval", "1h", "--serial", "16"), "gateway-under-test");
            gateway.start();
            try {
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (!out.toString().contains(" read-out 1: ") && gateway.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(out.toString()).as("err: %s", err).contains("read-out 1: 50 meters, 50 ok, 0 not answering");
                Matcher m = LISTENING.matcher(out.toString());
                assertThat(m.find()).as(out.toString()).isTrue();
                ModbusTCPMaster j2mod = new ModbusTCPMaster("127.0.0.1", Integer.parseInt(m.group(1)), 5000, false);
                j2mod.connect();
                try {
                    RegisterMap slotOne = RegisterMaps.builtIn().byName("OpenAMR gateway").orElseThrow();
                    int energies = 0;
                    for (int slot = 1; slot <= 50; slot++) {
                        JsonNode read = JsonMapper.builder().build().readTree(json(channel, slot));
                        int start = slot * 64; // the documented stride
                        InputRegister[] regs = j2mod.readMultipleRegisters(1, start, 64);
                        int[] words = new int[64];
                        for (int i = 0; i < 64; i++) {
                            words[i] = regs[i].toUnsignedShort();
                        }
                        RegisterBlock block = new RegisterBlock(org.openamr.modbus.FunctionCode.READ_HOLDING_REGISTERS,
                                64, words);
                        int present = RegisterDecoder.decode(def(slotOne, "valuesPresent"), List.of(block)).value().intValue();
                        assertThat(RegisterDecoder.decode(def(slotOne, "id"), List.of(block)).value())
                                .isEqualByComparingTo(read.get("header").get("id").asString());
                        Optional<String> volume = current(read, "volume", "m3");
                        assertThat(volume).isPresent();
                        assertThat(present & 2).as("volume present").isEqualTo(2);
                        assertThat(RegisterDecoder.decode(def(slotOne, "volume"), List.of(block)).value())
                                .as("slot %d volume", slot).isEqualByComparingTo(volume.get());
                        Optional<String> energy = current(read, "energy", "kWh");
                        assertThat((present & 1) != 0).as("slot %d energy present", slot).isEqualTo(energy.isPresent());
                        if (energy.isPresent()) {
                            energies++;
                            assertThat(RegisterDecoder.decode(def(slotOne, "energy"), List.of(block)).value())
                                    .as("slot %d energy", slot).isEqualByComparingTo(energy.get());
                        }
                    }
                    assertThat(energies).isGreaterThan(10);
                    // the built-in map through openamr modbus read: slot 1 and the gateway block
                    CliRun modbus = CliRun.of("modbus", "read", "tcp://127.0.0.1:" + m.group(1), "1", "--json", "--map",
                            "openamr-gateway");
                    assertThat(modbus.exit()).as(modbus.err()).isZero();
                    java.util.Map<String, String> byName = new java.util.HashMap<>();
                    JsonMapper.builder().build().readTree(modbus.out()).get("records")
                            .forEach(r -> byName.put(r.get("name").asString(), r.get("value").asString()));
                    JsonNode first = JsonMapper.builder().build().readTree(json(channel, 1));
                    assertThat(new BigDecimal(byName.get("volume"))).isEqualByComparingTo(current(first, "volume", "m3").orElseThrow());
                    assertThat(byName.get("id")).isEqualTo(first.get("header").get("id").asString());
                    assertThat(byName).containsEntry("gatewayMagic", "20289").containsEntry("metersOk", "50")
                            .containsEntry("gatewaySerial", "16");
                } finally {
                    j2mod.disconnect();
                }
            } finally {
                gateway.interrupt();
                gateway.join(30_000);
            }
            assertThat(gateway.isAlive()).isFalse();
            assertThat(exit[0]).isZero();
            assertThat(out.toString()).contains("OpenAMR M-Bus -> Modbus gateway").contains(" stopped");
        }
    }

    private static String json(String channel, int primary) {
        CliRun run = CliRun.of("read", channel, Integer.toString(primary), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        return run.out();
    }

    /** A definition of slot 1's map: the block read from slot K's start is handed over as if it began at 64. */
    private static ValueDefinition def(RegisterMap map, String name) {
        return map.value(name).orElseThrow();
    }

    /** The value of the current, tariff-0, subunit-0, instantaneous record of that quantity and unit. */
    private static Optional<String> current(JsonNode readout, String quantity, String unit) {
        for (JsonNode r : readout.get("records")) {
            if (r.get("quantity").asString().equals(quantity) && r.get("unit").asString().equals(unit)
                    && r.get("storage").asInt() == 0 && r.get("tariff").asInt() == 0 && r.get("subunit").asInt() == 0
                    && r.get("function").asString().equals("instantaneous") && !r.has("modifiers")) {
                return Optional.of(r.get("value").asString());
            }
        }
        return Optional.empty();
    }
}
