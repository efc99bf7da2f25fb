package org.openamr.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.acquisition.channel.BusConnection;
import org.openamr.acquisition.channel.WiredMeterAddress;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.RegisterKey;
import org.openamr.acquisition.readout.RegisterValue;
import org.openamr.acquisition.readout.TelegramReadouts;
import org.openamr.gateway.layout.GatewayMap;
import org.openamr.gateway.layout.Layout;
import org.openamr.gateway.layout.MeterStatus;
import org.openamr.gateway.layout.ValueFormat;
import org.openamr.gateway.layout.ValueSlot;
import org.openamr.gateway.meters.MeterEntry;
import org.openamr.gateway.reading.CycleResult;
import org.openamr.gateway.reading.Schedule;
import org.openamr.mbus.app.LongHeader;
import org.openamr.mbus.master.MBusMaster;
import org.openamr.mbus.master.Readout;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.modbus.map.ValueDefinition;
import org.openamr.modbus.map.WordOrder;
import org.openamr.modbus.value.RegisterEncoder;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.meter.VirtualMeter;
import org.openamr.simulator.serve.Pacing;
import org.openamr.simulator.serve.TcpBusServer;

/**
 * The gateway between real sockets: the simulator's virtual M-Bus behind its TCP gateway, the gateway
 * reading it, and j2mod, another Modbus library than the gateway's, reading the registers. What j2mod
 * reads is compared with what the M-Bus master itself reads of the same meters (the read of
 * {@code openamr read}), on a bus whose clock stands still so that both see the same values.
 */
class GatewayIT {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();

    private static VirtualBus bus(int meters) {
        return VirtualBus.builder().seed(16).clock(Clock.fixed(NOW, ZoneOffset.UTC)).demo(meters).build();
    }

    private GatewaySettings settings(TcpBusServer bus, Path meters, ValueFormat format, WordOrder order, boolean search) {
        return new GatewaySettings(BusConnection.of("tcp://127.0.0.1:" + bus.port(), 2400), meters, search,
                new Schedule.Every(Duration.ofMinutes(15)), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Optional.empty(), format, order, 4242, "0.1.0-SNAPSHOT", ZoneOffset.UTC);
    }

    private Gateway start(GatewaySettings settings) throws Exception {
        Gateway g = Gateway.open(settings, Clock.systemUTC(), log::add);
        g.serve();
        return g;
    }

    private static ModbusTCPMaster client(Gateway g) throws Exception {
        ModbusTCPMaster m = new ModbusTCPMaster("127.0.0.1", g.tcpAddress().getPort(), 5000, false);
        m.connect();
        return m;
    }

    /** What the M-Bus master reads of these meters, decoded as everywhere else: the path of {@code openamr read}. */
    private static List<MeterReadout> masterRead(TcpBusServer bus, List<WiredMeterAddress> meters) throws Exception {
        List<MeterReadout> out = new ArrayList<>();
        try (MBusMaster master = BusConnection.of("tcp://127.0.0.1:" + bus.port(), 2400).open(Clock.systemUTC())) {
            for (WiredMeterAddress a : meters) {
                Readout r = a.readWith(master);
                out.add(TelegramReadouts.builtIn().toReadout(r, ZoneOffset.UTC));
            }
        }
        return out;
    }

    private static Optional<BigDecimal> current(MeterReadout r, Quantity q, Unit unit) {
        RegisterKey key = RegisterKey.current(q, unit);
        return r.values().stream().filter(v -> v.key().equals(key)).map(RegisterValue::value).findFirst();
    }

    private static Path meterFile(Path dir, String lines) throws Exception {
        return Files.writeString(dir.resolve("meters.txt"), lines);
    }

    private static String primaries(int n) {
        StringBuilder sb = new StringBuilder();
        for (int p = 1; p <= n; p++) {
            sb.append(p).append('\n');
        }
        return sb.toString();
    }

