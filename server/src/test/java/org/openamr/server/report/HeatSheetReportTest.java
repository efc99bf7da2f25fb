package org.openamr.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openamr.server.report.ReportHttp.MOSCOW;
import static org.openamr.server.report.ReportHttp.msk;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openamr.server.consumption.RegistryFixture;
import org.openamr.server.consumption.Units;
import org.openamr.server.reading.ReadingPartitions;
import org.openamr.server.report.ReportHttp.Got;
import org.openamr.server.support.Poppler;
import org.openamr.server.support.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The monthly heat sheet over real HTTP, on a Moscow building whose house heat meter was read every hour of
 * November 2026 except the 10th: energy rising d kWh an hour on day d (24·d kWh a day), volume 1.5 m³ an hour, T1
 * 70 + d mod 5 °C and T2 45 + d mod 3 °C (half a degree either side of that hour by hour), operating time 3600 s
 * an hour, three hours in error on the 20th and a reverse flow on the 25th.
 */
@ServerTest
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeatSheetReportTest {

    static final Instant EARLY = Instant.parse("2025-01-01T00:00:00Z");
    static final int MISSING_DAY = 10;
    static final int ERROR_DAY = 20;
    static final int REVERSE_DAY = 25;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReadingPartitions partitions;

    ReportHttp http;
    RegistryFixture fx;
    UUID building;
    UUID entrance;
    UUID bare;
    String serial;
    String manager;
    String otherManager;
    String resident;

    @BeforeAll
    void registry() {
        http = new ReportHttp(port);
        fx = new RegistryFixture(jdbc, partitions);
        fx.partitions(YearMonth.of(2026, 10), YearMonth.of(2026, 12));
        long org = fx.organisation("MANAGEMENT");
        long b = fx.building(org, "Europe/Moscow");
        building = fx.publicId("building", b);
        long e1 = fx.entrance(b, 1);
        entrance = fx.publicId("entrance", e1);
        long flat = fx.premise(b, e1, "1");
        long point = fx.point(b, null, "HEAT");
        serial = RegistryFixture.unique("SONO-");
        long meter = fx.meter(serial, 8);
        jdbc.sql("update meter set model = 'Sonometer 1100', manufacturer = 'DFS' where id = ?").param(meter).update();
        fx.install(meter, point, EARLY, null, null, null);
        long energy = fx.register(meter, "ENERGY", "kWh", 0, 0);
        long volume = fx.register(meter, "VOLUME", "m3", 0, 0);
        long t1 = register(meter, "FLOW_TEMPERATURE", "°C", "");
        long t2 = register(meter, "RETURN_TEMPERATURE", "°C", "");
        long operating = register(meter, "OPERATING_TIME", "s", "");
        long error = register(meter, "OPERATING_TIME", "s", "E18");
        long firmware = register(meter, "FIRMWARE_VERSION", "", "");

        List<String> values = new ArrayList<>();
        BigDecimal e = new BigDecimal("10000.000");
        BigDecimal v = new BigDecimal("500.000");
        long on = 3_600_000;
        long inError = 7200;
        for (Instant t = msk("2026-11-01T00:00"); !t.isAfter(msk("2026-12-01T00:00")); t = t.plusSeconds(3600)) {
            LocalDateTime local = LocalDateTime.ofInstant(t, MOSCOW);
            int day = local.getMonthValue() == 11 ? local.getDayOfMonth() : 30;
            int hour = local.getHour();
            if (local.getMonthValue() != 11 || day != MISSING_DAY) {
                BigDecimal swing = new BigDecimal(hour % 2 == 0 ? "0.5" : "-0.5");
                values.add(value(energy, t, e));
                values.add(value(volume, t, v));
                values.add(value(t1, t, BigDecimal.valueOf(70 + day % 5).add(swing)));
                values.add(value(t2, t, BigDecimal.valueOf(45 + day % 3).subtract(swing)));
                values.add(value(operating, t, BigDecimal.valueOf(on)));
                values.add(value(error, t, BigDecimal.valueOf(inError)));
            }
            // the values of the next full hour
            e = e.add(BigDecimal.valueOf(day));
            v = v.add(new BigDecimal("1.5"));
            on += 3600;
            if (day == ERROR_DAY && hour >= 3 && hour < 6) {
                inError += 3600;
            }
        }
        values.add(value(firmware, msk("2026-11-15T00:00"), BigDecimal.valueOf(3)));
        jdbc.sql("insert into reading (register_id, measured_at, value, source) values "
                + String.join(", ", values)).update();
        jdbc.sql("""
                insert into meter_event (meter_id, occurred_at, kind, code, label_en, label_ru, source)
                values (?, ?, 'RAISED', 'REVERSE_FLOW', 'Reverse flow', 'Обратный поток', 'POLL'),
                       (?, ?, 'CLEARED', 'REVERSE_FLOW', 'Reverse flow', 'Обратный поток', 'POLL')""")
                .params(meter, java.sql.Timestamp.from(msk("2026-11-25T10:00")), meter,
                        java.sql.Timestamp.from(msk("2026-11-25T12:00")))
                .update();

        // the flow-range rule saw the flow below Gmin from the evening of the 22nd to the night of the 23rd
        jdbc.sql("""
                insert into alarm (rule, severity, object_kind, object_id, building_id, object_label, raised_at,
                    raised_evidence_at, raised_detail, cleared_at, cleared_evidence_at, cleared_detail)
                select 'HEAT_FLOW_BELOW_RANGE', 'WARNING', 'METER', m.public_id, ?, 'house meter', ?, ?, 'flow 0.1 m3/h',
                       ?, ?, 'flow 2 m3/h' from meter m where m.id = ?""")
                .params(b, java.sql.Timestamp.from(msk("2026-11-22T22:05")),
                        java.sql.Timestamp.from(msk("2026-11-22T22:00")),
                        java.sql.Timestamp.from(msk("2026-11-23T02:05")),
                        java.sql.Timestamp.from(msk("2026-11-23T02:00")), meter)
                .update();

        long other = fx.building(org, "Europe/Moscow");
        bare = fx.publicId("building", other);
        fx.point(other, fx.premise(other, null, "1"), "HEAT");

        manager = fx.token("MANAGER", org, null);
        otherManager = fx.token("MANAGER", fx.organisation("MANAGEMENT"), null);
        resident = fx.token("RESIDENT", null, flat);
    }

    /** A row of a multi-row insert: the values are numbers and instants made here, nothing to escape. */
    private static String value(long register, Instant at, BigDecimal value) {
        return "(" + register + ", '" + at + "', " + value.toPlainString() + ", 'IMPORT')";
    }

    private long register(long meter, String quantity, String unit, String qualifier) {
        return jdbc.sql("""
                insert into register (meter_id, quantity, unit, storage, qualifier, cumulative)
                values (?, ?, ?, 0, ?, false) returning id""")
                .params(meter, quantity, unit, qualifier).query(Long.class).single();
    }

    private Got sheet(String token, String query) throws IOException, InterruptedException {
        return http.get(token, "/api/v1/reports/heat-sheet?scope=" + building + "&month=2026-11" + query);
    }

    private static BigDecimal number(String csv) {
        return new BigDecimal(csv.replace(',', '.'));
    }

    @Test
    void theCsvHasADayPerRowAndNoFigureForTheDayWithoutReadings() throws Exception {
        Got got = sheet(manager, "&format=csv");
        assertThat(got.status()).as(got.text()).isEqualTo(200);
        List<String[]> rows = ReportHttp.csv(got.body(), StandardCharsets.UTF_8);
        assertThat(rows.get(0)).containsExactly("Дата", "Q, Гкал", "V1, м³", "T1, °C", "T2, °C", "ΔT, °C",
                "Время работы, ч", "Время простоя, ч", "НС");
        assertThat(rows).as("a header and the 30 days of November").hasSize(31);
        for (int d = 1; d <= 30; d++) {
            assertThat(rows.get(d)[0]).isEqualTo(String.format("2026-11-%02d", d));
        }

        String[] first = rows.get(1);
        assertThat(number(first[1])).as("24 kWh on the 1st").isEqualByComparingTo(Units.toGcal(new BigDecimal(24)));
        assertThat(number(first[2])).isEqualByComparingTo("36");
        assertThat(number(first[3])).as("the mean of the day's readings").isEqualByComparingTo("71");
        assertThat(number(first[4])).isEqualByComparingTo("46");
        assertThat(number(first[5])).isEqualByComparingTo("25");
        assertThat(number(first[6])).isEqualByComparingTo("24");
        assertThat(number(first[7])).isEqualByComparingTo("0");
        assertThat(first[8]).isEmpty();

        assertThat(rows.get(MISSING_DAY)).as("no figure is never a zero")
                .containsExactly("2026-11-10", "", "", "", "", "", "", "", "");

        String[] error = rows.get(ERROR_DAY);
        assertThat(number(error[1])).isEqualByComparingTo(Units.toGcal(new BigDecimal(24 * ERROR_DAY)));
        assertThat(number(error[6])).as("three of the 24 hours in error").isEqualByComparingTo("21");
        assertThat(number(error[7])).isEqualByComparingTo("3");
        assertThat(error[8]).as("functional failure").isEqualTo("4");
        assertThat(rows.get(REVERSE_DAY)[8]).as("change of flow direction").isEqualTo("5");
        assertThat(rows.get(REVERSE_DAY + 1)[8]).isEmpty();
        assertThat(rows.get(22)[8]).as("the alarm journal's flow below Gmin").isEqualTo("1");
        assertThat(rows.get(23)[8]).isEqualTo("1");
        assertThat(rows.get(24)[8]).as("cleared in the night of the 23rd").isEmpty();
    }

    @Test
    void theTotalsAddUpTheDaysExactly() throws Exception {
        Got got = sheet(manager, "&format=xml");
        assertThat(got.status()).as(got.text()).isEqualTo(200);
        String xml = got.text();
        int totals = xml.indexOf("<totals>");
        assertThat(totals).isPositive();
        List<String> q = cells(xml.substring(0, totals), "q");
        assertThat(q).as("the day without data is left out").hasSize(29);
        BigDecimal sum = q.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(cells(xml.substring(totals), "q")).containsExactly(sum.toPlainString());
        BigDecimal volume = new BigDecimal(cells(xml.substring(totals), "v1").get(0));
        assertThat(volume).isEqualByComparingTo(new BigDecimal("36").multiply(BigDecimal.valueOf(29)));

        BigDecimal t1 = BigDecimal.ZERO;
        BigDecimal t2 = BigDecimal.ZERO;
        for (int d = 1; d <= 30; d++) {
            if (d != MISSING_DAY) {
                t1 = t1.add(BigDecimal.valueOf(70 + d % 5));
                t2 = t2.add(BigDecimal.valueOf(45 + d % 3));
            }
        }
        BigDecimal meanT1 = t1.divide(BigDecimal.valueOf(29), 2, RoundingMode.HALF_EVEN);
        BigDecimal meanT2 = t2.divide(BigDecimal.valueOf(29), 2, RoundingMode.HALF_EVEN);
        assertThat(new BigDecimal(cells(xml.substring(totals), "t1").get(0))).isEqualByComparingTo(meanT1);
        assertThat(new BigDecimal(cells(xml.substring(totals), "t2").get(0))).isEqualByComparingTo(meanT2);
        assertThat(new BigDecimal(cells(xml.substring(totals), "idle").get(0))).isEqualByComparingTo("3");
        assertThat(xml).contains("kind=\"heat-sheet\"", ">Итого<", "missing=\"нет данных\"");
    }

    private static List<String> cells(String xml, String column) {
        Matcher m = Pattern.compile("<cell column=\"" + column + "\">([^<]*)</cell>").matcher(xml);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void theTextFileHasTheHeaderTheLegendAndTheSignatures() throws Exception {
        Got got = sheet(manager, "&format=txt");
        assertThat(got.status()).as(got.text()).isEqualTo(200);
        String txt = got.text();
        assertThat(txt).contains("Месячная ведомость учёта тепловой энергии и теплоносителя",
                "Теплосчётчик: Sonometer 1100, зав. № " + serial, "Версия ПО: 3",
                "Период: 01.11.2026 – 30.11.2026", "нет данных", "Итого",
                "4 — функциональный отказ", "7 — отсутствие расхода",
                "Ответственное лицо ____", "Представитель теплоснабжающей организации ____");
        String missing = List.of(txt.split("\r\n")).stream().filter(l -> l.startsWith("10.11.2026")).findFirst()
                .orElseThrow();
        assertThat(missing).contains("нет данных");
    }

    @Test
    void heatInKilowattHoursInEnglish() throws Exception {
        Got got = sheet(manager, "&format=csv&heatUnit=kwh&decimal=point&lang=en");
        assertThat(got.status()).as(got.text()).isEqualTo(200);
        List<String[]> rows = ReportHttp.csv(got.body(), StandardCharsets.UTF_8);
        assertThat(rows.get(0)).startsWith("Date", "Q, kWh", "V1, m³");
        assertThat(number(rows.get(2)[1])).isEqualByComparingTo("48");
    }

    @Test
    void thePdfHoldsEveryDayAndItsFirstPageIsAPicture() throws Exception {
        Got got = sheet(manager, "&format=pdf");
        assertThat(got.status()).as(got.text()).isEqualTo(200);
        Path dir = Files.createDirectories(Path.of("target", "report-pdf"));
        Path pdf = dir.resolve("heat-sheet.pdf");
        Files.write(pdf, got.body());
        String text = Poppler.text(pdf);
        assertThat(text).contains("Итого", "Месячная ведомость", "Представитель теплоснабжающей организации");
        List<String> dates = new ArrayList<>();
        for (int d = 1; d <= 30; d++) {
            dates.add(String.format("%02d.11.2026", d));
        }
        assertThat(dates).allSatisfy(d -> assertThat(text).contains(d));
        Path png = Poppler.firstPage(pdf, dir.resolve("heat-sheet"));
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    @Test
    void aBuildingWithoutAHeatMeterSaysSo() throws Exception {
        Got got = http.get(manager, "/api/v1/reports/heat-sheet?scope=" + bare + "&month=2026-11");
        assertThat(got.status()).as(got.text()).isEqualTo(400);
        assertThat(got.text()).contains("no heat meter");
        Got ofEntrance = http.get(manager, "/api/v1/reports/heat-sheet?scope=" + entrance + "&month=2026-11");
        assertThat(ofEntrance.status()).isEqualTo(400);
        assertThat(ofEntrance.text()).contains("entrance", building.toString());
    }

    @Test
    void whoMayNotSeeTheWholeBuildingGets404() throws Exception {
        assertThat(sheet(resident, "").status()).isEqualTo(404);
        assertThat(sheet(otherManager, "").status()).isEqualTo(404);
        assertThat(http.get(resident, "/api/v1/reports/heat-sheet?month=2026-11").status())
                .as("a resident's own apartment is no building").isEqualTo(400);
    }
}
