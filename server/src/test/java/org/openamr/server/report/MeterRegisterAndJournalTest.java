package org.openamr.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openamr.server.report.ReportHttp.msk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openamr.server.consumption.RegistryFixture;
import org.openamr.server.reading.ReadingPartitions;
import org.openamr.server.report.ReportHttp.Got;
import org.openamr.server.support.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The meter register and the readings journal over HTTP on a building written with SQL: a Danfoss heat meter and a
 * water meter of unknown make in flat 1, a meter in flat 2 that only the register may show to the manager, and
 * readings in and outside November with their sources.
 */
@ServerTest
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeterRegisterAndJournalTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReadingPartitions partitions;

    ReportHttp http;
    RegistryFixture fx;
    UUID building;
    UUID flat1;
    String heatSerial;
    String waterSerial;
    String otherSerial;
    String manager;
    String resident1;

    @BeforeAll
    void registry() {
        http = new ReportHttp(port);
        fx = new RegistryFixture(jdbc, partitions);
        long org = fx.organisation("MANAGEMENT");
        long b = fx.building(org, "Europe/Moscow");
        long e1 = fx.entrance(b, 1);
        long p1 = fx.premise(b, e1, "1");
        long p2 = fx.premise(b, e1, "2");
        building = fx.publicId("building", b);
        flat1 = fx.publicId("premise", p1);

        heatSerial = RegistryFixture.unique("6");
        long heat = fx.meter(heatSerial, null);
        jdbc.sql("update meter set manufacturer = 'DFS', model = 'SonoSafe 10', next_verification = '2031-01-31'"
                + " where id = ?").param(heat).update();
        fx.install(heat, fx.point(b, p1, "HEAT"), msk("2025-03-01T10:00"), null, null, null);
        long energy = fx.register(heat, "ENERGY", "kWh", 0, 0);
        fx.reading(energy, msk("2026-10-31T23:00"), "999.000");
        fx.reading(energy, msk("2026-11-01T00:00"), "1000.000");
        fx.reading(energy, msk("2026-11-30T23:00"), "1162.987");
        fx.reading(energy, msk("2026-12-01T00:00"), "1163.0005");
        long due = fx.register(heat, "ENERGY", "kWh", 1, 0);
        fx.reading(due, msk("2026-11-01T00:00"), "1000");

        waterSerial = RegistryFixture.unique("W");
        long water = fx.meter(waterSerial, null);
        jdbc.sql("update meter set manufacturer = 'XYZ' where id = ?").param(water).update();
        fx.install(water, fx.point(b, p1, "COLD_WATER"), msk("2025-03-01T10:00"), null, null, null);
        fx.reading(fx.register(water, "VOLUME", "m3", 0, 0), msk("2026-11-15T12:00"), "12.5");

        otherSerial = RegistryFixture.unique("O");
        long other = fx.meter(otherSerial, null);
        fx.install(other, fx.point(b, p2, "HOT_WATER"), msk("2025-03-01T10:00"), null, null, null);

        manager = fx.token("MANAGER", org, null);
        resident1 = fx.token("RESIDENT", null, p1);
    }

    private List<String[]> csv(String token, String query) throws IOException, InterruptedException {
        Got r = http.get(token, query);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return ReportHttp.csv(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void theRegisterListsEveryMeterWithMakerStateAndLastReading() throws Exception {
        List<String[]> rows = csv(manager, "/api/v1/reports/meters?format=csv&scope=" + building);
        assertThat(rows.get(0)).containsExactly("Адрес", "Квартира", "Ресурс", "Зав. № прибора", "Производитель",
                "Модель", "Установлен", "Дата очередной поверки", "Состояние", "Последнее показание", "Ед. изм.",
                "Время последнего показания");
        assertThat(rows).hasSize(4);
        String[] heat = rows.stream().filter(r -> r[3].equals(heatSerial)).findFirst().orElseThrow();
        assertThat(heat[1]).isEqualTo("1");
        assertThat(heat[2]).isEqualTo("Тепло");
        assertThat(heat[4]).as("the maker's name, not its code").isEqualTo("Danfoss");
        assertThat(heat[5]).isEqualTo("SonoSafe 10");
        assertThat(heat[6]).isEqualTo("2025-03-01");
        assertThat(heat[7]).isEqualTo("2031-01-31");
        assertThat(heat[9]).as("exact, all decimals").isEqualTo("1163,0005");
        assertThat(heat[10]).isEqualTo("кВт·ч");
        assertThat(heat[11]).isEqualTo("2026-12-01T00:00+03:00");
        String[] water = rows.stream().filter(r -> r[3].equals(waterSerial)).findFirst().orElseThrow();
        assertThat(water[4]).as("an unknown maker stays its code").isEqualTo("XYZ");
        String[] never = rows.stream().filter(r -> r[3].equals(otherSerial)).findFirst().orElseThrow();
        assertThat(never[8]).isEqualTo("Ни разу не считан");
        assertThat(never[9]).isEmpty();

        List<String[]> own = csv(resident1, "/api/v1/reports/meters?format=csv");
        assertThat(own.subList(1, own.size())).extracting(r -> r[3]).containsExactlyInAnyOrder(heatSerial, waterSerial);
    }

    @Test
    void theJournalShowsEveryReadingOfThePeriodAsStoredWithItsSource() throws Exception {
        List<String[]> rows = csv(manager, "/api/v1/reports/readings?format=csv&month=2026-11&scope=" + building);
        assertThat(rows.get(0)).containsExactly("Адрес", "Квартира", "Ресурс", "Зав. № прибора", "Регистр",
                "Время измерения", "Значение", "Ед. изм.", "Источник", "Канал", "Получено");
        List<String> seen = rows.subList(1, rows.size()).stream().map(r -> r[3] + " " + r[4] + " " + r[5] + " " + r[6])
                .toList();
        assertThat(seen).as("November only: not 31 October 23:00, not 1 December 00:00").containsExactly(
                heatSerial + " текущее значение 2026-11-01T00:00+03:00 1000,000",
                heatSerial + " текущее значение 2026-11-30T23:00+03:00 1162,987",
                heatSerial + " на отчётную дату 2026-11-01T00:00+03:00 1000",
                waterSerial + " текущее значение 2026-11-15T12:00+03:00 12,5");
        assertThat(rows.get(1)[8]).isEqualTo("импорт");
        assertThat(rows.get(1)[10]).matches("\\d{4}-\\d\\d-\\d\\dT.*\\+03:00");

        List<String[]> flat = csv(resident1, "/api/v1/reports/readings?format=csv&month=2026-11&scope=" + flat1);
        assertThat(flat).hasSize(5);
    }
}
