package org.openamr.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openamr.acquisition.readout.MeterCondition;
import org.openamr.demo.DemoBuilding;
import org.openamr.server.event.MeterEvents;
import org.openamr.server.reading.ReadingSource;
import org.openamr.server.support.FormSession;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The meters page in a real browser: a meter in error with its meaning in English and Russian, a silent meter
 * with the time of its last reading, an overdue verification; filters and sorting swapped in by htmx and
 * kept in the address; paging; each role's scope; without script; on a phone's width.
 */
@DemoWebTest
class MetersPageIT extends BrowserTest {

    static final String ERROR_METER = "68410002";
    static final String OVERDUE_METER = "68410003";
    static final String SILENT_METER = "55500001";
    static final int OTHER_BUILDING_METERS = 60;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterEvents events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Formats fmt;

    Instant raised;
    Instant silentSince;
    /** The meter the demo itself put in error (DemoFaults: air in its flow sensor), red beside the test's. */
    String demoError;
    UUID otherBuilding;

    @BeforeAll
    void meters() {
        raised = Instant.now().minusSeconds(600);
        transactions.executeWithoutResult(tx -> events.record(meterId(ERROR_METER), raised,
                List.of(new MeterCondition("TEST_LEAK", "leak suspected", "подозрение на утечку", false)),
                ReadingSource.POLL));
        LocalDate today = LocalDate.now(DemoBuilding.ZONE);
        jdbc.sql("update meter set next_verification = ? where serial = ?").params(today.minusDays(1), OVERDUE_METER)
                .update();
        jdbc.sql("update meter set next_verification = ? where serial = '68410001'").param(today.plusYears(1)).update();
        silentSince = silentGasMeterInApartment4();
        demoError = jdbc.sql("select distinct m.serial from meter_event e join meter m on m.id = e.meter_id"
                + " where e.code = 'NO_FLOW_SIGNAL'").query(String.class).single();
        otherBuilding = anotherCompanysBuildingWithMeters(OTHER_BUILDING_METERS);
    }

    @AfterAll
    void clearTheCondition() {
        if (raised == null) {
            return; // the class was skipped (no browser) before it raised anything
        }
        transactions.executeWithoutResult(tx -> events.record(meterId(ERROR_METER), raised.plusSeconds(1), List.of(),
                ReadingSource.POLL));
    }

    private long meterId(String serial) {
        return jdbc.sql("select id from meter where serial = ?").param(serial).query(Long.class).single();
    }