    @Test
    @Timeout(120)
    void fiftyMetersReadThroughJ2modGiveTheEnergyAndVolumeTheMasterReads() throws Exception {
        VirtualBus virtual = bus(50);
        try (TcpBusServer server = TcpBusServer.start(virtual, 0, Pacing.unpaced());
             Gateway gateway = start(settings(server, meterFile(dir, primaries(50)), ValueFormat.INT32, WordOrder.BIG,
                     false))) {
            CycleResult cycle = gateway.readOnce();
            assertThat(cycle.ok()).isEqualTo(50);
            List<WiredMeterAddress> addresses = gateway.meters().entries().stream().map(MeterEntry::address).toList();
            List<MeterReadout> truth = masterRead(server, addresses);
            ModbusTCPMaster j2mod = client(gateway);
            try {
                GatewayClient client = new GatewayClient(j2mod, ValueFormat.INT32, WordOrder.BIG);
                int energies = 0;
                for (int slot = 1; slot <= 50; slot++) {
                    Map<String, BigDecimal> got = client.read(slot);
                    MeterReadout expected = truth.get(slot - 1);
                    VirtualMeter meter = virtual.meters().get(slot - 1);
                    assertThat(got.get("id")).as("slot %d", slot).isEqualByComparingTo(meter.id());
                    assertThat(got.get("manufacturer").intValue()).isEqualTo(meter.secondaryAddress().manufacturer());
                    assertThat(got.get("version").intValue()).isEqualTo(meter.secondaryAddress().version());
                    assertThat(got.get("medium").intValue()).isEqualTo(meter.secondaryAddress().medium());
                    assertThat(got.get("primaryAddress").intValue()).isEqualTo(slot);
                    assertThat(got.get("status").intValue()).isEqualTo(MeterStatus.OK.code());
                    assertThat(got.get("lastReadoutUnixTime").longValue()).isCloseTo(expected.readAt().getEpochSecond(),
                            org.assertj.core.data.Offset.offset(10L));
                    assertThat(got.get("age").longValue()).isBetween(0L, 60L);
                    Optional<BigDecimal> energy = current(expected, Quantity.ENERGY, Unit.KWH);
                    Optional<BigDecimal> volume = current(expected, Quantity.VOLUME, Unit.M3);
                    assertThat(volume).as("every demo meter counts volume").isPresent();
                    assertThat(got.get("volume")).as("slot %d volume", slot).isEqualByComparingTo(volume.get());
                    if (energy.isPresent()) {
                        energies++;
                        assertThat(got.get("energy")).as("slot %d energy", slot).isEqualByComparingTo(energy.get());
                    } else {
                        assertThat(got).as("a water meter's energy is 'no value'").doesNotContainKey("energy");
                        assertThat(client.holding(Layout.blockStart(slot) + ValueSlot.ENERGY.offset(), 2))
                                .containsExactly(0x8000, 0x0000);
                    }
                    assertThat(got.get("valuesRefused").intValue()).isZero();
                    assertThat(got.get("valuesRounded").intValue()).isZero();
                }
                assertThat(energies).as("heat meters among the fifty").isGreaterThan(10);
                Map<String, BigDecimal> g = client.read(1);
                assertThat(g.get("gatewayMagic").intValue()).isEqualTo(Layout.MAGIC);
                assertThat(g.get("gatewaySerial").intValue()).isEqualTo(4242);
                assertThat(g.get("softwareVersionMinor").intValue()).isEqualTo(1);
                assertThat(g.get("meterSlots").intValue()).isEqualTo(50);
                assertThat(g.get("metersOk").intValue()).isEqualTo(50);
                assertThat(g.get("cycles").intValue()).isEqualTo(1);
                assertThat(g.get("nextCycleUnixTime").longValue() - g.get("lastCycleUnixTime").longValue())
                        .isBetween(890L, 900L);
                assertThat(client.input(Layout.blockStart(7), Layout.BLOCK))
                        .as("input registers hold the holding registers' words")
                        .containsExactly(client.holding(Layout.blockStart(7), Layout.BLOCK));
                assertThat(client.holding(Layout.blockStart(50) + 61, 3)).hasSize(3);
                // registers it does not serve: exception 02, illegal data address
                for (int[] range : new int[][] {{Layout.blockStart(51), 1}, {Layout.blockStart(50) + 60, 10},
                        {65_000, 100}}) {
                    assertThatThrownBy(() -> j2mod.readMultipleRegisters(GatewayClient.UNIT, range[0], range[1]))
                            .as("03 at %d, %d registers", range[0], range[1])
                            .isInstanceOfSatisfying(ModbusSlaveException.class, e -> assertThat(e.getType()).isEqualTo(2));
                    assertThatThrownBy(() -> j2mod.readInputRegisters(GatewayClient.UNIT, range[0], range[1]))
                            .isInstanceOfSatisfying(ModbusSlaveException.class, e -> assertThat(e.getType()).isEqualTo(2));
                }
                assertThatThrownBy(() -> j2mod.readCoils(GatewayClient.UNIT, 0, 8)).as("coils: illegal function")
                        .isInstanceOfSatisfying(ModbusSlaveException.class, e -> assertThat(e.getType()).isEqualTo(1));
            } finally {
                j2mod.disconnect();
            }
        }
        assertThat(log).anySatisfy(l -> assertThat(l).startsWith("meter file ").endsWith("slots assigned and written"))
                .anySatisfy(l -> assertThat(l).startsWith("read-out 1: 50 meters, 50 ok, 0 not answering, 0 bad answers"));
    }

