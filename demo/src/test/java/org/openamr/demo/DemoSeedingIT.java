package org.openamr.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.server.security.Role;
import org.openamr.server.support.Api;
import org.openamr.simulator.meter.MeterType;
import org.openamr.simulator.meter.Reading;
import org.openamr.simulator.meter.Register;
import org.openamr.simulator.meter.VirtualMeter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The demo on a small building (1 entrance × 3 apartments, 2 months of history, 1 day hourly):
 * the server seeds and backfills it on start, exactly as the simulator's meters would have read,
 * and a poll of the virtual bus lands in the same registers. Its counts are of the whole database, so it runs
 * on a context of its own (the marker property keeps it from sharing WebPagesIT's) and closes it when it is
 * done; its tests do not depend on each other's order. A restart of the demo: {@link DemoRestartIT}.
 */
@DemoServerTest
@DirtiesContext
@TestPropertySource(properties = {"openamr.test.context=demo-seeding", "openamr.demo.enabled=true", "openamr.demo.radio-meters=0", "openamr.demo.entrances=1",
        "openamr.demo.apartments-per-entrance=3", "openamr.demo.history-months=2", "openamr.demo.hourly-days=1",
        // the test polls when it wants to; the schedule would poll too, every minute
        "openamr.polling.enabled=false"})
class DemoSeedingIT {

    /** Energy, heat volume and two pulse inputs of 3 apartments; the house heat meter's energy, volume and
     * night energy; the house water meter's volume. */
    static final int CURRENT_REGISTERS = 3 * 4 + 3 + 1;
    /** The house heat meter's power, flow, flow and return temperatures, operating hours and hours in error. */
    static final int HOUSE_HEAT_STATES = 6;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoStartup startup;

    @Autowired
    DemoBus bus;

    @Autowired
    DemoBuilding building;

    @Autowired
    DemoProperties settings;

    @Autowired
    PasswordEncoder passwords;

    @LocalServerPort
    int port;

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private String token(Role role) {
        return startup.site().logins().stream().filter(l -> l.role() == role).findFirst().orElseThrow().token();
    }

    @Test
    void theRegistryHoldsTheBuildingItsPointsMetersChannelAndAccounts() {
        DemoRegistry.Site site = startup.site();
        assertThat(site.created()).isTrue();
        long b = site.buildingId();
        assertThat(jdbc.sql("select address from building where id = ?").param(b).query(String.class).single())
                .isEqualTo(DemoBuilding.ADDRESS);
        assertThat(count("select count(*) from premise where building_id = ?", b)).isEqualTo(3);
        assertThat(jdbc.sql("""
                select resource || ' ' || quantity || ' ' || subunit from metering_point
                where building_id = ? and premise_id is not null group by 1 order by 1""")
                .param(b).query(String.class).list())
                .containsExactly("COLD_WATER VOLUME 1", "HEAT ENERGY 0", "HOT_WATER VOLUME 2");
        assertThat(jdbc.sql("select resource from metering_point where building_id = ? and premise_id is null order by resource")
                .param(b).query(String.class).list()).containsExactly("COLD_WATER", "HEAT");
        Map<String, Object> channel = jdbc.sql("select * from acquisition_channel where id = ?").param(site.channelId())
                .query().singleRow();
        assertThat(channel.get("address")).isEqualTo(bus.channelAddress());
        assertThat(channel.get("kind")).isEqualTo("TCP_GATEWAY");
        assertThat(channel.get("baud")).isEqualTo(38400);
        assertThat(channel.get("schedule_cron")).isEqualTo("0 * * * * *");
        assertThat(jdbc.sql("select bus_address from meter where channel_id = ? order by bus_address")
                .param(site.channelId()).query(Integer.class).list()).containsExactly(1, 2, 3, 4, 5);
        // registered as an administrator registers a meter on the channel: in the service company's registry, and
        // with the bus header that makes the secondary address
        assertThat(jdbc.sql("""
                select count(*) from meter m join building b on b.id = ?
                where m.channel_id = ? and m.owner_org_id = b.service_org_id
                  and m.mbus_version is not null and m.mbus_medium is not null""")
                .params(b, site.channelId()).query(Long.class).single()).isEqualTo(5);
        // the house meters' BCD registers roll over after 8 digits; the SonoSafe's binary ones never do
        assertThat(jdbc.sql("select coalesce(register_digits, 0) from meter where channel_id = ? order by bus_address")
                .param(site.channelId()).query(Integer.class).list()).containsExactly(0, 0, 0, 8, 8);
        // every point has its meter, installed when the model's meter was, with the register's value then
        assertThat(count("""
                select count(*) from metering_point p where p.building_id = ?
                and not exists (select 1 from meter_installation i where i.point_id = p.id)""", b)).isZero();
        for (VirtualMeter m : bus.meters()) {
            List<Map<String, Object>> installed = jdbc.sql("""
                    select i.installed_at, i.initial_value, p.resource from meter_installation i
                    join meter m on m.id = i.meter_id join metering_point p on p.id = i.point_id
                    where m.serial = ? order by p.resource""").param(m.id()).query().listOfRows();
            assertThat(installed).hasSize(m.type() == MeterType.SONOSAFE_10 ? 3 : 1);
            for (Map<String, Object> i : installed) {
                assertThat(((Timestamp) i.get("installed_at")).toInstant()).isEqualTo(m.consumption().installedAt())
                        .isBefore(Instant.now().minus(Duration.ofDays(400)));
            }
            if (m.type() == MeterType.SONOSAFE_10) {
                Reading atInstallation = m.reading(m.consumption().installedAt());
                // pulse inputs start at the water meter's reading when the input was set up
                assertThat(installed.get(0).get("initial_value"))
                        .isEqualTo(atInstallation.amount(Register.VOLUME_SUBUNIT_1)).isNotEqualTo(BigDecimal.ZERO);
                assertThat(installed.get(2).get("initial_value"))
                        .isEqualTo(atInstallation.amount(Register.VOLUME_SUBUNIT_2));
            }
        }
        for (DemoLogin login : site.logins()) {
            Map<String, Object> user = jdbc.sql("select * from app_user where username = ?").param(login.username())
                    .query().singleRow();
            assertThat(user.get("role")).isEqualTo(login.role().name());
            assertThat(passwords.matches(login.password(), (String) user.get("password_hash"))).isTrue();
            assertThat(new Api(port, login.token()).get("/api/v1/me").status()).isEqualTo(200);
        }
        assertThat(jdbc.sql("""
                select p.number from app_user u join premise p on p.id = u.premise_id
                where u.username = 'resident' and p.building_id = ?""").param(b).query(String.class).single())
                .isEqualTo("1");
        assertThat(startup.banner()).contains("http://localhost:" + port, "admin-demo", "resident-demo",
                "Authorization: Bearer " + token(Role.ADMIN), "/api/v1/buildings/" + site.buildingPublicId() + "/balance");
    }

    @Test
    void everyBackfilledValueIsWhatTheVirtualMeterShowedThen() {
        DemoBackfill.Result history = startup.history();
        // 2 whole months plus this month's days, plus 24 hours: at least 60 moments per meter
        assertThat(history.moments()).isGreaterThan(60);
        List<Map<String, Object>> rows = jdbc.sql("""
                select m.serial, g.quantity, g.storage, g.tariff, g.subunit, g.qualifier, r.measured_at, r.value
                from reading r join register g on g.id = r.register_id join meter m on m.id = g.meter_id
                where r.source = 'DEMO'""").query().listOfRows();
        long current = 0;
        long stored = 0;
        for (Map<String, Object> row : rows) {
            VirtualMeter meter = bus.meters().stream().filter(m -> m.id().equals(row.get("serial"))).findFirst()
                    .orElseThrow();
            Instant at = ((Timestamp) row.get("measured_at")).toInstant();
            long storage = ((Number) row.get("storage")).longValue();
            Register register = register(meter.type(), Quantity.valueOf((String) row.get("quantity")), storage,
                    ((Number) row.get("tariff")).intValue(), ((Number) row.get("subunit")).intValue(),
                    (String) row.get("qualifier"));
            BigDecimal truth;
            if (storage == 0) {
                truth = meter.reading(at).amount(register);
                current++;
            } else {
                // a due-date value belongs to the 1st, 00:00, when the meter stored it; two days later it shows it
                Reading later = meter.reading(at.plus(Duration.ofDays(2)));
                assertThat(later.dueDate().instant()).isEqualTo(at);
                truth = later.amount(register);
                stored++;
            }
            if (register.isDueDateValue() || meter.type().channel(register).isPresent()) {
                assertThat((BigDecimal) row.get("value")).as("%s %s at %s", meter, register, at).isEqualTo(truth);
            } else {
                assertThat((BigDecimal) row.get("value")).as("%s %s at %s", meter, register, at)
                        .isEqualByComparingTo(truth);
            }
        }
        // each meter's stored registers once for every due date it showed at the backfilled moments (a
        // SonoSafe's values lag up to 10 minutes, so at the first midnight it still shows the month before)
        List<Instant> moments = jdbc.sql("select distinct measured_at from reading r join register g on g.id ="
                + " r.register_id where g.storage = 0 and r.source = 'DEMO'").query(Timestamp.class).list().stream()
                .map(Timestamp::toInstant).toList();
        // the silent house water meter's one register only until it fell silent, the others' all along
        Instant silentSince = bus.silentSince().values().iterator().next();
        long answered = moments.stream().filter(t -> t.isBefore(silentSince)).count();
        assertThat(answered).isLessThan(moments.size());
        assertThat(current).isEqualTo((long) history.moments() * (CURRENT_REGISTERS - 1 + HOUSE_HEAT_STATES) + answered);
        long expectedStored = 0;
        for (VirtualMeter m : bus.meters()) {
            Instant until = bus.silentSince().getOrDefault(m, Instant.MAX);
            long dueDates = moments.stream().filter(t -> t.isBefore(until)).map(t -> m.reading(t).dueDate().instant())
                    .distinct().count();
            long storedRegisters = m.type().layout().registers().stream()
                    .filter(r -> r.isDueDateValue() && m.type().channel(r).isPresent()).count();
            expectedStored += dueDates * storedRegisters;
        }
        assertThat(stored).isEqualTo(expectedStored).isGreaterThanOrEqualTo(3L * (3 * 4 + 2 + 1));
        assertThat(count("select count(distinct r.measured_at) from reading r join register g on g.id = r.register_id"
                + " where g.storage = 0 and r.source = 'DEMO'")).isEqualTo(history.moments());
        assertThat(count("select count(*) from reading where source = 'DEMO'")).isEqualTo(history.inserted());
    }

    /** The simulator's register a stored one is, by the fields a decoded record names it with. */
    private static Register register(MeterType type, Quantity quantity, long storage, int tariff, int subunit,
            String qualifier) {
        for (Register r : type.layout().registers()) {
            if (type.channel(r).isPresent() && r.quantity() == quantity && r.storage() == storage
                    && r.tariff() == tariff && r.subunit() == subunit) {
                return r;
            }
        }
        // the house heat meter's states: hours in error are the operating-time record with the error VIFE
        if (quantity == Quantity.OPERATING_TIME) {
            return "E18".equals(qualifier) ? Register.ERROR_TIME : Register.OPERATING_TIME;
        }
        for (Register r : type.layout().registers()) {
            if (r.quantity() == quantity && r.storage() == storage && r.tariff() == tariff && r.subunit() == subunit) {
                return r;
            }
        }
        throw new AssertionError("no register of " + type + " for " + quantity + "/" + storage + "/" + tariff + "/" + subunit);
    }

    @Test
    void aPollOfTheVirtualBusLandsInTheBackfilledRegistersAndTheBalanceAddsUp() throws Exception {
        String channel = jdbc.sql("select public_id::text from acquisition_channel where id = ?")
                .param(startup.site().channelId()).query(String.class).single();
        Api operator = new Api(port, token(Role.OPERATOR));
        Api.Response started = operator.post("/api/v1/channels/" + channel + "/poll", null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String job = started.json().get("id").asString();
        JsonNode done = null;
        for (long deadline = System.nanoTime() + 60_000_000_000L; System.nanoTime() < deadline; Thread.sleep(100)) {
            done = operator.get("/api/v1/jobs/" + job).json();
            if (!done.get("status").asString().matches("QUEUED|RUNNING")) {
                break;
            }
        }
        assertThat(done.get("status").asString()).as("%s", done).isEqualTo("DONE");
        // all but the house water meter, silent (DemoFaults)
        assertThat(done.get("result").get("metersRead").asInt()).isEqualTo(4);
        // the poll's current values are new readings of the backfilled registers; its stored values are the
        // backfill's own (same register, same moment), so they are duplicates; and no counting register is new
        assertThat(count("""
                select count(distinct g.id) from register g join reading r on r.register_id = g.id
                where r.source = 'POLL' and g.cumulative""")).isEqualTo(CURRENT_REGISTERS - 1);
        assertThat(done.get("result").get("readingsDuplicate").asInt()).isEqualTo(3 * 4 + 2);
        assertThat(count("select count(*) from register where cumulative or storage > 0") + HOUSE_HEAT_STATES)
                .isEqualTo(count("""
                select count(distinct register_id) from reading where source = 'DEMO'"""));

        // the house water meter reads the flats' sum plus 2–4 % every month it answered for
        Instant silentSince = bus.silentSince().values().iterator().next();
        YearMonth month = YearMonth.now(DemoBuilding.ZONE);
        String balance = "/api/v1/consumption?building=" + startup.site().buildingPublicId()
                + "&resource=COLD_WATER&resolution=MONTH&readings=false&from=" + month.minusMonths(2) + "&to=" + month;
        JsonNode report = new Api(port, token(Role.MANAGER)).get(balance).json();
        JsonNode house = null;
        JsonNode flats = null;
        for (JsonNode total : report.get("totals")) {
            if (total.get("group").asString().equals("BUILDING_METERS")) {
                house = total.get("intervals");
            } else if (total.get("group").asString().equals("PREMISES")) {
                flats = total.get("intervals");
            }
        }
        assertThat(house).as("%s", report).hasSize(2);
        assertThat(flats).hasSize(2);
        // two months back always ended before it fell silent; last month, when the demo starts on its first days
        int answered = 0;
        for (int i = 0; i < 2; i++) {
            if (!OffsetDateTime.parse(house.get(i).get("end").asString()).toInstant().isBefore(silentSince)) {
                assertThat(house.get(i).get("status").asString()).isEqualTo("GAP");
                continue;
            }
            answered++;
            assertThat(house.get(i).get("status").asString()).isEqualTo("COMPLETE");
            assertThat(flats.get(i).get("status").asString()).isEqualTo("COMPLETE");
            BigDecimal ratio = new BigDecimal(house.get(i).get("value").asString())
                    .divide(new BigDecimal(flats.get(i).get("value").asString()), MathContext.DECIMAL64);
            assertThat(ratio).as("%s", report).isBetween(new BigDecimal("1.018"), new BigDecimal("1.042"));
        }
        assertThat(answered).isPositive();
        assertThat(new Api(port, token(Role.RESIDENT)).get(balance).status()).isEqualTo(404);
    }

    /** A manager's statement of the demo building for last month, fetched as a file in each format and read back. */
    private byte[] statement(String format) throws Exception {
        YearMonth last = YearMonth.now(DemoBuilding.ZONE).minusMonths(1);
        java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + "/api/v1/reports/statement?scope=" + startup.site().buildingPublicId() + "&month=" + last
                        + "&format=" + format + "&heatUnit=kwh&decimal=point"))
                        .header("Authorization", "Bearer " + token(Role.MANAGER)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(format + ": " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(200);
        return r.body();
    }

    @Test
    void lastMonthsStatementOpensInEveryFormatWithTheConsumptionApisFigures() throws Exception {
        YearMonth last = YearMonth.now(DemoBuilding.ZONE).minusMonths(1);
        String csv = new String(statement("csv"), java.nio.charset.StandardCharsets.UTF_8).substring(1);
        List<String[]> rows = java.util.Arrays.stream(csv.split("\r\n")).map(l -> l.split(";", -1)).toList();
        assertThat(rows).as("a line per apartment and resource").hasSize(1 + 3 * 3);
        Api manager = new Api(port, token(Role.MANAGER));
        Map<String, String> heat = new java.util.HashMap<>();
        JsonNode api = manager.get("/api/v1/consumption?building=" + startup.site().buildingPublicId()
                + "&resource=HEAT&resolution=MONTH&readings=false&from=" + last + "&to=" + last.plusMonths(1)).json();
        for (JsonNode p : api.get("points")) {
            if (p.hasNonNull("premise")) {
                heat.put(p.get("premise").get("number").asString(), p.get("intervals").get(0).get("value").asString());
            }
        }
        assertThat(heat).hasSize(3);
        for (String[] r : rows.subList(1, rows.size())) {
            if (r[4].equals("Тепло")) {
                assertThat(new BigDecimal(r[12])).as("apartment " + r[2] + " as the consumption API has it")
                        .isEqualByComparingTo(new BigDecimal(heat.get(r[2])));
            }
            assertThat(r[12]).as("every apartment of the backfilled demo has a figure").isNotEmpty();
        }

        java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "report-pdf"));
        java.nio.file.Path pdf = java.nio.file.Files.write(dir.resolve("demo-statement.pdf"), statement("pdf"));
        String text = org.openamr.server.support.Poppler.text(pdf);
        assertThat(text).contains("Ведомость потребления по квартирам", DemoBuilding.ADDRESS.substring(0, 10));
        for (VirtualMeter m : bus.bus().meters()) {
            if (m.type() == MeterType.SONOSAFE_10) {
                assertThat(text).as("every apartment's meter").contains(m.id());
            }
        }
        org.openamr.server.support.Poppler.firstPage(pdf, dir.resolve("demo-statement"));

        javax.xml.validation.SchemaFactory.newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/report/report-1.xsd")).newValidator()
                .validate(new javax.xml.transform.stream.StreamSource(new java.io.ByteArrayInputStream(statement("xml"))));

        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(statement("xlsx")))) {
            var sheet = book.getSheetAt(0);
            long numeric = 0;
            for (var row : sheet) {
                var cell = row.getCell(12);
                if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    numeric++;
                }
            }
            assertThat(numeric).as("consumption cells are numbers").isEqualTo(9);
        }
        assertThat(new String(statement("txt"), java.nio.charset.StandardCharsets.UTF_8)).contains("ОДПУ");
        assertThat(jdbc.sql("select count(*) from report_subscription where name = ?")
                .param(DemoRegistry.MONTHLY_STATEMENT).query(Long.class).single())
                .as("a scheduled statement is set up, and not sent without SMTP").isEqualTo(1);
    }

    @Test
    void theHouseHeatMetersSheetHasADayPerRowItsTotalsAndTheMonthsAbnormalSituation() {
        YearMonth month = YearMonth.now(DemoBuilding.ZONE).minusMonths(1);
        String sheet = "/api/v1/reports/heat-sheet?scope=" + startup.site().buildingPublicId() + "&month=" + month;
        Api manager = new Api(port, token(Role.MANAGER));
        Api.Response csv = manager.get(sheet + "&format=csv&decimal=point&lang=en");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        List<String> lines = List.of(csv.body().replace("\uFEFF", "").split("\r\n"));
        assertThat(lines.get(0)).startsWith("Date;Q, Gcal;V1, m³;T1, °C;T2, °C;ΔT, °C;Operating, h;Idle, h;");
        assertThat(lines).as("a header and a row per day of %s, each with figures", month)
                .hasSize(month.lengthOfMonth() + 1);
        // the month's few hours of air in the pipe: the meter counts them in error, so the sheet has them idle and НС 4
        HouseHeatIncidents.Incident incident = HouseHeatIncidents.of(settings.seed(), month, DemoBuilding.ZONE);
        String incidentDay = incident.from().atZone(DemoBuilding.ZONE).toLocalDate().toString();
        BigDecimal incidentHours = BigDecimal.valueOf(incident.hours());
        assertThat(lines).as("the episode's day is a row").anyMatch(l -> l.startsWith(incidentDay + ";"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";", -1);
            assertThat(new BigDecimal(f[1])).as(line).isNotNegative();
            assertThat(new BigDecimal(f[3])).as("flow temperature: %s", line).isBetween(new BigDecimal("20"),
                    new BigDecimal("110")).isGreaterThan(new BigDecimal(f[4]));
            boolean episode = f[0].equals(incidentDay);
            assertThat(new BigDecimal(f[6])).as("operating hours: %s", line)
                    .isEqualByComparingTo(episode ? new BigDecimal(24).subtract(incidentHours) : new BigDecimal(24));
            assertThat(new BigDecimal(f[7])).as("idle hours: %s", line)
                    .isEqualByComparingTo(episode ? incidentHours : BigDecimal.ZERO);
            assertThat(f[8]).as("НС: %s", line).isEqualTo(episode ? "4" : "");
        }
        Api.Response xml = manager.get(sheet + "&format=xml&lang=ru");
        assertThat(xml.status()).isEqualTo(200);
        String totals = xml.body().substring(xml.body().indexOf("<totals>"));
        assertThat(totals).contains(">Итого<", "<cell column=\"ns\">4</cell>");
        java.util.regex.Matcher idle = java.util.regex.Pattern.compile("<cell column=\"idle\">([^<]*)</cell>")
                .matcher(totals);
        assertThat(idle.find()).as(totals).isTrue();
        assertThat(new BigDecimal(idle.group(1))).as("«Итого» idle time is the episode's").isEqualByComparingTo(incidentHours);
        Api.Response txt = manager.get(sheet + "&format=txt&lang=ru");
        assertThat(txt.status()).isEqualTo(200);
        assertThat(txt.body()).contains("Месячная ведомость учёта тепловой энергии и теплоносителя", "Итого",
                "Теплосчётчик: ", building.houseHeat().meterId());
    }
}