    /** A gas meter at a point of its own in apartment 4, last read five days ago: silent by the 48-hour rule. */
    private Instant silentGasMeterInApartment4() {
        Instant last = Instant.now().minus(Duration.ofDays(5)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        long premise = jdbc.sql("select p.id from premise p join building b on b.id = p.building_id"
                + " where b.address = ? and p.number = '4'").param(DemoBuilding.ADDRESS).query(Long.class).single();
        long building = jdbc.sql("select building_id from premise where id = ?").param(premise).query(Long.class).single();
        long meter = jdbc.sql("insert into meter (manufacturer, model, serial, medium) values ('ELS', 'BK-G4', ?, 'gas')"
                + " returning id").param(SILENT_METER).query(Long.class).single();
        long point = jdbc.sql("insert into metering_point (building_id, premise_id, resource) values (?, ?, 'GAS')"
                + " returning id").params(building, premise).query(Long.class).single();
        jdbc.sql("insert into meter_installation (meter_id, point_id, installed_at) values (?, ?, ?)")
                .params(meter, point, Timestamp.from(last.minus(Duration.ofDays(20)))).update();
        long register = jdbc.sql("insert into register (meter_id, quantity, unit, cumulative) values (?, 'VOLUME', 'm³',"
                + " true) returning id").param(meter).query(Long.class).single();
        jdbc.sql("insert into reading (register_id, measured_at, value, source) values (?, ?, 1234.567, 'POLL')")
                .params(register, Timestamp.from(last)).update();
        return last;
    }

    /** A building of other companies with many never-read house meters: one more page, for administrators only. */
    private UUID anotherCompanysBuildingWithMeters(int n) {
        long management = jdbc.sql("insert into organisation (kind, name) values ('MANAGEMENT', 'УК Другая') returning id")
                .query(Long.class).single();
        long building = jdbc.sql("insert into building (address, management_org_id) values ('ул. Страничная, 7', ?)"
                + " returning id").param(management).query(Long.class).single();
        for (int i = 1; i <= n; i++) {
            long meter = jdbc.sql("insert into meter (manufacturer, serial) values ('ZRI', ?) returning id")
                    .param(Integer.toString(77_700_000 + i)).query(Long.class).single();
            long point = jdbc.sql("insert into metering_point (building_id, resource, name) values (?, 'HEAT', ?)"
                    + " returning id").params(building, "p" + i).query(Long.class).single();
            jdbc.sql("insert into meter_installation (meter_id, point_id, installed_at) values (?, ?, now())")
                    .params(meter, point).update();
        }
        return jdbc.sql("select public_id from building where id = ?").param(building).query(UUID.class).single();
    }

    /** The serial numbers the list shows, in its order. */
    private List<String> serials() {
        return session.attributes("#results tr[data-meter]", "data-meter");
    }

    private void awaitSerials(java.util.function.Predicate<List<String>> shown) {
        new WebDriverWait(browser, BrowserSession.WAIT).until(d -> shown.test(serials()));
    }

    private WebElement row(String serial) {
        return browser.findElement(By.cssSelector("#results tr[data-meter='" + serial + "']"));
    }

    /** The silent meter's last reading as the page writes it in a language. */
    private String formatted(Locale language) {
        LocaleContextHolder.setLocale(language);
        try {
            return fmt.dateTime(silentSince, DemoBuilding.ZONE);
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    /** Whether the page is the one the test marked, i.e. htmx changed it in place rather than loading another. */
    private boolean samePage() {
        return Boolean.TRUE.equals(browser.executeScript("return window.openamrStay === true;"));
    }

    @Test
    void aMeterInErrorSaysWhatItMeansInEnglishAndRussianWithTheSilentAndTheOverdueOnes() throws IOException {
        session.login("manager", "manager-demo");
        session.follow(browser.findElement(By.id("nav-meters")));
        assertThat(session.h1()).isEqualTo("Meters");
        assertThat(browser.findElement(By.id("nav-meters")).getAttribute("aria-current")).isEqualTo("page");

        WebElement error = row(ERROR_METER);
        assertThat(error.getAttribute("data-status")).isEqualTo("ERROR");
        assertThat(error.findElement(By.cssSelector(".status")).getText()).contains("error", "leak suspected",
                "TEST_LEAK");
        assertThat(error.findElement(By.cssSelector(".place")).getText()).contains(DemoBuilding.ADDRESS, "Apt. 2",
                "Heat", "Cold water", "Hot water");

        String since = formatted(Locale.ENGLISH);
        WebElement silent = row(SILENT_METER);
        assertThat(silent.getAttribute("data-status")).isEqualTo("SILENT");
        assertThat(silent.findElement(By.cssSelector(".status")).getText()).isEqualTo("no data since " + since);
        assertThat(silent.findElement(By.cssSelector(".last")).getText()).contains("5 days ago");
        assertThat(silent.getText()).contains("Elster", "BK-G4", "gas", "Gas");

        assertThat(row(OVERDUE_METER).findElement(By.cssSelector(".verification")).getText()).contains("overdue");
        assertThat(row("68410001").findElement(By.cssSelector(".verification")).getText()).doesNotContain("overdue");
        assertThat(row("68410001").getAttribute("data-status")).isEqualTo("OK");
        assertThat(serials()).as("another company's meters").noneMatch(s -> s.startsWith("777"));
        assertThat(browser.findElement(By.id("rule")).getText()).contains("48 hours");
        Browser.screenshot(browser, "meters-en");

        session.follow(browser.findElement(By.id("lang-ru")));
        assertThat(session.h1()).isEqualTo("Счётчики");
        assertThat(row(ERROR_METER).findElement(By.cssSelector(".status")).getText()).contains("ошибка",
                "подозрение на утечку", "TEST_LEAK");
        assertThat(row(SILENT_METER).findElement(By.cssSelector(".status")).getText())
                .isEqualTo("нет данных с " + formatted(Locale.forLanguageTag("ru")));
        assertThat(row(OVERDUE_METER).findElement(By.cssSelector(".verification")).getText()).contains("просрочена");
        Browser.screenshot(browser, "meters-ru");
    }

    @Test
    void filtersAndSortingChangeTheListInPlaceAndStayInTheAddress() {
        session.login("manager", "manager-demo");
        browser.get(session.url("/meters"));
        List<String> all = serials();
        assertThat(all).contains(ERROR_METER, OVERDUE_METER, SILENT_METER, "68410001", "68410004", "71230001");
        browser.executeScript("window.openamrStay = true;");

        new Select(browser.findElement(By.id("f-status"))).selectByValue("ERROR");
        List<String> inError = List.of(ERROR_METER, demoError);
        awaitSerials(s -> s.size() == 2 && s.containsAll(inError));
        new WebDriverWait(browser, BrowserSession.WAIT).until(d -> d.getCurrentUrl().contains("status=ERROR"));
        assertThat(samePage()).as("htmx swapped the list; the page was not reloaded").isTrue();
        assertThat(browser.findElement(By.id("count")).getText()).isEqualTo("Showing 1–2 of 2");

        // the address is the list: opened anew, it shows the same
        browser.get(browser.getCurrentUrl());
        assertThat(serials()).containsExactlyInAnyOrderElementsOf(inError);
        assertThat(new Select(browser.findElement(By.id("f-status"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("ERROR");

        session.follow(browser.findElement(By.id("clear")));
        browser.executeScript("window.openamrStay = true;");
        browser.findElement(By.id("f-q")).sendKeys("68410004");
        awaitSerials(s -> s.equals(List.of("68410004")));
        browser.findElement(By.id("f-q")).clear();
        browser.findElement(By.id("f-q")).sendKeys("4");
        // an apartment's number matches whole: apartment 4's meters, and the serials with a 4 in them
        awaitSerials(s -> s.contains(SILENT_METER) && !s.contains("71230001"));
        assertThat(serials()).allMatch(s -> s.contains("4") || s.equals(SILENT_METER));
        assertThat(samePage()).isTrue();

        session.follow(browser.findElement(By.id("clear")));
        new Select(browser.findElement(By.id("f-resource"))).selectByValue("GAS");
        awaitSerials(s -> s.equals(List.of(SILENT_METER)));
        session.follow(row(SILENT_METER).findElement(By.cssSelector("a.apartment")));
        assertThat(session.h1()).isEqualTo("Apartment 4");
        assertThat(browser.findElements(By.cssSelector("article.meter[data-meter='" + SILENT_METER + "']"))).hasSize(1);

        browser.get(session.url("/meters"));
        browser.executeScript("window.openamrStay = true;");
        browser.findElement(By.id("sort-serial")).click();
        new WebDriverWait(browser, BrowserSession.WAIT).until(d -> "ascending".equals(
                d.findElement(By.cssSelector("th:has(#sort-serial)")).getAttribute("aria-sort")));
        List<String> ascending = serials();
        assertThat(ascending).containsExactlyInAnyOrderElementsOf(all).isSorted();
        browser.findElement(By.id("sort-serial")).click();
        new WebDriverWait(browser, BrowserSession.WAIT).until(d -> "descending".equals(
                d.findElement(By.cssSelector("th:has(#sort-serial)")).getAttribute("aria-sort")));
        List<String> descending = new ArrayList<>(ascending);
        descending.sort(Comparator.reverseOrder());
        assertThat(serials()).isEqualTo(descending);
        assertThat(browser.getCurrentUrl()).contains("sort=serial", "dir=desc");

        // one building: no building to choose (issue 11); a filter keeps the order in force
        assertThat(browser.findElements(By.id("f-building"))).isEmpty();
        new Select(browser.findElement(By.id("f-resource"))).selectByValue("HEAT");
        new WebDriverWait(browser, BrowserSession.WAIT).until(d -> d.getCurrentUrl().contains("resource=HEAT"));
        awaitSerials(s -> !s.isEmpty() && !s.equals(descending));
        assertThat(serials()).contains(ERROR_METER).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(browser.getCurrentUrl()).contains("sort=serial", "dir=desc");

        browser.findElement(By.id("sort-status")).click();
        awaitSerials(s -> !s.isEmpty() && inError.contains(s.get(0)) && !s.equals(descending));
        assertThat(samePage()).isTrue();
    }

    @Test
    void anAdministratorPagesThroughAnotherCompanysMeters() {
        session.login("admin", "admin-demo");
        browser.get(session.url("/meters?building=" + otherBuilding + "&sort=serial"));
        assertThat(serials()).hasSize(50).allMatch(s -> s.startsWith("777")).isSorted();
        assertThat(browser.findElement(By.id("count")).getText()).isEqualTo("Showing 1–50 of 60");
        assertThat(row("77700001").getAttribute("data-status")).isEqualTo("NO_DATA");
        assertThat(row("77700001").findElement(By.cssSelector(".place")).getText()).contains("ул. Страничная, 7",
                "building meter");
        browser.executeScript("window.openamrStay = true;");
        browser.findElement(By.id("page-next")).click();
        awaitSerials(s -> s.size() == OTHER_BUILDING_METERS - 50);
        assertThat(serials()).allMatch(s -> s.startsWith("777")).isSorted().first().isEqualTo("77700051");
        assertThat(browser.findElement(By.id("count")).getText()).isEqualTo("Showing 51–60 of 60");
        assertThat(browser.getCurrentUrl()).contains("page=2");
        assertThat(samePage()).isTrue();
    }

    @Test
    void withoutScriptTheFormAndLinksServeTheSameListAndABadFilterIsSaid() {
        FormSession plain = new FormSession(port);
        plain.login("manager", "manager-demo");
        HttpResponse<String> errors = plain.get("/meters?status=ERROR&sort=serial");
        assertThat(errors.statusCode()).isEqualTo(200);
        assertThat(errors.body()).contains("data-meter=\"" + ERROR_METER + "\"").doesNotContain("data-meter=\"68410001\"")
                .contains("<form id=\"meter-filter\"", "method=\"get\"", "href=\"/meters?status=ERROR&amp;sort=serial&amp;dir=desc\"");
        HttpResponse<String> bad = plain.get("/meters?status=BROKEN&page=x&lang=en");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("There is no status &quot;BROKEN&quot;", "is not a page number",
                "data-meter=\"68410001\"", "data-meter=\"" + ERROR_METER + "\"");
    }

    @Test
    void aResidentSeesTheirOwnMetersOnly() {
        session.login("resident", "resident-demo");
        browser.get(session.url("/meters"));
        assertThat(serials()).containsExactly("68410001");
        assertThat(browser.findElements(By.id("nav-unassigned"))).isEmpty();
        assertThat(browser.findElements(By.id("nav-users"))).isEmpty();
        assertThat(session.statusInThisSession("/meters/unassigned")).isEqualTo(403);
    }

    @Test
    void theListFitsAPhonesWidth() throws IOException {
        session.login("operator", "operator-demo");
        session.atPhoneWidth(() -> {
            browser.get(session.url("/meters"));
            assertThat(serials()).contains(ERROR_METER);
            assertThat(session.overflow()).as("the page fits a phone's width").isLessThanOrEqualTo(0L);
            assertThat(browser.findElement(By.id("sort-serial")).isDisplayed()).as("sorting on a phone too").isTrue();
            Browser.screenshot(browser, "meters-phone");
        });
    }
}
