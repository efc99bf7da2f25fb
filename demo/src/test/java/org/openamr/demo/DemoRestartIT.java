package org.openamr.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.reading.ReadingStore;
import org.openamr.server.security.Role;
import org.openamr.server.support.Api;
import org.openamr.simulator.meter.MeterType;
import org.openamr.simulator.meter.VirtualMeter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A second start of the demo on a database that already holds it (the building of {@link DemoSeedingIT}, one
 * month of history): the registry is found, not seeded twice; the accounts get their printed passwords and new
 * tokens; the backfill adds only the days since. It moves the history on, so it runs on a context of its own
 * and closes it.
 */
@DemoServerTest
@DirtiesContext
@TestPropertySource(properties = {"openamr.test.context=demo-restart", "openamr.demo.enabled=true",
        "openamr.demo.radio-meters=0", "openamr.demo.entrances=1", "openamr.demo.apartments-per-entrance=3",
        "openamr.demo.history-months=1",
        "openamr.demo.hourly-days=1", "openamr.polling.enabled=false"})
class DemoRestartIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoStartup startup;

    @Autowired
    DemoRegistry registry;

    @Autowired
    DemoBus bus;

    @Autowired
    DemoBuilding building;

    @Autowired
    DemoProperties settings;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    ReadingStore store;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    AuditActor audit;

    @LocalServerPort
    int port;

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private String token(Role role) {
        return startup.site().logins().stream().filter(l -> l.role() == role).findFirst().orElseThrow().token();
    }

    @Test
    void aRestartKeepsTheDataFillsOnlyTheGapAndReplacesTheTokens() {
        DemoRegistry.Site first = startup.site();
        long meters = count("select count(*) from meter");
        long points = count("select count(*) from metering_point");
        long installations = count("select count(*) from meter_installation");
        long users = count("select count(*) from app_user");
        String oldToken = token(Role.MANAGER);
        // somebody changed the manager's password and locked the operator out
        Api admin = new Api(port, token(Role.ADMIN));
        UUID manager = jdbc.sql("select public_id from app_user where username = 'manager'").query(UUID.class).single();
        assertThat(admin.put("/api/v1/users/" + manager, "{\"username\":\"manager\",\"role\":\"MANAGER\","
                + "\"organisation\":\"" + jdbc.sql("select o.public_id from organisation o join building b"
                + " on b.management_org_id = o.id where b.id = ?").param(first.buildingId()).query(UUID.class).single()
                + "\",\"password\":\"somebody else's\"}").status()).isEqualTo(200);
        jdbc.sql("update app_user set enabled = false where username = 'operator'").update();

        DemoRegistry.Site again = registry.seed(building, bus.bus(), "tcp://127.0.0.1:9");
        assertThat(again.created()).isFalse();
        assertThat(again.buildingId()).isEqualTo(first.buildingId());
        assertThat(again.channelId()).isEqualTo(first.channelId());
        assertThat(again.seededAt()).as("the faults continue from the same moments").isEqualTo(first.seededAt());
        assertThat(count("select count(*) from meter")).isEqualTo(meters);
        assertThat(count("select count(*) from metering_point")).isEqualTo(points);
        assertThat(count("select count(*) from meter_installation")).isEqualTo(installations);
        assertThat(count("select count(*) from app_user")).isEqualTo(users);
        assertThat(count("select count(*) from building")).isEqualTo(1);
        assertThat(jdbc.sql("select address from acquisition_channel where id = ?").param(first.channelId())
                .query(String.class).single()).isEqualTo("tcp://127.0.0.1:9");
        assertThat(new Api(port, oldToken).get("/api/v1/me").status()).isEqualTo(401);
        String newToken = again.logins().stream().filter(l -> l.role() == Role.MANAGER).findFirst().orElseThrow().token();
        assertThat(new Api(port, newToken).get("/api/v1/me").status()).isEqualTo(200);
        // the printed password works again, and the audit log says the demo set it
        assertThat(passwords.matches("manager-demo", jdbc.sql("select password_hash from app_user where"
                + " username = 'manager'").query(String.class).single())).isTrue();
        assertThat(count("""
                select count(*) from audit_log where entity = 'app_user' and action = 'PASSWORD_SET'
                and actor = 'system:demo' and entity_id = (select id::text from app_user where username = 'manager')"""))
                .isEqualTo(1);
        String operatorToken = again.logins().stream().filter(l -> l.role() == Role.OPERATOR).findFirst().orElseThrow()
                .token();
        assertThat(new Api(port, operatorToken).get("/api/v1/me").status()).as("enabled again").isEqualTo(200);

        // two days later the history grows by the missing days and hours only, and a second run adds nothing
        DemoBackfill backfill = new DemoBackfill(store, new TransactionTemplate(transactions), audit, jdbc);
        VirtualMeter houseHeat = bus.meters().stream().filter(m -> m.type() == MeterType.SONOMETER_1100)
                .findFirst().orElseThrow();
        Instant last = startup.history().to();
        Instant later = last.plus(Duration.ofDays(2));
        DemoBackfill.Result gap = backfill.run(bus.meters(), bus.silentSince(), houseHeat, first.channelId(), later,
                settings, n -> { }, () -> false);
        assertThat(gap.from()).isAfter(last);
        assertThat(gap.moments()).isBetween(24, 50);
        // only the due-date values of the month already stored come again: at most one per stored register
        assertThat(gap.duplicates()).isLessThanOrEqualTo(3 * 4 + 2 + 1);
        assertThat(count("select count(*) from reading r join register g on g.id = r.register_id"
                + " where g.storage = 0 and r.source = 'DEMO' and r.measured_at > ?", Timestamp.from(last)))
                .as("all but the silent house water meter's")
                .isEqualTo((long) gap.moments() * (DemoSeedingIT.CURRENT_REGISTERS - 1 + DemoSeedingIT.HOUSE_HEAT_STATES));
        DemoBackfill.Result none = backfill.run(bus.meters(), bus.silentSince(), houseHeat, first.channelId(), later,
                settings, n -> { }, () -> false);
        assertThat(none.moments()).isZero();
        assertThat(none.inserted()).isZero();
        assertThat(none.duplicates()).isZero();
        registry.seed(building, bus.bus(), bus.channelAddress());
    }
}