    @Test
    @Timeout(120)
    void everyCodingAndWordOrderCarriesTheSameValues() throws Exception {
        VirtualBus virtual = bus(8);
        try (TcpBusServer server = TcpBusServer.start(virtual, 0, Pacing.unpaced())) {
            List<MeterReadout> truth = null;
            for (ValueFormat format : ValueFormat.values()) {
                for (WordOrder order : WordOrder.values()) {
                    Path sub = Files.createDirectories(dir.resolve(format + "-" + order));
                    try (Gateway gateway = start(settings(server, meterFile(sub, primaries(8)), format, order, false))) {
                        assertThat(gateway.readOnce().ok()).isEqualTo(8);
                        if (truth == null) {
                            truth = masterRead(server, gateway.meters().entries().stream().map(MeterEntry::address).toList());
                        }
                        ModbusTCPMaster j2mod = client(gateway);
                        try {
                            GatewayClient client = new GatewayClient(j2mod, format, order);
                            for (int slot = 1; slot <= 8; slot++) {
                                Map<String, BigDecimal> got = client.read(slot);
                                assertThat(got.get("wordOrder").intValue()).isEqualTo(order == WordOrder.BIG ? 0 : 1);
                                assertThat(got.get("valueFormat").intValue()).isEqualTo(format.code());
                                assertThat(got.get("id")).isEqualByComparingTo(virtual.meters().get(slot - 1).id());
                                for (ValueSlot v : List.of(ValueSlot.ENERGY, ValueSlot.VOLUME, ValueSlot.FLOW_TEMPERATURE,
                                        ValueSlot.VOLUME_DUE_DATE)) {
                                    Optional<BigDecimal> sent = truth.get(slot - 1).values().stream()
                                            .filter(x -> x.key().equals(new RegisterKey(v.quantity(), v.unit(), v.storage(),
                                                    v.tariff(), v.subunit(), org.openamr.mbus.record.Function.INSTANTANEOUS)))
                                            .map(RegisterValue::value).findFirst();
                                    if (sent.isEmpty()) {
                                        assertThat(got).doesNotContainKey(v.mapName());
                                        continue;
                                    }
                                    ValueDefinition def = Layout.value(slot, v, format, order);
                                    BigDecimal expected = format == ValueFormat.INT32 ? sent.get()
                                            : RegisterEncoder.served(def, sent.get(), 0);
                                    assertThat(got.get(v.mapName())).as("%s %s slot %d %s", format, order, slot, v)
                                            .isEqualByComparingTo(expected);
                                }
                            }
                        } finally {
                            j2mod.disconnect();
                        }
                    }
                }
            }
        }
    }

