package org.openamr.server.web.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.evaluation.AlarmEvaluator;
import org.openamr.server.support.FormSession;
import org.openamr.server.support.ServerTest;
import org.openamr.server.support.World;
import org.openamr.server.web.Formats;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * The alarms page and the alarms on the other pages, with alarms the evaluation raised from the World's data: a
 * manager lists, filters and acknowledges their company's (times in the building's zone, a second acknowledgement
 * refused with who and when), a resident reads their apartment's in plain words and acknowledges nothing, another
 * company's manager sees none of them; the buildings carry a badge of their open alarms.
 */
@ServerTest
// the evaluation raises alarms on every object of its database: a context, and so a database, of its own, so that
// test classes sharing the World's database find no alarms they did not make
@TestPropertySource(properties = "openamr.test.context=alarms-page")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlarmsPageTest {

    static final String PASSWORD = "correct horse battery";
    /** Building A's zone, ten hours from UTC and seven from Moscow, the default: a time shown in another zone shows. */
    static final ZoneId ZONE = ZoneId.of("Asia/Vladivostok");
    static final Locale RU = Locale.forLanguageTag("ru");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    AlarmEvaluator evaluator;
    @Autowired
    Formats fmt;
    World w;

    UUID errorA1;
    UUID dueA1;
    UUID errorA2;
    UUID silentA2;
    UUID silentHouse;
    UUID errorB1;

    @BeforeAll
    void alarms() {
        w = World.in(jdbc, passwords.encode(PASSWORD));
        jdbc.sql("update building set time_zone = ? where public_id = ?").params(ZONE.getId(), w.buildingA).update();
        long orgB = jdbc.sql("select id from organisation where public_id = ?").param(w.managementB)
                .query(Long.class).single();
        jdbc.sql("insert into app_user (username, password_hash, role, organisation_id) values ('manager-b', ?, 'MANAGER', ?)")
                .params(passwords.encode(PASSWORD), orgB).update();
        Instant first = Instant.now().minus(Duration.ofMinutes(10));
        // read an hour before, with the World's error E1 still raised: a meter error (A1, B1); A1's verification due in
        // 10 days; A2 and the house meter never heard: no readings
        jdbc.sql("update meter set last_seen_at = ? where public_id in (?, ?)")
                .params(Timestamp.from(first.minus(Duration.ofHours(1))), w.meterA1, w.meterB1).update();
        jdbc.sql("update meter set next_verification = ? where public_id = ?")
                .params(LocalDate.ofInstant(first, ZONE).plusDays(10), w.meterA1).update();
        assertThat(evaluator.evaluate(first).ran()).isTrue();
        // A2 heard at last: its silence ends (history), and its error E1 shows
        jdbc.sql("update meter set last_seen_at = ? where public_id = ?").params(Timestamp.from(first), w.meterA2)
                .update();
        assertThat(evaluator.evaluate(Instant.now()).ran()).isTrue();
        errorA1 = alarm(RuleKind.METER_ERROR, w.meterA1, false);
        dueA1 = alarm(RuleKind.VERIFICATION_DUE, w.meterA1, false);
        errorA2 = alarm(RuleKind.METER_ERROR, w.meterA2, false);
        silentA2 = alarm(RuleKind.NO_READINGS, w.meterA2, true);
        silentHouse = jdbc.sql("select public_id from alarm where rule = 'NO_READINGS' and object_label like '%10000009'"
                + " and cleared_at is null").query(UUID.class).single();
        errorB1 = alarm(RuleKind.METER_ERROR, w.meterB1, false);
    }

    private UUID alarm(RuleKind rule, UUID object, boolean cleared) {
        return jdbc.sql("select public_id from alarm where rule = ? and object_id = ? and (cleared_at is not null) = ?")
                .params(rule.name(), object, cleared).query(UUID.class).single();
    }

    private FormSession signedIn(String user) {
        FormSession s = new FormSession(port);
        assertThat(s.login(user, PASSWORD).statusCode()).isEqualTo(302);
        return s;
    }

    private String page(FormSession s, String path) {
        HttpResponse<String> r = s.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    /** The table row of an alarm, up to its end. */
    private static String row(String body, UUID alarm) {
        int start = body.indexOf("id=\"alarm-" + alarm + "\"");
        assertThat(start).as("the row of alarm " + alarm).isNotNegative();
        return body.substring(start, body.indexOf("</tr>", start));
    }

    private String russian(Instant at, ZoneId zone) {
        LocaleContextHolder.setLocale(RU);
        try {
            return fmt.dateTime(at, zone);
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    private Instant instant(String column, UUID alarm) {
        return jdbc.sql("select " + column + " from alarm where public_id = ?").param(alarm).query(Timestamp.class)
                .single().toInstant();
    }

    @Test
    void aManagerSeesTheOpenAlarmsOfTheirBuildingsInTheirWordsAndTheBuildingsTime() {
        FormSession manager = signedIn("manager");
        String body = page(manager, "/alarms");
        assertThat(body).contains("id=\"nav-alarms\"", "aria-current=\"page\"", "<h1>Аварии</h1>");
        assertThat(body).contains("data-alarm=\"" + errorA1, "data-alarm=\"" + dueA1, "data-alarm=\"" + errorA2,
                "data-alarm=\"" + silentHouse).doesNotContain(silentA2.toString(), errorB1.toString(), "ул. Вторая");

        String due = row(body, dueA1);
        assertThat(due).contains("sev-WARNING", "Предупреждение", "Поверка скоро или просрочена",
                "<small class=\"object\">кв. 1, Тепло, № 10000001</small>", "href=\"/buildings/" + w.buildingA + "\"",
                "href=\"/apartments/" + w.premiseA1 + "\"", "кв. 1", "due in 10 days");
        Instant raised = instant("raised_at", dueA1);
        assertThat(due).as("raised at, in the building's zone").contains(russian(raised, ZONE))
                .doesNotContain(russian(raised, ZoneId.of("Europe/Moscow")));
        assertThat(row(body, silentHouse)).contains("sev-CRITICAL", "Критическая", "Нет показаний",
                "<small class=\"object\">Тепло, № 10000009</small>").doesNotContain("href=\"/apartments/");
        // nobody acknowledges A1's error in these tests (a too long comment is refused)
        assertThat(row(body, errorA1)).contains("Прибор сообщает об ошибке", "E1 (Error)", "новая",
                "action=\"/alarms/" + errorA1 + "/acknowledge\"", "name=\"comment\"", "maxlength=\"2000\"");

        String english = page(manager, "/alarms?lang=en");
        assertThat(row(english, dueA1)).contains("Verification due or overdue", "Warning", "apt. 1, Heat");
        assertThat(row(english, errorA1)).contains("Meter reports an error", "Critical", "raised", "Acknowledge");
    }

    @Test
    void theFiltersNarrowTheListAndKeepTheHistory() {
        FormSession manager = signedIn("manager");
        String critical = page(manager, "/alarms?severity=CRITICAL");
        assertThat(critical).contains(errorA1.toString(), silentHouse.toString()).doesNotContain(dueA1.toString());
        String due = page(manager, "/alarms?rule=VERIFICATION_DUE");
        assertThat(due).contains(dueA1.toString(), "Показаны 1–1 из 1").doesNotContain(errorA1.toString());
        assertThat(page(manager, "/alarms?building=" + w.buildingA)).contains(errorA1.toString(), dueA1.toString());
        assertThat(page(manager, "/alarms?building=" + w.buildingB)).as("another company's building")
                .contains("Нет подходящих аварий").doesNotContain(errorB1.toString());
        assertThat(page(manager, "/alarms?premise=" + w.premiseA2)).contains(errorA2.toString(),
                "Показаны аварии одной квартиры").doesNotContain(errorA1.toString(), silentA2.toString());

        String history = page(manager, "/alarms?state=CLEARED");
        assertThat(history).contains(silentA2.toString()).doesNotContain(errorA1.toString());
        assertThat(row(history, silentA2)).contains("снята " + russian(instant("cleared_at", silentA2), ZONE),
                "Нет показаний", "last reading at").doesNotContain("/acknowledge");
        assertThat(page(manager, "/alarms?state=ALL")).contains(silentA2.toString(), errorA1.toString());

        String wrong = page(manager, "/alarms?severity=LOUD&rule=FIRE&building=nowhere&page=x");
        assertThat(wrong).contains("Важности «LOUD» нет", "Вида аварий «FIRE» нет",
                "Отбор по дому «nowhere» — не идентификатор дома", "«x» — не номер страницы", errorA1.toString(),
                dueA1.toString());
    }

    @Test
    void aManagerAcknowledgesWithACommentAndReturnsToTheListAsItWas() {
        FormSession manager = signedIn("manager");
        String list = page(manager, "/alarms?rule=VERIFICATION_DUE&severity=WARNING");
        HttpResponse<String> done = manager.postForm("/alarms/" + dueA1 + "/acknowledge",
                "comment=" + FormSession.enc("Поверитель придёт во вторник") + "&rule=VERIFICATION_DUE&severity=WARNING",
                list);
        assertThat(done.statusCode()).isEqualTo(302);
        String back = done.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(back).isEqualTo("/alarms?severity=WARNING&rule=VERIFICATION_DUE");
        String after = page(manager, back);
        assertThat(after).contains("id=\"acknowledged\"",
                "Авария «Поверка скоро или просрочена» (ул. Первая, 1, кв. 1, Тепло, № 10000001) квитирована.");
        Instant at = instant("acknowledged_at", dueA1);
        assertThat(row(after, dueA1)).contains("data-state=\"ACKNOWLEDGED\"", "квитирована", ">manager<",
                "Поверитель придёт во вторник", russian(at, ZONE)).doesNotContain("/acknowledge");
        assertThat(jdbc.sql("select acknowledged_by || ': ' || acknowledged_comment from alarm where public_id = ?")
                .param(dueA1).query(String.class).single()).isEqualTo("manager: Поверитель придёт во вторник");
        assertThat(page(manager, "/alarms?state=RAISED")).doesNotContain(dueA1.toString()).contains(errorA1.toString());
        assertThat(page(manager, "/alarms?state=ACKNOWLEDGED")).contains(dueA1.toString())
                .doesNotContain(errorA1.toString());

        // the same form again, as from a page loaded before: refused (the journal's 409) with who acknowledged it
        // and when, back on the list
        HttpResponse<String> again = manager.postForm("/alarms/" + dueA1 + "/acknowledge",
                "comment=second&rule=VERIFICATION_DUE", list);
        assertThat(again.statusCode()).isEqualTo(302);
        String refused = page(manager, again.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", ""));
        assertThat(refused).contains("id=\"refusal\"", "Аварию «Поверка скоро или просрочена» (ул. Первая, 1, кв. 1,"
                + " Тепло, № 10000001) уже квитировал пользователь manager " + russian(at, ZONE) + ".")
                .doesNotContain("id=\"acknowledged\"");
        assertThat(row(refused, dueA1)).contains("class=\"refused\"", "Поверитель придёт во вторник");
        assertThat(instant("acknowledged_at", dueA1)).as("the first acknowledgement stays").isEqualTo(at);
        assertThat(jdbc.sql("select acknowledged_comment from alarm where public_id = ?").param(dueA1)
                .query(String.class).single()).isEqualTo("Поверитель придёт во вторник");
    }

    @Test
    void aCommentTooLongIsSaidOnThePageAndNothingIsAcknowledged() {
        FormSession manager = signedIn("manager");
        String list = page(manager, "/alarms");
        HttpResponse<String> refused = manager.postForm("/alarms/" + errorA1 + "/acknowledge",
                "comment=" + "x".repeat(2001), list);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(page(manager, "/alarms")).contains("Комментарий длиннее 2000 знаков (2001)", errorA1.toString());
        assertThat(jdbc.sql("select acknowledged_at is null from alarm where public_id = ?").param(errorA1)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aResidentReadsTheirApartmentsAlarmsInPlainWordsAndCannotAcknowledge() {
        FormSession resident = signedIn("resident");
        String body = page(resident, "/alarms");
        assertThat(body).contains("id=\"nav-alarms\"", errorA1.toString(), dueA1.toString())
                .doesNotContain(errorA2.toString(), silentHouse.toString(), errorB1.toString());
        assertThat(row(body, dueA1)).contains("Поверка скоро или просрочена",
                "Срок поверки счётчика скоро наступит или уже прошёл", "кв. 1, Тепло, № 10000001");
        assertThat(row(body, errorA1)).contains("Счётчик сообщает о собственной неисправности")
                .doesNotContain("E1 (Error)");
        assertThat(body).doesNotContain("/acknowledge", "<textarea", "href=\"/buildings/", "f-building");

        HttpResponse<String> tried = resident.postForm("/alarms/" + errorA1 + "/acknowledge", "comment=fixed", body);
        assertThat(tried.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select acknowledged_at is null from alarm where public_id = ?").param(errorA1)
                .query(Boolean.class).single()).isTrue();

        String apartment = page(resident, "/apartments/" + w.premiseA1);
        assertThat(apartment).contains("id=\"alarms\"", "Открытые аварии", "data-alarm=\"" + errorA1,
                "Счётчик сообщает о собственной неисправности").doesNotContain(errorA2.toString());
        assertThat(page(resident, "/alarms?premise=" + w.premiseA2)).as("a neighbour's apartment")
                .contains("Нет подходящих аварий").doesNotContain(errorA2.toString());
    }

    @Test
    void anotherCompanysManagerSeesOnlyTheirOwn() {
        FormSession other = signedIn("manager-b");
        String body = page(other, "/alarms?state=ALL");
        assertThat(body).contains(errorB1.toString(), "ул. Вторая, 2")
                .doesNotContain(errorA1.toString(), dueA1.toString(), errorA2.toString(), silentA2.toString(),
                        silentHouse.toString(), "ул. Первая");
        HttpResponse<String> tried = other.postForm("/alarms/" + errorA1 + "/acknowledge", "comment=mine", body);
        assertThat(tried.statusCode()).as("as if there were no such alarm").isEqualTo(404);
        assertThat(jdbc.sql("select acknowledged_at is null from alarm where public_id = ?").param(errorA1)
                .query(Boolean.class).single()).isTrue();
        assertThat(page(other, "/")).doesNotContain("/alarms?building=" + w.buildingA)
                .contains("href=\"/alarms?building=" + w.buildingB + "\"");
    }

    @Test
    void theBuildingsCarryTheirOpenAlarmsAndTheApartmentAndMeterPagesListThem() {
        FormSession manager = signedIn("manager");
        long open = jdbc.sql("select count(*) from alarm a join building b on b.id = a.building_id"
                + " where b.public_id = ? and a.cleared_at is null").param(w.buildingA).query(Long.class).single();
        assertThat(open).isEqualTo(4);
        for (String path : new String[] {"/", "/buildings/" + w.buildingA}) {
            assertThat(page(manager, path)).as(path).contains("href=\"/alarms?building=" + w.buildingA + "\"",
                    "class=\"alarm-badge sev-CRITICAL\"", "data-count=\"4\"", "4 открытые аварии");
        }

        String apartment = page(manager, "/apartments/" + w.premiseA1);
        assertThat(apartment).contains("id=\"alarms\"", "data-alarm=\"" + errorA1, "data-alarm=\"" + dueA1,
                "href=\"/alarms?premise=" + w.premiseA1 + "&amp;state=ALL\"").doesNotContain(errorA2.toString(),
                "Счётчик сообщает о собственной неисправности");
        String meter = page(manager, "/meters/" + w.meterA2);
        assertThat(meter).contains("id=\"alarms\"", "data-alarm=\"" + errorA2, "Прибор сообщает об ошибке")
                .doesNotContain(silentA2.toString(), errorA1.toString());
        assertThat(page(manager, "/meters/" + w.meterA1)).contains("data-alarm=\"" + errorA1, "data-alarm=\"" + dueA1);
    }
}
