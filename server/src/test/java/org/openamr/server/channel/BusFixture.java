package org.openamr.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.master.MBusMaster;
import org.openamr.mbus.master.MasterException;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.transport.TcpTransport;
import org.openamr.mbus.value.Value;
import org.openamr.simulator.bus.MeterInfo;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.meter.Reading;
import org.openamr.simulator.meter.Register;
import org.openamr.simulator.serve.Pacing;
import org.openamr.simulator.serve.TcpBusServer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A virtual bus behind a TCP gateway, at 38400 baud (the fastest M-Bus speed: a silent meter costs
 * the shortest response window) with a fixed clock, so that every value the meters send is known
 * exactly beforehand; and the checks that compare stored readings with that truth.
 */
final class BusFixture implements AutoCloseable {

    static final int BAUD = 38400;
    static final Clock BUS_CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:30:00Z"), ZoneOffset.UTC);

    final VirtualBus bus;
    final TcpBusServer server;

    private BusFixture(VirtualBus bus, TcpBusServer server) {
        this.bus = bus;
        this.server = server;
    }

    /** Unpaced: replies go out at once, for fast tests. */
    static BusFixture start(long seed, int meters) throws IOException {
        return start(seed, meters, Pacing.unpaced());
    }

    static BusFixture start(long seed, int meters, Pacing pacing) throws IOException {
        VirtualBus bus = VirtualBus.builder().seed(seed).clock(BUS_CLOCK).baud(BAUD).demo(meters).build();
        BusFixture fixture = new BusFixture(bus, TcpBusServer.start(bus, 0, pacing));
        fixture.warmUp();
        return fixture;
    }

    /**
     * Reads every meter once, straight from the test. The first exchanges in a fresh JVM load and
     * compile the master, the simulator and their telegrams; on a busy machine that outlasts every
     * attempt's response window (59 ms at 38400 Bd), and a test's first poll then read 0 of 2 meters.
     * The cold start is no part of what the tests check, so it is paid here. Whatever fails here is
     * left to the test to find: the bus and its truth stay as they were (the clock is fixed).
     */
    private void warmUp() {
        try (MBusMaster master = new MBusMaster(new TcpTransport("127.0.0.1", server.port(), BAUD))) {
            for (MeterInfo m : meters()) {
                try {
                    master.read(m.primaryAddress());
                } catch (MasterException e) {
                    // the test's own polls will tell
                }
            }
        }
    }

    String address() {
        return "tcp://127.0.0.1:" + server.port();
    }

    List<MeterInfo> meters() {
        return bus.truth().meters();
    }

    /** Enters a meter of the bus into the registry on a channel, reachable by primary or by secondary address. */
    static long register(JdbcClient jdbc, long channelId, MeterInfo m, boolean byPrimary) {
        SecondaryAddress a = m.secondaryAddress();
        return jdbc.sql("""
                insert into meter (serial, manufacturer, mbus_version, mbus_medium, bus_address, channel_id)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(a.id(), a.manufacturerLetters(), a.version(), a.medium(),
                        byPrimary ? m.primaryAddress() : null, channelId)
                .query(Long.class).single();
    }

    /**
     * Every numeric register the meter sends is stored with exactly the value it sent (the newest
     * reading of its register). Registers the store cannot tell apart — two with one quantity,
     * storage, tariff and subunit, like operating hours and error hours — are left out.
     */
    static int assertStoredEqualsTruth(JdbcClient jdbc, long meterId, Reading truth) {
        Map<String, List<Register>> byKey = new LinkedHashMap<>();
        truth.values().forEach((register, value) -> {
            if (value instanceof Value.Numeric && register.quantity() != Quantity.ERROR_FLAGS) {
                byKey.computeIfAbsent(register.quantity() + "/" + register.storage() + "/" + register.tariff() + "/"
                        + register.subunit(), k -> new ArrayList<>()).add(register);
            }
        });
        int compared = 0;
        for (List<Register> same : byKey.values()) {
            if (same.size() != 1) {
                continue;
            }
            Register r = same.get(0);
            List<BigDecimal> stored = jdbc.sql("""
                    select x.value from reading x join register g on g.id = x.register_id
                    where g.meter_id = ? and g.quantity = ? and g.storage = ? and g.tariff = ? and g.subunit = ?
                      and g.function = 'INSTANTANEOUS'
                    order by x.measured_at desc""")
                    .params(meterId, r.quantity().name(), r.storage(), r.tariff(), r.subunit())
                    .query(BigDecimal.class).list();
            assertThat(stored).as("%s of %s stored", r, truth.meter()).isNotEmpty();
            // equals, not compareTo: the scale the meter sent is kept too
            assertThat(stored.get(0)).as("%s of %s", r, truth.meter()).isEqualTo(truth.amount(r));
            compared++;
        }
        // a water meter sends its volume and its due-date volume at least
        assertThat(compared).as("registers compared for %s", truth.meter()).isGreaterThanOrEqualTo(2);
        return compared;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
