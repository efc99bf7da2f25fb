package org.openamr.demo.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openamr.acquisition.readout.MeterIdentity;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.RegisterKey;
import org.openamr.acquisition.readout.RegisterValue;
import org.openamr.collector.delivery.Batch;
import org.openamr.collector.delivery.DeliveryException;
import org.openamr.collector.delivery.Output;
import org.openamr.collector.output.server.OpenAmrServerOutput;
import org.openamr.collector.output.solvimus.SolvimusXmlOutput;
import org.openamr.demo.DemoServerTest;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.mbus.record.Function;
import org.openamr.server.security.Role;
import org.openamr.server.support.Api;
import org.openamr.server.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The collector's HTTP outputs against the real server: a concentrator channel and its push token made through
 * the API, batches delivered by {@link OpenAmrServerOutput} and {@link SolvimusXmlOutput}, a batch delivered
 * again, an outage (the server unreachable behind a proxy that refuses connections), and the readings counted in
 * the server's database: every one there, none twice.
 *
 * <p>Alone: {@code ./mvnw -B -o -pl demo -am verify -Dtest=NoSuchTest -Dit.test=CollectorDeliveryIT
 * -Dfailsafe.failIfNoSpecifiedTests=false -Dsurefire.failIfNoSpecifiedTests=false} ({@code -am}, so that the server
 * and collector of this checkout are used, not whatever jars the local repository holds).
 */
@DemoServerTest
@TestPropertySource(properties = {"openamr.test.context=collector-delivery", "openamr.demo.enabled=false",
        "openamr.polling.enabled=false"})
class CollectorDeliveryIT {

