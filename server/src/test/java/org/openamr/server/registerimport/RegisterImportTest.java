package org.openamr.server.registerimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openamr.server.security.AccessScope;
import org.openamr.server.support.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import's rules that need the registry, against a real database: a serial number another company has
 * (a new meter of the building's operator, nothing said about theirs), one of the operator's registry,
 * meters installed at another point, installation dates that contradict the stored ones, a replacement, a meter
 * a search found being installed, a second import changing nothing, and a preview the registry overtook
 * writing nothing. A SonoSafe apartment listed in three rows becomes one meter at three points counting on their
 * own subunits; a meter gets a point on another subunit of its premise, never on one it counts already. A premise's
 * personal account is set, changed and then unchanged; one another premise of the building has is refused. A meter's
 * ГИС ЖКХ device GUID is set, shown and changed likewise; one another meter has, seen or not, is refused.
 */
@ServerTest
class RegisterImportTest {

    static final String HEAD = "premise,resource,serial,maker,installed on\n";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RegisterImport imports;

    UUID buildingA;
    String tag;
    AccessScope operator;
    long channelA;
    long service;
    long other;

    @BeforeEach
    void registry() {
        tag = UUID.randomUUID().toString().substring(0, 6);
        long management = id("insert into organisation (kind, name) values ('MANAGEMENT', ?) returning id", "УК " + tag);
        service = id("insert into organisation (kind, name) values ('SERVICE', ?) returning id", "С " + tag);
        other = id("insert into organisation (kind, name) values ('SERVICE', ?) returning id", "Т " + tag);
        long a = id("insert into building (address, management_org_id, service_org_id) values (?, ?, ?) returning id",
                "А " + tag, management, service);
        long b = id("insert into building (address, management_org_id, service_org_id) values (?, ?, ?) returning id",
                "Б " + tag, management, other);
        buildingA = jdbc.sql("select public_id from building where id = ?").param(a).query(UUID.class).single();
        operator = new AccessScope.ServiceCompany("user:op-" + tag, service);
        channelA = id("insert into acquisition_channel (kind, name, building_id, address) values ('TCP_GATEWAY', 'x', ?,"
                + " 'tcp://127.0.0.1:9') returning id", a);
        installed(a, "1", "HEAT", serial(1));
        installed(a, "2", "HEAT", serial(2));
        installed(b, "1", "HEAT", serial(9));
    }

    private String serial(int n) {
        return tag.replaceAll("[^0-9a-f]", "0") + "-" + n;
    }

    private long id(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** A premise with a heat point and a DFS meter installed at it on 1 January 2025. */
    private void installed(long building, String premise, String resource, String serial) {
        long p = id("insert into premise (building_id, number, kind) values (?, ?, 'APARTMENT') returning id", building,
                premise);
        long point = id("insert into metering_point (building_id, premise_id, resource) values (?, ?, ?) returning id",
                building, p, resource);
        long meter = id("insert into meter (manufacturer, serial) values ('DFS', ?) returning id", serial);
        jdbc.sql("insert into meter_installation (meter_id, point_id, installed_at) values (?, ?, "
                + "'2025-01-01T00:00:00+03:00')").params(meter, point).update();
    }

    private RegisterParser.Parsed file(String rows) throws RegisterFileException {
        return file(HEAD, rows);
    }

    private RegisterParser.Parsed file(String head, String rows) throws RegisterFileException {
        return RegisterParser.parse(RegisterFiles.read((head + rows).getBytes(StandardCharsets.UTF_8)),
                LocalDate.of(2026, 11, 24));
    }

    private static List<List<Object>> promises(List<RowPlan> plan) {
        return plan.stream().map(RowPlan::promise).toList();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private List<RowPlan> plan(String rows) throws RegisterFileException {
        return plan(HEAD, rows);
    }

    private List<RowPlan> plan(String head, String rows) throws RegisterFileException {
        return imports.preview(buildingA, file(head, rows), operator);
    }

    private static String english(RowPlan p) {
        List<String> parts = new java.util.ArrayList<>();
        p.problems().forEach(x -> parts.add(RegisterParserTest.english(x.reason())));
        p.actions().forEach(x -> parts.add(RegisterParserTest.english(x)));
        return p.status() + ": " + String.join("; ", parts);
    }

    /** Meter {@code serial}, all its columns and installations: what another company's import must not touch. */
    private String snapshot(String serial, long owner) {
        return jdbc.sql("""
                select row_to_json(m)::text || ' ' || coalesce((select string_agg(row_to_json(i)::text, ',')
                       from meter_installation i where i.meter_id = m.id), '')
                from meter m where m.serial = ? and m.owner_org_id = ?""").params(serial, owner)
                .query(String.class).single();
    }

    /** Company "other" operates building B, and its meter serial(9) hangs there, seen by a search now. */
    private String theirMeter() {
        jdbc.sql("update meter set owner_org_id = ?, channel_id = null, last_seen_at = '2026-11-01T00:00:00Z' "
                + "where serial = ?").params(other, serial(9)).update();
        return snapshot(serial(9), other);
    }

    private void aSerialOfAnotherCompanyIsANewMeterOfTheOperator(AccessScope importer) throws Exception {
        String theirs = theirMeter();
        RegisterParser.Parsed rows = file("3,heat," + serial(9) + ",DFS,2025-03-01\n");
        List<RowPlan> plan = imports.preview(buildingA, rows, importer);
        assertThat(english(plan.get(0))).as("nothing about the other company's meter").isEqualTo("CREATE: premise 3 "
                + "is added; premise 3: a Heat point is added; meter " + serial(9) + " is registered and installed "
                + "on 2025-03-01");

        assertThat(imports.write(buildingA, rows, promises(plan), importer).written()).isTrue();

        assertThat(installations(serial(9))).as("building A's own meter at its point, theirs where it was")
                .containsExactlyInAnyOrder("HEAT 0 ENERGY 3 " + serial(9) + " 2025-03-01",
                        "HEAT 0 ENERGY 1 " + serial(9) + " 2025-01-01");
        assertThat(count("""
                select count(*) from meter m join meter_installation i on i.meter_id = m.id
                join metering_point mp on mp.id = i.point_id join building b on b.id = mp.building_id
                where m.serial = ? and m.owner_org_id = ? and b.public_id = ?""", serial(9), service, buildingA))
                .as("the new meter is in the registry of building A's operator").isEqualTo(1);
        assertThat(snapshot(serial(9), other)).as("their meter untouched").isEqualTo(theirs);
        assertThat(imports.preview(buildingA, rows, importer)).extracting(RegisterImportTest::english)
                .containsExactly("UNCHANGED: ");
    }

    @Test
    void aSerialNumberOfAnotherCompanyIsANewMeterOfTheOperatorsRegistry() throws Exception {
        aSerialOfAnotherCompanyIsANewMeterOfTheOperator(operator);
    }

    @Test
    void anAdministratorsImportMatchesOnlyTheBuildingOperatorsMeters() throws Exception {
        aSerialOfAnotherCompanyIsANewMeterOfTheOperator(new AccessScope.Everything("user:admin-" + tag));
    }

    @Test
    void anotherMakersMeterOfTheSameNumberIsAnotherMeter() throws Exception {
        assertThat(english(plan("3,heat," + serial(1) + ",ABC,2025-03-01\n").get(0))).startsWith("CREATE: ");
    }

    @Test
    void aMeterOfTheOperatorsOwnRegistryIsMatchedAsBefore() throws Exception {
        jdbc.sql("update meter set owner_org_id = ? where serial = ?").params(service, serial(2)).update();
        assertThat(english(plan("3,heat," + serial(2) + ",DFS,2025-03-01\n").get(0))).isEqualTo("ERROR: this "
                + "meter is installed elsewhere (premise 2, Heat); remove it there first");
        assertThat(english(plan("2,heat," + serial(2) + ",DFS,2025-01-01\n").get(0))).isEqualTo("UNCHANGED: ");
    }

    @Test
    void aMeterOfTheOperatorsRegistryNowInABuildingTheUserDoesNotSeeIsRefusedWithoutNamingIt() throws Exception {
        // it hung at premise 1 of building A in 2024; an administrator moved it to building B
        jdbc.sql("update meter set owner_org_id = ? where serial = ?").params(service, serial(9)).update();
        jdbc.sql("""
                insert into meter_installation (meter_id, point_id, installed_at, removed_at)
                select m.id, mp.id, '2024-01-01T00:00:00+03:00', '2024-06-01T00:00:00+03:00'
                from meter m, metering_point mp join premise p on p.id = mp.premise_id
                join building b on b.id = mp.building_id
                where m.serial = ? and b.public_id = ? and p.number = '1'""").params(serial(9), buildingA).update();
        assertThat(english(plan("3,heat," + serial(9) + ",DFS,2025-03-01\n").get(0))).isEqualTo("ERROR: this "
                + "meter is installed elsewhere (in a building you do not see); remove it there first");
    }

    @Test
    void aMeterOfTheOperatorsOwnRegistryTheUserDoesNotSeeIsRefused() throws Exception {
        // registered through the API without a channel, never installed: in the registry, in no building
        id("insert into meter (owner_org_id, manufacturer, serial) values (?, 'DFS', ?) returning id", service,
                serial(6));
        RegisterParser.Parsed rows = file("3,heat," + serial(6) + ",DFS,2025-03-01\n");
        List<RowPlan> plan = imports.preview(buildingA, rows, operator);
        assertThat(english(plan.get(0))).isEqualTo("ERROR: the registry of your company already has a meter with this "
                + "serial number, one not installed in a building you see");
        assertThat(imports.write(buildingA, rows, promises(plan), operator).written()).isFalse();
        assertThat(count("select count(*) from meter where serial = ?", serial(6))).isEqualTo(1);
    }

    @Test
    void aMeterInstalledAtAnotherPointIsRefused() throws Exception {
        assertThat(english(plan("1,cold water," + serial(2) + ",DFS,2025-01-01\n").get(0))).isEqualTo("ERROR: this "
                + "meter is installed elsewhere (premise 2, Heat); remove it there first");
    }

    @Test
    void anotherInstallationDateOfAMeterInstalledHereIsRefused() throws Exception {
        assertThat(english(plan("2,heat," + serial(2) + ",DFS,2024-12-31\n").get(0))).isEqualTo("ERROR: this meter is "
                + "installed here since 2025-01-01; another date would be a replacement, not an import");
        assertThat(english(plan("2,heat," + serial(2) + ",DFS,2025-01-01\n").get(0))).isEqualTo("UNCHANGED: ");
    }

    @Test
    void aReplacementBeforeTheMeterItReplacesIsRefusedAndALaterOneIsWritten() throws Exception {
        assertThat(english(plan("2,heat," + serial(3) + ",DFS,2024-06-01\n").get(0))).isEqualTo("ERROR: meter "
                + serial(2) + ", installed here on 2025-01-01, would be replaced before it was installed");

        RegisterParser.Parsed later = file("2,heat," + serial(3) + ",DFS,2025-06-01\n");
        List<RowPlan> plan = imports.preview(buildingA, later, operator);
        assertThat(english(plan.get(0))).isEqualTo("CREATE: meter " + serial(3) + " is registered and installed on "
                + "2025-06-01; meter " + serial(3) + " replaces meter " + serial(2));
        assertThat(imports.write(buildingA, later, plan.stream().map(RowPlan::promise).toList(), operator).written())
                .isTrue();
        assertThat(jdbc.sql("""
                select m.serial || ' ' || to_char(i.installed_at at time zone 'Europe/Moscow', 'YYYY-MM-DD') || ' '
                       || coalesce(to_char(i.removed_at at time zone 'Europe/Moscow', 'YYYY-MM-DD'), 'now')
                from meter_installation i join meter m on m.id = i.meter_id
                where m.serial in (?, ?) order by i.installed_at""").params(serial(2), serial(3))
                .query(String.class).list()).containsExactly(serial(2) + " 2025-01-01 2025-06-01",
                serial(3) + " 2025-06-01 now");
        assertThat(jdbc.sql("select count(*) from audit_log where actor = ? and entity = 'meter_installation'")
                .param(operator.actor()).query(Long.class).single()).as("the removal and the installation").isEqualTo(2);
        assertThat(english(imports.preview(buildingA, later, operator).get(0))).isEqualTo("UNCHANGED: ");
    }

    @Test
    void aMeterASearchFoundIsInstalledAndKeepsItsChannel() throws Exception {
        // a search on building A's channel registers what it finds in the registry of building A's operator
        id("insert into meter (owner_org_id, manufacturer, serial, channel_id) values (?, 'DFS', ?, ?) returning id",
                service, serial(5), channelA);
        RegisterParser.Parsed rows = file("5,heat," + serial(5) + ",,2025-02-01\n");
        List<RowPlan> plan = imports.preview(buildingA, rows, operator);
        assertThat(english(plan.get(0))).isEqualTo("CREATE: premise 5 is added; premise 5: a Heat point is added; "
                + "meter " + serial(5) + ", registered already, is installed on 2025-02-01");
        assertThat(imports.write(buildingA, rows, plan.stream().map(RowPlan::promise).toList(), operator).written())
                .isTrue();
        assertThat(jdbc.sql("select channel_id from meter where serial = ?").param(serial(5)).query(Long.class)
                .single()).isEqualTo(channelA);
        assertThat(jdbc.sql("select count(*) from meter where serial = ?").param(serial(5)).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aPreviewTheRegistryOvertookWritesNothing() throws Exception {
        RegisterParser.Parsed rows = file("7,heat," + serial(7) + ",DFS,2025-02-01\n8,,,,\n");
        List<RowPlan> plan = imports.preview(buildingA, rows, operator);
        assertThat(plan).extracting(RowPlan::status).containsOnly(RowPlan.Status.CREATE);
        // someone registers premise 8 between the preview and the confirmation
        jdbc.sql("insert into premise (building_id, number, kind) select id, '8', 'APARTMENT' from building "
                + "where public_id = ?").param(buildingA).update();

        RegisterImport.Outcome outcome = imports.write(buildingA, rows, plan.stream().map(RowPlan::promise).toList(),
                operator);

        assertThat(outcome.written()).isFalse();
        assertThat(outcome.plan()).extracting(RowPlan::status).containsExactly(RowPlan.Status.CREATE,
                RowPlan.Status.UNCHANGED);
        assertThat(jdbc.sql("select count(*) from meter where serial = ?").param(serial(7)).query(Long.class).single())
                .as("not even the first row").isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where actor = ?").param(operator.actor())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theMessagesOfTheRegistryRulesExistInRussian() throws Exception {
        RowPlan p = plan("1,cold water," + serial(2) + ",DFS,2025-01-01\n").get(0);
        assertThat(RegisterParserTest.english(p.problems().get(0).reason())).doesNotContain("imp.");
        assertThat(new org.springframework.context.support.ResourceBundleMessageSource() {
            {
                setBasename("messages");
                setDefaultEncoding("UTF-8");
                setFallbackToSystemLocale(false);
            }
        }.getMessage(p.problems().get(0).reason(), Locale.forLanguageTag("ru")))
                .isEqualTo("этот счётчик установлен в другом месте (помещение 2, Тепло); сначала снимите его там");
    }

    /** A point of building A that has never had a meter, in a premise added for it if need be. */
    private void emptyPoint(String premise, String resource, int subunit) {
        jdbc.sql("""
                insert into premise (building_id, number, kind) select id, ?, 'APARTMENT' from building
                where public_id = ? on conflict (building_id, number) do nothing""").params(premise, buildingA).update();
        jdbc.sql("""
                insert into metering_point (building_id, premise_id, resource, subunit)
                select p.building_id, p.id, ?, ? from premise p join building b on b.id = p.building_id
                where b.public_id = ? and p.number = ?""").params(resource, subunit, buildingA, premise).update();
    }

    static final String SONOSAFE = "premise,area,resource,maker,model,serial,primary address,installed on\n";

    /** A SonoSafe 10 apartment as a management company's register lists it: the meter in a row per resource. */
    private static String sonoSafe(String premise, String serial, String... installedOn) {
        StringBuilder rows = new StringBuilder();
        List<String> resources = List.of("heat", "cold water", "hot water");
        for (int i = 0; i < resources.size(); i++) {
            rows.append(premise).append(",54.3,").append(resources.get(i)).append(",DFS,SonoSafe 10,").append(serial)
                    .append(",12,").append(installedOn.length > i ? installedOn[i] : "2025-02-01").append('\n');
        }
        return rows.toString();
    }

    /** The meter's installations now: resource, subunit and quantity of the point, premise, serial, since. */
    private List<String> installations(String serial) {
        return jdbc.sql("""
                select mp.resource || ' ' || mp.subunit || ' ' || mp.quantity || ' ' || p.number || ' ' || m.serial
                       || ' ' || to_char(i.installed_at at time zone 'Europe/Moscow', 'YYYY-MM-DD')
                from meter_installation i join meter m on m.id = i.meter_id
                join metering_point mp on mp.id = i.point_id join premise p on p.id = mp.premise_id
                where m.serial = ? and i.removed_at is null order by mp.subunit""").param(serial)
                .query(String.class).list();
    }

    @Test
    void aSonoSafeApartmentInThreeRowsIsOneMeterAtThreePointsAndAgainChangesNothing() throws Exception {
        String s = serial(12);
        RegisterParser.Parsed rows = file(SONOSAFE, sonoSafe("12", s));
        List<RowPlan> plan = imports.preview(buildingA, rows, operator);
        assertThat(plan).extracting(RegisterImportTest::english).containsExactly(
                "CREATE: premise 12 is added; premise 12: a Heat point is added; meter " + s + " is registered and "
                        + "installed on 2025-02-01",
                "CREATE: premise 12: a Cold water point is added, counted on subunit 1 of its meter; meter " + s
                        + ", registered by row 2, is installed here too on 2025-02-01",
                "CREATE: premise 12: a Hot water point is added, counted on subunit 2 of its meter; meter " + s
                        + ", registered by row 2, is installed here too on 2025-02-01");

        assertThat(imports.write(buildingA, rows, promises(plan), operator).written()).isTrue();

        assertThat(count("select count(*) from meter where serial = ?", s)).as("one meter").isEqualTo(1);
        assertThat(installations(s)).containsExactly("HEAT 0 ENERGY 12 " + s + " 2025-02-01",
                "COLD_WATER 1 VOLUME 12 " + s + " 2025-02-01", "HOT_WATER 2 VOLUME 12 " + s + " 2025-02-01");
        assertThat(jdbc.sql("select entity || ' ' || count(*) from audit_log where actor = ? group by entity "
                + "order by entity").param(operator.actor()).query(String.class).list())
                .as("all through the registry, audited").containsExactly("meter 1", "meter_installation 3",
                        "metering_point 3", "premise 1");

        assertThat(imports.preview(buildingA, rows, operator)).extracting(RegisterImportTest::english)
                .containsExactly("UNCHANGED: ", "UNCHANGED: ", "UNCHANGED: ");
    }

    @Test
    void rowsDescribingOneMeterOtherwiseWriteNothing() throws Exception {
        String s = serial(13);
        RegisterParser.Parsed rows = file(SONOSAFE, sonoSafe("13", s, "2025-02-01", "2025-03-01"));
        List<RowPlan> plan = imports.preview(buildingA, rows, operator);
        assertThat(plan).extracting(RowPlan::status).containsExactly(RowPlan.Status.CREATE, RowPlan.Status.ERROR,
                RowPlan.Status.CREATE);
        assertThat(english(plan.get(1))).isEqualTo("ERROR: row 2 describes meter " + s + " otherwise (\"2025-02-01\")");

        assertThat(imports.write(buildingA, rows, promises(plan), operator).written()).isFalse();
        assertThat(count("select count(*) from meter where serial = ?", s)).isZero();
        assertThat(count("select count(*) from premise p join building b on b.id = p.building_id "
                + "where b.public_id = ? and p.number = '13'", buildingA)).isZero();
        assertThat(count("select count(*) from audit_log where actor = ?", operator.actor())).isZero();
    }

    @Test
    void pointsThatNeverHadAMeterTakeTheSubunitOfTheMeterNowInstalled() throws Exception {
        String s = serial(14);
        emptyPoint("14", "HEAT", 0);
        emptyPoint("14", "COLD_WATER", 0);
        RegisterParser.Parsed rows = file(SONOSAFE, sonoSafe("14", s));
        List<RowPlan> plan = imports.preview(buildingA, rows, operator);
        assertThat(english(plan.get(1))).isEqualTo("CREATE: premise 14, Cold water point: subunit 0 → 1; meter " + s
                + ", registered by row 2, is installed here too on 2025-02-01");

        assertThat(imports.write(buildingA, rows, promises(plan), operator).written()).isTrue();
        assertThat(installations(s)).containsExactly("HEAT 0 ENERGY 14 " + s + " 2025-02-01",
                "COLD_WATER 1 VOLUME 14 " + s + " 2025-02-01", "HOT_WATER 2 VOLUME 14 " + s + " 2025-02-01");
    }

    @Test
    void aMeterAlreadyHereGetsAnotherPointOnAnotherSubunitOnly() throws Exception {
        String head = "premise,resource,maker,serial,subunit,installed on\n";
        String s = serial(1);
        assertThat(english(plan(head, "1,cold water,DFS," + s + ",0,2025-01-01\n").get(0))).isEqualTo("ERROR: this "
                + "meter counts the Heat point of this premise on subunit 0 already");
        assertThat(english(plan(head, "1,cold water,DFS," + s + ",,2025-01-01\n").get(0)))
                .as("a meter at one point of the file counts on itself").startsWith("ERROR: this meter counts the Heat");

        RegisterParser.Parsed rows = file(head, "1,heat,DFS," + s + ",,2025-01-01\n1,cold water,DFS," + s
                + ",1,2025-01-01\n");
        List<RowPlan> plan = imports.preview(buildingA, rows, operator);
        assertThat(plan).extracting(RegisterImportTest::english).containsExactly("UNCHANGED: ",
                "CREATE: premise 1: a Cold water point is added, counted on subunit 1 of its meter; meter " + s
                        + ", registered already, is installed on 2025-01-01");
        assertThat(imports.write(buildingA, rows, promises(plan), operator).written()).isTrue();
        assertThat(installations(s)).containsExactly("HEAT 0 ENERGY 1 " + s + " 2025-01-01",
                "COLD_WATER 1 VOLUME 1 " + s + " 2025-01-01");
    }

    @Test
    void aPointThatHasCountedKeepsItsSubunit() throws Exception {
        String head = "premise,resource,maker,serial,subunit,installed on\n";
        assertThat(english(plan(head, "2,heat,DFS," + serial(2) + ",1,2025-01-01\n").get(0))).isEqualTo("ERROR: "
                + "this point has been counted on subunit 0 of its meters since it had one; another subunit would "
                + "change its past consumption");
        assertThat(english(plan(head, "2,heat,DFS," + serial(2) + ",0,2025-01-01\n").get(0)))
                .isEqualTo("UNCHANGED: ");
    }

    @Test
    void anExistingPointKeepsItsSubunitWhereTheFileSaysNone() throws Exception {
        String s = serial(15);
        emptyPoint("15", "GAS", 3);
        RegisterParser.Parsed rows = file("15,gas," + s + ",ZRI,2025-02-01\n");
        List<RowPlan> plan = imports.preview(buildingA, rows, operator);
        assertThat(english(plan.get(0))).isEqualTo("CREATE: meter " + s + " is registered and installed on "
                + "2025-02-01");
        assertThat(imports.write(buildingA, rows, promises(plan), operator).written()).isTrue();
        assertThat(jdbc.sql("""
                select mp.subunit from metering_point mp join premise p on p.id = mp.premise_id
                join building b on b.id = p.building_id where b.public_id = ? and p.number = '15'""")
                .param(buildingA).query(Integer.class).single()).isEqualTo(3);
    }

    static final String ACCOUNTS = "premise,personal account\n";

    /** The building's premises with their accounts, as "number account". */
    private List<String> accounts() {
        return jdbc.sql("""
                select p.number || ' ' || coalesce(p.personal_account, '-') from premise p
                join building b on b.id = p.building_id where b.public_id = ? order by p.number""").param(buildingA)
                .query(String.class).list();
    }

    @Test
    void aPersonalAccountIsSetThenChangedAndASecondImportChangesNothing() throws Exception {
        RegisterParser.Parsed rows = file(ACCOUNTS, "1,1234567890\n20,ЛС-0020\n2,\n");
        List<RowPlan> plan = imports.preview(buildingA, rows, operator);
        assertThat(plan).extracting(RegisterImportTest::english).containsExactly(
                "UPDATE: premise 1: personal account 1234567890 is set",
                "CREATE: premise 20 is added; premise 20: personal account ЛС-0020 is set",
                "UNCHANGED: ");

        assertThat(imports.write(buildingA, rows, promises(plan), operator).written()).isTrue();
        assertThat(accounts()).containsExactly("1 1234567890", "2 -", "20 ЛС-0020");
        assertThat(jdbc.sql("select action from audit_log where actor = ? and entity = 'premise' order by id")
                .param(operator.actor()).query(String.class).list()).as("through the registry, audited")
                .containsExactly("UPDATE", "INSERT");
        assertThat(imports.preview(buildingA, rows, operator)).extracting(RegisterImportTest::english)
                .containsExactly("UNCHANGED: ", "UNCHANGED: ", "UNCHANGED: ");

        RegisterParser.Parsed changed = file(ACCOUNTS, "1,01-234/5\n");
        List<RowPlan> again = imports.preview(buildingA, changed, operator);
        assertThat(english(again.get(0))).isEqualTo("UPDATE: premise 1: Personal account 1234567890 → 01-234/5");
        assertThat(imports.write(buildingA, changed, promises(again), operator).written()).isTrue();
        assertThat(accounts()).containsExactly("1 01-234/5", "2 -", "20 ЛС-0020");
        assertThat(imports.preview(buildingA, file("premise,floor\n", "1,4\n"), operator).get(0).steps().premiseWrite()
                .personalAccount()).as("an import without the column keeps the account").isEqualTo("01-234/5");
    }

    @Test
    void aPersonalAccountAnotherPremiseHasOrAMalformedOneIsARowErrorAndNothingIsWritten() throws Exception {
        jdbc.sql("update premise set personal_account = '0012' where number = '1' and building_id = "
                + "(select id from building where public_id = ?)").param(buildingA).update();
        RegisterParser.Parsed rows = file(ACCOUNTS, "21,0021\n2,0012\n22,12 34\n");
        List<RowPlan> plan = imports.preview(buildingA, rows, operator);
        assertThat(plan).extracting(RegisterImportTest::english).containsExactly(
                "CREATE: premise 21 is added; premise 21: personal account 0021 is set",
                "ERROR: premise 1 of this building has this personal account already: two premises never share "
                        + "one; if the account moved, give premise 1 its new one first",
                "ERROR: is not a personal account: 1 to 30 digits, Latin or Cyrillic letters, - or /, without spaces");
        assertThat(plan.get(1).problems()).extracting(RowProblem::column, RowProblem::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RegisterColumn.PERSONAL_ACCOUNT, "0012"));

        assertThat(imports.write(buildingA, rows, promises(plan), operator).written()).isFalse();
        assertThat(accounts()).containsExactly("1 0012", "2 -");
        assertThat(count("select count(*) from audit_log where actor = ?", operator.actor())).isZero();
        assertThat(new org.springframework.context.support.ResourceBundleMessageSource() {
            {
                setBasename("messages");
                setDefaultEncoding("UTF-8");
                setFallbackToSystemLocale(false);
            }
        }.getMessage(plan.get(1).problems().get(0).reason(), Locale.forLanguageTag("ru"))).isEqualTo("этот "
                + "лицевой счёт уже у помещения 1 этого дома: у двух помещений не бывает одного счёта; если счёт "
                + "перешёл, сначала укажите помещению 1 его новый");
    }

    static final String GIS = "premise,resource,serial,maker,installed on,GIS device GUID\n";

    /** The GUIDs of meters {@code serials}, as "serial guid", by serial. */
    private List<String> gisGuids(String... serials) {
        return jdbc.sql("""
                select serial || ' ' || coalesce(gis_device_guid::text, '-') from meter where serial in (:serials)
                order by serial""").param("serials", List.of(serials)).query(String.class).list();
    }

    @Test
    void aGisDeviceGuidIsSetOnAKnownAndANewMeterShownInThePreviewWrittenAndThenUnchanged() throws Exception {
        UUID known = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        String neu = serial(3);
        RegisterParser.Parsed rows = file(GIS, "1,heat," + serial(1) + ",DFS,2025-01-01," + known + "\n"
                + "3,heat," + neu + ",DFS,2025-03-01,{" + fresh.toString().toUpperCase(Locale.ROOT) + "}\n"
                + "2,heat," + serial(2) + ",DFS,2025-01-01,\n");
        List<RowPlan> plan = imports.preview(buildingA, rows, operator);
        assertThat(plan).extracting(RegisterImportTest::english).containsExactly(
                "UPDATE: meter " + serial(1) + ": GIS device GUID " + known + " is set",
                "CREATE: premise 3 is added; premise 3: a Heat point is added; meter " + neu + " is registered and "
                        + "installed on 2025-03-01; meter " + neu + ": GIS device GUID " + fresh + " is set",
                "UNCHANGED: ");
        assertThat(plan.get(0).steps().meterWrite().gisDeviceGuid()).isEqualTo(known);

        assertThat(imports.write(buildingA, rows, promises(plan), operator).written()).isTrue();
        assertThat(gisGuids(serial(1), serial(2), neu)).containsExactly(serial(1) + " " + known, serial(2) + " -",
                neu + " " + fresh);
        assertThat(jdbc.sql("""
                select a.after ->> 'gis_device_guid' from audit_log a where a.actor = ? and a.entity = 'meter'
                order by a.id""").param(operator.actor()).query(String.class).list())
                .as("through the registry, audited").containsExactly(known.toString(), fresh.toString());
        assertThat(imports.preview(buildingA, rows, operator)).extracting(RegisterImportTest::english)
                .containsExactly("UNCHANGED: ", "UNCHANGED: ", "UNCHANGED: ");

        UUID moved = UUID.randomUUID();
        RegisterParser.Parsed changed = file(GIS, "1,heat," + serial(1) + ",DFS,2025-01-01," + moved + "\n");
        List<RowPlan> again = imports.preview(buildingA, changed, operator);
        assertThat(english(again.get(0))).isEqualTo("UPDATE: meter " + serial(1) + ": GIS device GUID " + known
                + " → " + moved);
        assertThat(imports.write(buildingA, changed, promises(again), operator).written()).isTrue();
        assertThat(gisGuids(serial(1))).containsExactly(serial(1) + " " + moved);
        assertThat(imports.preview(buildingA, file("1,heat," + serial(1) + ",DFS,2025-01-01\n"), operator).get(0)
                .status()).as("an import without the column keeps the GUID").isEqualTo(RowPlan.Status.UNCHANGED);
    }

    @Test
    void aGisDeviceGuidAnotherMeterHasSeenOrNotIsARowErrorAndNothingIsWritten() throws Exception {
        UUID ours = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        jdbc.sql("update meter set gis_device_guid = ? where serial = ?").params(ours, serial(1)).update();
        theirMeter();
        jdbc.sql("update meter set gis_device_guid = ? where serial = ?").params(theirs, serial(9)).update();
        RegisterParser.Parsed rows = file(GIS, "2,heat," + serial(2) + ",DFS,2025-01-01," + ours + "\n"
                + "3,heat," + serial(3) + ",DFS,2025-03-01," + theirs + "\n"
                + "4,heat," + serial(4) + ",DFS,2025-03-01,not-a-guid\n"
                + "1,heat," + serial(1) + ",DFS,2025-01-01,\n");
        List<RowPlan> plan = imports.preview(buildingA, rows, operator);
        assertThat(plan).extracting(RegisterImportTest::english).containsExactly(
                "ERROR: meter " + serial(1) + " has this GIS device GUID already: two meters never share one; if "
                        + "the GUID moved, give meter " + serial(1) + " its new one first",
                "ERROR: a meter you do not see has this GIS device GUID already: two meters never share one",
                "ERROR: is not a GIS device GUID: 32 hex digits grouped 8-4-4-4-12, e.g. "
                        + "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                "UNCHANGED: ");
        assertThat(plan.get(0).problems()).extracting(RowProblem::column, RowProblem::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RegisterColumn.GIS_DEVICE_GUID,
                        ours.toString()));

        assertThat(imports.write(buildingA, rows, promises(plan), operator).written()).isFalse();
        assertThat(gisGuids(serial(1), serial(2), serial(9))).containsExactly(serial(1) + " " + ours,
                serial(2) + " -", serial(9) + " " + theirs);
        assertThat(count("select count(*) from audit_log where actor = ?", operator.actor())).isZero();
        assertThat(RegisterParserTest.MESSAGES.getMessage(plan.get(0).problems().get(0).reason(),
                Locale.forLanguageTag("ru"))).isEqualTo("этот идентификатор ГИС ЖКХ уже у счётчика " + serial(1)
                + ": у двух счётчиков не бывает одного идентификатора; если идентификатор перешёл, сначала укажите "
                + "счётчику " + serial(1) + " его новый");
    }
}
