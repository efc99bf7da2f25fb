package org.openamr.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openamr.demo.DemoServerTest;
import org.openamr.server.consumption.ConsumptionService;
import org.openamr.server.consumption.Resolution;
import org.openamr.server.consumption.TargetKind;
import org.openamr.server.consumption.TimeParameter;
import org.openamr.server.point.MeteringPoint.Resource;
import org.openamr.acquisition.readout.MeterCondition;
import org.openamr.demo.DemoBuilding;
import org.openamr.server.event.MeterEvents;
import org.openamr.server.reading.ReadingSource;
import org.openamr.server.security.AccessScope;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The web account in a real browser, on the demo building seeded small (3 apartments, 2 months of
 * history): sign-in per role, portfolio → building → apartment, the charts drawn with data, a
 * resident kept to their own apartment, the language switch. Screenshots go to target/screenshots.
 */
@DemoServerTest
@TestPropertySource(properties = {"openamr.demo.enabled=true", "openamr.demo.radio-meters=0", "openamr.demo.entrances=1",
        "openamr.demo.apartments-per-entrance=3", "openamr.demo.history-months=2", "openamr.demo.hourly-days=1",
        "openamr.polling.enabled=false"})
class WebPagesIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConsumptionService consumption;
    @Autowired
    MeterEvents events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DemoBuilding building;

    private static String english(BigDecimal value) {
        return String.format(java.util.Locale.ENGLISH, "%,.3f", value.setScale(3, java.math.RoundingMode.HALF_EVEN));
    }

    private UUID building() {
        return jdbc.sql("select public_id from building").query(UUID.class).single();
    }

    /** The apartment whose meter the demo put in error (DemoFaults: air in the flow sensor). */
    private String apartmentInError() {
        String serial = jdbc.sql("select distinct m.serial from meter_event e join meter m on m.id = e.meter_id"
                + " where e.code = 'NO_FLOW_SIGNAL'").query(String.class).single();
        return Integer.toString(building.apartments().stream().filter(a -> a.meterId().equals(serial)).findFirst()
                .orElseThrow().number());
    }

    private UUID apartment(String number) {
        return jdbc.sql("select public_id from premise where number = ?").param(number).query(UUID.class).single();
    }

    /** Per series of the chart ECharts drew in this element: how many of its figures are above zero. */
    private List<Long> chartFigures(String id) {
        Object counts = browser.executeScript("""
                var o = echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption();
                return o.series.map(function (s) {
                  return s.data.filter(function (v) { return v != null && v > 0; }).length; });""", id);
        return ((List<?>) counts).stream().map(n -> ((Number) n).longValue()).toList();
    }

    @Test
    void theLoginPageSpeaksTheBrowsersLanguageSwitchesAndKeepsTheChoice() throws IOException {
        browser.get(session.url("/login"));
        // Chromium runs with --lang=en-US: English from Accept-Language
        assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo("User name");
        assertThat(browser.findElement(By.cssSelector(".demo")).getText()).contains("admin", "admin-demo",
                "resident-demo", "management company");
        assertThat(browser.findElement(By.name("_csrf")).getAttribute("value")).isNotBlank();
        Browser.screenshot(browser, "login-en");

        session.follow(browser.findElement(By.id("lang-ru")));
        assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo("Имя пользователя");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ru");
        browser.get(session.url("/login"));
        assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText())
                .as("the cookie keeps the choice").isEqualTo("Имя пользователя");
        assertThat(browser.findElement(By.cssSelector(".demo")).getText()).contains("житель кв. 1");
        Browser.screenshot(browser, "login-ru");
    }

    @Test
    void withoutABrowserTheLanguageFollowsAcceptLanguageAndTheLoginNeedsItsCsrfToken() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ru = http.send(HttpRequest.newBuilder(URI.create(session.url("/login")))
                .header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ru.body()).contains("lang=\"ru\"", "Имя пользователя").doesNotContain("User name");
        HttpResponse<String> en = http.send(HttpRequest.newBuilder(URI.create(session.url("/login?lang=en")))
                .header("Accept-Language", "ru").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(en.body()).contains("User name");
        assertThat(en.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("openamr-lang=en"));

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(session.url("/")))
                .header("Accept", "text/html,application/xhtml+xml").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        // the right password without the form's CSRF token signs nobody in
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(session.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=manager&password=manager-demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }

    @Test
    void aWrongPasswordIsSaidOnTheLoginPage() {
        browser.get(session.url("/login"));
        browser.findElement(By.id("username")).sendKeys("manager");
        browser.findElement(By.id("password")).sendKeys("not the password");
        session.follow(browser.findElement(By.id("sign-in")));
        assertThat(browser.getCurrentUrl()).contains("/login?error");
        assertThat(browser.findElement(By.cssSelector(".alert.error")).getText()).contains("Wrong user name");
    }

    @Test
    void aManagerGoesFromThePortfolioToABuildingWithChartsAndToAnApartment() throws IOException {
        session.login("manager", "manager-demo");
        assertThat(browser.getCurrentUrl()).isEqualTo(session.url("/"));
        WebElement card = browser.findElement(By.cssSelector("article.building"));
        assertThat(card.getText()).contains(DemoBuilding.ADDRESS, "Heat", "Cold water", "Hot water", "kWh", "Gcal");
        // heat in the company's unit first (Gcal, the default) with the English decimal point, three decimals;
        // kWh second
        assertThat(card.findElement(By.cssSelector("tr[data-resource=HEAT] .value")).getText())
                .matches("[\\d,]+\\.\\d{3} Gcal");
        assertThat(card.findElement(By.cssSelector("tr[data-resource=HEAT] .second")).getText())
                .matches("\\([\\d,]+ kWh\\)");
        assertThat(card.findElement(By.cssSelector(".completeness")).getText()).matches("\\d+%");
        Browser.screenshot(browser, "portfolio-en");

        session.follow(card.findElement(By.cssSelector("a.building-link")));
        assertThat(session.h1()).isEqualTo(DemoBuilding.ADDRESS);
        List<WebElement> tiles = browser.findElements(By.cssSelector("a.tile"));
        assertThat(tiles).extracting(WebElement::getText).hasSize(3)
                .allSatisfy(t -> assertThat(t).matches("(?s)[123]\\n.*"));
        // the backfill reaches the last hour: every apartment's data is fresh, but one's meter reports an error
        String inError = apartmentInError();
        assertThat(tiles).extracting(t -> t.getText().split("\\n")[0] + " " + t.getAttribute("data-status"))
                .containsExactlyInAnyOrder(List.of("1", "2", "3").stream()
                        .map(n -> n + (n.equals(inError) ? " ERROR" : " FRESH")).toArray(String[]::new));
        for (String chart : List.of("chart-months", "chart-days")) {
            assertThat(browser.findElements(By.cssSelector("#" + chart + " canvas"))).as(chart).isNotEmpty();
            assertThat(chartFigures(chart)).as(chart + ": figures of the house meter and of the apartments")
                    .hasSize(2).allSatisfy(n -> assertThat(n).isPositive());
        }
        Browser.screenshot(browser, "building-heat-en");

        // htmx swaps the balance section in place, charts included, and the address follows
        browser.findElement(By.id("tab-COLD_WATER")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("balance-title"),
                "Building meter and apartments: Cold water"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("resource=COLD_WATER"));
        assertThat(chartFigures("chart-months")).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(browser.findElement(By.cssSelector("#chart-months")).getAttribute("data-chart")).contains("m³");
        // last month's row shows the consumption service's two totals and their difference, to the litre
        ZoneId zone = DemoBuilding.ZONE;
        LocalDate month = LocalDate.now(zone).withDayOfMonth(1).minusMonths(1);
        var report = consumption.report(TargetKind.BUILDING, building(), Resource.COLD_WATER,
                new TimeParameter.Day("from", month), new TimeParameter.Day("to", month.plusMonths(1)), Resolution.MONTH, false,
                new AccessScope.Everything("test"));
        BigDecimal house = report.totals().get(0).intervals().get(0).value();
        BigDecimal flats = report.totals().get(1).intervals().get(0).value();
        List<String> cells = browser.findElements(By.cssSelector(".table-wrap[data-kind=month] tr[data-start='"
                + month.atStartOfDay(zone).toInstant() + "'] td")).stream().map(WebElement::getText).toList();
        assertThat(cells).hasSize(4);
        assertThat(cells.get(0)).isEqualTo(english(house));
        assertThat(cells.get(1)).isEqualTo(english(flats));
        assertThat(cells.get(2)).isEqualTo(english(house.subtract(flats)));
        assertThat(cells.get(3)).isEqualTo("3 / 3");

        session.follow(browser.findElements(By.cssSelector("a.tile")).get(0));
        assertThat(session.h1()).isEqualTo("Apartment 1");
        WebElement heat = browser.findElement(By.cssSelector(".resource[data-resource=HEAT]"));
        assertThat(heat.getText()).contains("kWh", "Gcal", "due-date value");
        // the first row is this month up to yesterday, with a figure (the demo's data has no gaps); on the
        // 1st this month has no whole day yet and the table starts with the month before
        WebElement current = heat.findElement(By.cssSelector("tbody tr"));
        if (LocalDate.now(DemoBuilding.ZONE).getDayOfMonth() != 1) {
            assertThat(current.findElement(By.cssSelector(".so-far")).getText()).startsWith("up to ");
        }
        assertThat(current.findElement(By.cssSelector(".value")).getText()).matches("[\\d,]+");
        assertThat(browser.findElements(By.cssSelector(".resource"))).extracting(e -> e.getAttribute("data-resource"))
                .containsExactly("HEAT", "COLD_WATER", "HOT_WATER");
        assertThat(browser.findElements(By.cssSelector("article.meter"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("article.meter")).getText()).contains("Heat", "Cold water",
                "Hot water", "Last reading");
        // a chart per resource: one bar a month of the table, oldest first, the figures of the table (heat in Gcal)
        for (String resource : List.of("HEAT", "COLD_WATER", "HOT_WATER")) {
            String chart = "chart-" + resource;
            int rows = browser.findElements(By.cssSelector(".resource[data-resource=" + resource + "] tbody tr")).size();
            Object bars = browser.executeScript("""
                    var o = echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption();
                    return o.series[0].data.length;""", chart);
            assertThat(((Number) bars).intValue()).as(chart + ": a bar per month of the table").isEqualTo(rows);
            assertThat(chartFigures(chart)).as(chart).singleElement().satisfies(n -> assertThat(n).isGreaterThan(1L));
        }
        Object newestHeatBar = browser.executeScript("""
                var d = echarts.getInstanceByDom(document.getElementById('chart-HEAT')).getOption().series[0].data;
                return String(d[d.length - 1]);""");
        String newestHeatGcal = heat.findElement(By.cssSelector("tbody tr td.first[data-unit=GCAL]")).getText();
        assertThat(new BigDecimal(newestHeatGcal.replace(",", ""))).as("the newest bar is the table's first row")
                .isEqualByComparingTo(new BigDecimal(newestHeatBar.toString()).setScale(4,
                        java.math.RoundingMode.HALF_EVEN));
        Browser.screenshot(browser, "apartment-en");
    }

    @Test
    void anApartmentWhoseMeterRaisedAConditionIsRedUntilItClears() {
        // not the apartment the demo put in error, which stays red
        String inError = apartmentInError();
        String flat = inError.equals("2") ? "3" : "2";
        String serial = building.apartments().get(Integer.parseInt(flat) - 1).meterId();
        long meter = jdbc.sql("select id from meter where serial = ?").param(serial).query(Long.class).single();
        Instant raised = Instant.now();
        transactions.executeWithoutResult(tx -> events.record(meter, raised,
                List.of(new MeterCondition("TEST_LEAK", "leak suspected", "подозрение на утечку", false)),
                ReadingSource.POLL));
        try {
            session.login("manager", "manager-demo");
            session.follow(browser.findElement(By.cssSelector("a.building-link")));
            assertThat(browser.findElements(By.cssSelector("a.tile"))).extracting(t -> t.getText().split("\\n")[0]
                    + " " + t.getAttribute("data-status")).containsExactly(List.of("1", "2", "3").stream()
                    .map(n -> n + (n.equals(inError) || n.equals(flat) ? " ERROR" : " FRESH")).toArray(String[]::new));
            session.follow(browser.findElements(By.cssSelector("a.tile.ERROR")).stream()
                    .filter(t -> t.getText().split("\\n")[0].equals(flat)).findFirst().orElseThrow());
            assertThat(browser.findElement(By.cssSelector("#events-title + div table")).getText())
                    .contains(serial, "leak suspected", "raised");
        } finally {
            transactions.executeWithoutResult(tx -> events.record(meter, raised.plusSeconds(1), List.of(),
                    ReadingSource.POLL));
        }
        browser.navigate().refresh();
        assertThat(browser.findElement(By.cssSelector("#events-title + div table")).getText()).contains("cleared");
    }

    @Test
    void aResidentLandsOnTheirApartmentAndNeverSeesAnother() throws IOException {
        session.login("resident", "resident-demo");
        assertThat(browser.getCurrentUrl()).isEqualTo(session.url("/apartments/" + apartment("1")));
        assertThat(session.h1()).isEqualTo("Apartment 1");
        assertThat(browser.findElements(By.cssSelector(".crumbs"))).as("no building page for a resident").isEmpty();
        session.follow(browser.findElement(By.id("lang-ru")));
        assertThat(session.h1()).isEqualTo("Квартира 1");
        // Russian decimal comma in the Gcal column
        assertThat(browser.findElement(By.cssSelector(".resource[data-resource=HEAT] tbody td.first[data-unit=GCAL]"))
                .getText()).matches("[\\d\\s\u00a0]+,\\d{4}");
        Browser.screenshot(browser, "apartment-resident-ru");

        browser.get(session.url("/apartments/" + apartment("2")));
        assertThat(browser.findElement(By.id("not-found")).getText()).isEqualTo("Не найдено");
        assertThat(session.statusInThisSession("/apartments/" + apartment("2"))).isEqualTo(404);
        assertThat(session.statusInThisSession("/apartments/" + UUID.randomUUID())).as("like one that does not exist")
                .isEqualTo(404);
        assertThat(session.statusInThisSession("/apartments/" + apartment("1"))).isEqualTo(200);
        assertThat(browser.getPageSource()).doesNotContain("Квартира 2");
        Browser.screenshot(browser, "not-found-ru");
        String building = jdbc.sql("select public_id::text from building").query(String.class).single();
        browser.get(session.url("/buildings/" + building));
        assertThat(browser.findElements(By.id("not-found"))).hasSize(1);
    }

    @Test
    void adminAndOperatorSeeTheBuildingOnAPhoneSizedScreen() throws IOException {
        for (String role : List.of("admin", "operator")) {
            browser.manage().deleteAllCookies();
            session.login(role, role + "-demo");
            assertThat(browser.findElement(By.cssSelector("article.building")).getText()).contains(DemoBuilding.ADDRESS);
        }
        session.atPhoneWidth(() -> {
            session.follow(browser.findElement(By.cssSelector("a.building-link")));
            assertThat(session.overflow()).as("the page fits a phone's width").isLessThanOrEqualTo(0L);
            Browser.screenshot(browser, "building-phone");
        });
    }

    @Test
    void aResidentReadsTheirApartmentOnAPhoneAsACardPerMonth() throws IOException {
        session.login("resident", "resident-demo");
        session.atPhoneWidth(() -> {
            browser.navigate().refresh();
            assertThat(session.overflow()).as("the page fits a phone's width").isLessThanOrEqualTo(0L);
            WebElement month = browser.findElement(By.cssSelector(".resource[data-resource=HEAT] table.months tbody tr"));
            assertThat(month.getCssValue("display")).as("a card, not a table row").isEqualTo("block");
            Object tableWidth = browser.executeScript("return document.querySelector("
                    + "'.resource[data-resource=HEAT] table.months').getBoundingClientRect().width;");
            Object window = browser.executeScript("return document.documentElement.clientWidth;");
            assertThat(((Number) tableWidth).doubleValue()).as("nothing to scroll sideways")
                    .isLessThanOrEqualTo(((Number) window).doubleValue());
            // each figure says what it is; heat in Gcal first
            List<String> labels = month.findElements(By.cssSelector("td[data-label]")).stream()
                    .map(td -> td.getAttribute("data-label")).toList();
            assertThat(labels.get(0)).endsWith("Gcal");
            Browser.screenshot(browser, "apartment-phone");
        });
    }
}