    /** Meters per batch and register values per meter readout. */
    private static final int METERS = 3;
    private static final int VALUES = 2;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    String token;
    String channelId;
    String collector;
    List<String> serials;
    /** Quarter-hours two days ago: well inside the server's window, never in the future. */
    Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(2));

    @BeforeEach
    void channel() {
        World w = World.in(jdbc, passwords.encode("correct horse battery"));
        Api admin = new Api(port, w.tokens.get(Role.ADMIN));
        Api.Response created = admin.post("/api/v1/channels", """
                {"kind": "CONCENTRATOR", "name": "collector %s", "buildingId": "%s"}"""
                .formatted(UUID.randomUUID(), w.buildingA));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        channelId = created.json().get("id").asString();
        Api.Response issued = admin.post("/api/v1/channels/" + channelId + "/token", null);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        token = issued.json().get("token").asString();
        collector = "lenina-12-" + UUID.randomUUID().toString().substring(0, 6);
        serials = new ArrayList<>();
        for (int m = 0; m < METERS; m++) {
            serials.add(String.format("%08d", (int) (Math.random() * 80_000_000) + 10_000_000));
        }
    }

    /** Batch n: each meter's energy and volume at quarter-hour n, exact decimals with three places. */
    private Batch batch(long n) {
        List<MeterReadout> readouts = new ArrayList<>();
        Instant at = base.plus(Duration.ofMinutes(15 * n));
        for (int m = 0; m < METERS; m++) {
            MeterIdentity meter = new MeterIdentity(serials.get(m), Optional.of("DFS"), Optional.of(1),
                    Optional.of(4));
            readouts.add(new MeterReadout(meter, at.plusSeconds(5), List.of(
                    new RegisterValue(RegisterKey.current(Quantity.ENERGY, Unit.KWH), at, energy(m, n)),
                    new RegisterValue(RegisterKey.current(Quantity.VOLUME, Unit.M3), at,
                            new BigDecimal("100.000").add(new BigDecimal("0.125").multiply(BigDecimal.valueOf(n))))),
                    List.of()));
        }
        return new Batch(collector, n, readouts);
    }

    private static BigDecimal energy(int meter, long n) {
        return new BigDecimal("1000.001").multiply(BigDecimal.valueOf(meter + 1))
                .add(new BigDecimal("0.333").multiply(BigDecimal.valueOf(n)));
    }

    private long readings() {
        return jdbc.sql("""
                select count(*) from reading r join register g on g.id = r.register_id join meter m on m.id = g.meter_id
                where m.serial = any(?)""").param(serials.toArray(new String[0])).query(Long.class).single();
    }

    private long channelRows(String table) {
        return jdbc.sql("select count(*) from " + table + " t join acquisition_channel c on c.id = t.channel_id "
                + "where c.public_id = cast(? as uuid)").param(channelId).query(Long.class).single();
    }

    private OpenAmrServerOutput server(String url, String pushToken) {
        return new OpenAmrServerOutput("server", collector,
                new OpenAmrServerOutput.Settings(url, pushToken, null, 5));
    }

    @Test
    void threeBatchesAndARepeatedOneAreStoredExactlyOnce() throws Exception {
        AtomicLong waiting = new AtomicLong(30);
        try (OpenAmrServerOutput out = server("http://localhost:" + port, token)) {
            out.queueDepth(waiting::get);
            for (long n = 1; n <= 3; n++) {
                out.deliver(batch(n));
                waiting.addAndGet(-10);
            }
            // the answer to batch 2 was "lost": the collector sends it again, and it is confirmed, not stored
            out.deliver(batch(2));
        }
        assertThat(readings()).isEqualTo(3L * METERS * VALUES);
        assertThat(channelRows("ingest_batch")).isEqualTo(3);
        assertThat(channelRows("ingest_push")).isEqualTo(3);
        assertThat(jdbc.sql("""
                        select r.value::text from reading r join register g on g.id = r.register_id
                        join meter m on m.id = g.meter_id where m.serial = ? and g.quantity = 'ENERGY'
                        order by r.measured_at""").param(serials.get(1)).query(String.class).list())
                .containsExactly("2000.335", "2000.668", "2001.001");

        record State(long queue, String version, long lastBatch) {
        }
        State state = jdbc.sql("""
                        select k.queue_depth, k.version, k.last_batch from ingest_collector k
                        join acquisition_channel c on c.id = k.channel_id
                        where c.public_id = cast(? as uuid) and k.collector = ?""").params(channelId, collector)
                .query((rs, n) -> new State(rs.getLong(1), rs.getString(2), rs.getLong(3))).single();
        assertThat(state.queue()).isZero();
        assertThat(state.version()).startsWith("openamr-collector ");
        assertThat(state.lastBatch()).isEqualTo(3);
    }

    @Test
    void aReusedNumberWithOtherReadoutsAndABadTokenAreRefused() throws Exception {
        try (OpenAmrServerOutput out = server("http://localhost:" + port, token)) {
            out.deliver(batch(1));
            Batch other = new Batch(collector, 1, batch(2).readouts());
            assertThatThrownBy(() -> out.deliver(other)).isInstanceOf(DeliveryException.class)
                    .satisfies(e -> assertThat(((DeliveryException) e).kind()).isEqualTo(DeliveryException.Kind.REFUSED))
                    .hasMessageContaining("answered 409")
                    .hasMessageContaining("with a different content");
        }
        try (OpenAmrServerOutput wrong = server("http://localhost:" + port, "oamr_push_never-issued")) {
            assertThatThrownBy(() -> wrong.deliver(batch(2))).isInstanceOf(DeliveryException.class)
                    .satisfies(e -> assertThat(((DeliveryException) e).kind()).isEqualTo(DeliveryException.Kind.REFUSED))
                    .hasMessageContaining("answered 401");
        }
        assertThat(readings()).isEqualTo((long) METERS * VALUES);
    }

    @Test
    void anOutageFailsRetryablyThenEverythingArrivesInOrderOnce() throws Exception {
        int batches = 10;
        int retryable = 0;
        List<Long> confirmed = new ArrayList<>();
        try (TcpProxy proxy = new TcpProxy(port);
             OpenAmrServerOutput out = server("http://localhost:" + proxy.port(), token)) {
            Thread back = null;
            for (long n = 1; n <= batches; n++) {
                if (n == 4) {
                    // the server becomes unreachable for a while, as a stopped server or a cut line
                    proxy.down();
                    back = new Thread(() -> {
                        try {
                            Thread.sleep(1500);
                            proxy.up();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    back.start();
                }
                // what the delivery engine does: the same batch again until it is confirmed
                while (true) {
                    try {
                        out.deliver(batch(n));
                        confirmed.add(n);
                        break;
                    } catch (DeliveryException e) {
                        assertThat(e.kind()).as(e.getMessage()).isEqualTo(DeliveryException.Kind.RETRYABLE);
                        assertThat(e.getMessage()).contains("batch " + n);
                        retryable++;
                        Thread.sleep(100);
                    }
                }
            }
            back.join();
        }
        System.out.printf("outage: %d batches confirmed, %d retryable failures, %d readings stored%n",
                confirmed.size(), retryable, readings());
        assertThat(retryable).isPositive();
        assertThat(confirmed).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(readings()).isEqualTo((long) batches * METERS * VALUES);
        assertThat(channelRows("ingest_batch")).isEqualTo(batches);
        assertThat(jdbc.sql("""
                        select count(*) from (select r.register_id, r.measured_at from reading r
                        join register g on g.id = r.register_id join meter m on m.id = g.meter_id
                        where m.serial = any(?) group by 1, 2 having count(*) > 1) d""")
                .param(serials.toArray(new String[0])).query(Long.class).single()).isZero();
    }

    @Test
    void theSolvimusXmlOutputDeliversToTheServersSolvimusEndpoint() throws Exception {
        Batch first = batch(1);
        List<MeterReadout> withHistory = new ArrayList<>(first.readouts());
        // a stored monthly value (storage 1, due at the start of the month) and a value the format cannot carry
        MeterReadout r0 = withHistory.get(0);
        Instant due = base.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(10));
        List<RegisterValue> values = new ArrayList<>(r0.values());
        values.add(new RegisterValue(new RegisterKey(Quantity.ENERGY, Unit.KWH, 1, 0, 0, Function.INSTANTANEOUS), due,
                new BigDecimal("999.500")));
        values.add(new RegisterValue(new RegisterKey(Quantity.ENERGY, Unit.KWH, 0, 1, 0, Function.INSTANTANEOUS), due,
                new BigDecimal("1.5")));
        withHistory.set(0, new MeterReadout(r0.meter(), r0.readAt(), values, List.of()));
        Batch batch = new Batch(collector, 1, withHistory);

        try (Output out = new SolvimusXmlOutput("sonocollect-compatible", collector, new SolvimusXmlOutput.Settings(
                "http://localhost:" + port + "/ingest/v1/solvimus", token, null, 5))) {
            out.deliver(batch);
            out.deliver(batch);
        }
        // 3 meters × 2 current values + the monthly value; the tariff-1 value is not in the format
        assertThat(readings()).isEqualTo((long) METERS * VALUES + 1);
        assertThat(jdbc.sql("""
                        select g.storage || ' ' || r.value::text from reading r join register g on g.id = r.register_id
                        join meter m on m.id = g.meter_id where m.serial = ? and g.quantity = 'ENERGY'
                        order by g.storage""").param(serials.get(0)).query(String.class).list())
                .containsExactly("0 1000.334", "1 999.500");
        assertThat(channelRows("ingest_push")).isEqualTo(1);
        JsonNode formats = new Api(port, World.in(jdbc, "").tokens.get(Role.ADMIN)).get("/api/v1/channels/"
                + channelId).json();
        assertThat(formats.get("kind").asString()).isEqualTo("CONCENTRATOR");
    }
}