    @Test
    @Timeout(120)
    void slotsSurviveARestartAndAMeterThatStopsAnsweringKeepsItsSlot() throws Exception {
        VirtualBus virtual = bus(6);
        List<VirtualMeter> m = virtual.meters();
        Path file = meterFile(dir, m.get(2).secondaryAddress() + "\n" + m.get(0).secondaryAddress() + "\n"
                + m.get(4).secondaryAddress() + "  # flat 5\n");
        try (TcpBusServer server = TcpBusServer.start(virtual, 0, Pacing.unpaced())) {
            try (Gateway first = start(settings(server, file, ValueFormat.INT32, WordOrder.BIG, false))) {
                assertThat(first.readOnce().ok()).isEqualTo(3);
            }
            Files.writeString(file, Files.readString(file) + "2\n");
            try (Gateway second = start(settings(server, file, ValueFormat.INT32, WordOrder.BIG, false))) {
                assertThat(second.readOnce().ok()).isEqualTo(4);
                ModbusTCPMaster j2mod = client(second);
                try {
                    GatewayClient client = new GatewayClient(j2mod, ValueFormat.INT32, WordOrder.BIG);
                    assertThat(client.read(1).get("id")).isEqualByComparingTo(m.get(2).id());
                    assertThat(client.read(2).get("id")).isEqualByComparingTo(m.get(0).id());
                    assertThat(client.read(3).get("id")).isEqualByComparingTo(m.get(4).id());
                    assertThat(client.read(4).get("id")).as("the meter added later").isEqualByComparingTo(m.get(1).id());
                    assertThat(client.read(3).get("primaryAddress").intValue()).isEqualTo(Layout.NO_PRIMARY);
                    assertThat(client.read(4).get("primaryAddress").intValue()).isEqualTo(2);
                    Map<String, BigDecimal> before = client.read(3);

                    assertThat(virtual.remove(m.get(4).secondaryAddress())).isTrue();
                    CycleResult r = second.readOnce();
                    assertThat(r.ok()).isEqualTo(3);
                    assertThat(r.notAnswering()).isEqualTo(1);
                    Map<String, BigDecimal> after = client.read(3);
                    assertThat(after.get("status").intValue()).isEqualTo(MeterStatus.NOT_ANSWERING.code());
                    assertThat(after.get("failedAttempts").intValue()).isEqualTo(1);
                    assertThat(after.get("id")).as("the slot keeps its meter").isEqualByComparingTo(m.get(4).id());
                    assertThat(after.get("volume")).as("the last good values stay").isEqualByComparingTo(before.get("volume"));
                    assertThat(after.get("lastReadoutUnixTime")).isEqualByComparingTo(before.get("lastReadoutUnixTime"));
                    assertThat(after.get("lastAttemptUnixTime")).isGreaterThanOrEqualTo(before.get("lastAttemptUnixTime"));
                    assertThat(after.get("metersNotAnswering").intValue()).isEqualTo(1);
                    assertThat(client.read(4).get("status").intValue()).isEqualTo(MeterStatus.OK.code());
                } finally {
                    j2mod.disconnect();
                }
            }
        }
        assertThat(Files.readString(file)).contains("1 " + m.get(2).secondaryAddress() + "\n")
                .contains("3 " + m.get(4).secondaryAddress() + "  # flat 5\n").contains("4 2\n");
        assertThat(log).anySatisfy(l -> assertThat(l).startsWith("slot 3 (" + m.get(4).secondaryAddress() + "): not answering"));
    }

    @Test
    @Timeout(120)
    void theSearchAppendsTheMetersTheFileDoesNotList() throws Exception {
        VirtualBus virtual = bus(5);
        Path file = meterFile(dir, "1 1\n2 2\n");
        try (TcpBusServer server = TcpBusServer.start(virtual, 0, Pacing.unpaced());
             Gateway gateway = start(settings(server, file, ValueFormat.INT32, WordOrder.BIG, true))) {
            CycleResult r = gateway.readOnce();
            assertThat(r.ok()).isEqualTo(5);
            assertThat(gateway.meters().entries()).hasSize(5);
            assertThat(gateway.meters().entries().stream().skip(2).map(e -> e.address().secondary()).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrderElementsOf(virtual.meters().stream().skip(2)
                            .map(VirtualMeter::secondaryAddress).toList());
            assertThat(gateway.readOnce().ok()).as("no second search").isEqualTo(5);
        }
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList();
        assertThat(lines).hasSize(5).startsWith("1 1", "2 2");
        assertThat(lines.get(2)).startsWith("3 ").contains("# found by the search");
        assertThat(log).anySatisfy(l -> assertThat(l).isEqualTo("search: 5 meters on the bus, 3 new"));
    }

    @Test
    @Timeout(120)
    void withTheSearchAMissingMeterFileIsCreated() throws Exception {
        VirtualBus virtual = bus(3);
        Path file = dir.resolve("new-meters.txt");
        try (TcpBusServer server = TcpBusServer.start(virtual, 0, Pacing.unpaced());
             Gateway gateway = start(settings(server, file, ValueFormat.INT32, WordOrder.BIG, true))) {
            assertThat(gateway.image().registers()).as("before the first read-out: the gateway block only")
                    .isEqualTo(Layout.BLOCK);
            assertThat(gateway.readOnce().ok()).isEqualTo(3);
            assertThat(gateway.image().registers()).isEqualTo(4 * Layout.BLOCK);
        }
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.stream().map(l -> l.split(" ")[0]).toList()).containsExactly("1", "2", "3");
        assertThat(lines.stream().map(l -> l.split(" ")[1]).toList()).containsExactlyInAnyOrderElementsOf(
                virtual.meters().stream().map(m -> m.secondaryAddress().toString()).toList());
    }
}
