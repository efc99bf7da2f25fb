package org.openamr.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.app.Medium;
import org.openamr.demo.DemoBuilding;
import org.openamr.server.support.FormSession;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Meters heard on the demo bus and installed nowhere: listed with what they said, assigned through the form
 * (htmx for the next step's choices, the plain form without script), refused with a clear reason at a point
 * that has a meter, and found on the apartment page afterwards, with the change in the audit log.
 */
@DemoWebTest
class UnassignedPageIT extends BrowserTest {

    static final String ASSIGNED_IN_BROWSER = "12340001";
    static final String SHOWN_IN_RUSSIAN = "12340002";
    static final String ASSIGNED_WITHOUT_SCRIPT = "12340003";

    @Autowired
    JdbcClient jdbc;

    Instant firstHeard;

    @BeforeAll
    void heardMeters() {
        firstHeard = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        heard(ASSIGNED_IN_BROWSER, Medium.COLD_WATER, 7, new BigDecimal("12.345"));
        heard(SHOWN_IN_RUSSIAN, Medium.HEAT, 8, new BigDecimal("1234.5"));
        heard(ASSIGNED_WITHOUT_SCRIPT, Medium.WARM_WATER, 9, new BigDecimal("3.5"));
    }

    /**
     * A meter as a search on the demo channel registers one: maker, version and medium from its header, its
     * primary address, when it was first and last heard, its values.
     */
    private void heard(String serial, Medium medium, int primary, BigDecimal value) {
        long channel = jdbc.sql("select c.id from acquisition_channel c join building b on b.id = c.building_id"
                + " where b.address = ?").param(DemoBuilding.ADDRESS).query(Long.class).single();
        Instant last = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        long meter = jdbc.sql("""
                insert into meter (manufacturer, serial, mbus_version, mbus_medium, bus_address, channel_id,
                                   first_seen_at, last_seen_at)
                values ('ZRI', ?, 1, ?, ?, ?, ?, ?) returning id""")
                .params(serial, medium.code(), primary, channel, Timestamp.from(firstHeard), Timestamp.from(last))
                .query(Long.class).single();
        String quantity = medium == Medium.HEAT ? "ENERGY" : "VOLUME";
        String unit = medium == Medium.HEAT ? "kWh" : "m³";
        long register = jdbc.sql("insert into register (meter_id, quantity, unit, cumulative) values (?, ?, ?, true)"
                + " returning id").params(meter, quantity, unit).query(Long.class).single();
        jdbc.sql("insert into reading (register_id, measured_at, value, source) values (?, ?, ?, 'PUSH'), (?, ?, ?, 'PUSH')")
                .params(register, Timestamp.from(firstHeard), value.subtract(BigDecimal.ONE), register,
                        Timestamp.from(last), value).update();
    }

    private UUID meter(String serial) {
        return jdbc.sql("select public_id from meter where serial = ?").param(serial).query(UUID.class).single();
    }

    private WebElement row(String serial) {
        return browser.findElement(By.cssSelector("tr[data-meter='" + serial + "']"));
    }

    @Test
    void anOperatorAssignsAHeardMeterToANewPointAfterBeingToldThePointHasOne() throws IOException {
        session.login("operator", "operator-demo");
        session.follow(browser.findElement(By.id("nav-unassigned")));
        assertThat(session.h1()).isEqualTo("Unassigned meters");
        WebElement heard = row(ASSIGNED_IN_BROWSER);
        assertThat(heard.getText()).contains("ZRI", "cold water", "primary 7", "secondary " + ASSIGNED_IN_BROWSER + "ZRI0116",
                "Volume", "12.345 m³", "first ", "last ");
        Browser.screenshot(browser, "unassigned-en");

        session.follow(browser.findElement(By.id("assign-" + ASSIGNED_IN_BROWSER)));
        assertThat(session.h1()).isEqualTo("Assign meter " + ASSIGNED_IN_BROWSER);
        assertThat(new Select(browser.findElement(By.id("building"))).getFirstSelectedOption().getText())
                .as("the building whose channel heard it").isEqualTo(DemoBuilding.ADDRESS);
        browser.executeScript("window.openamrStay = true;");
        new Select(browser.findElement(By.id("premise"))).selectByVisibleText("Apt. 4");
        session.awaitElement("point-new");
        assertThat(browser.executeScript("return window.openamrStay === true;")).as("htmx, not a new page")
                .isEqualTo(true);
        assertThat(browser.findElement(By.id("installedAt")).getAttribute("value")).as("first heard, local time")
                .isEqualTo(LocalDateTime.ofInstant(firstHeard.truncatedTo(ChronoUnit.MINUTES), DemoBuilding.ZONE)
                        .toString());

        // the apartment's cold water point has the heat meter's pulse input: refused, with the reason
        WebElement cold = browser.findElements(By.cssSelector(".points .choice")).stream()
                .filter(c -> c.getText().startsWith("Cold water")).findFirst().orElseThrow();
        assertThat(cold.getText()).contains("has meter 68410004");
        cold.findElement(By.tagName("input")).click();
        session.follow(browser.findElement(By.id("assign-submit")));
        assertThat(browser.findElement(By.id("assign-error")).getText())
                .startsWith("This point already has meter 68410004, installed ");
        Browser.screenshot(browser, "assign-refused-en");

        browser.findElement(By.id("point-new")).click();
        assertThat(new Select(browser.findElement(By.id("resource"))).getFirstSelectedOption().getText())
                .as("the resource of the meter's medium").isEqualTo("Cold water");
        session.follow(browser.findElement(By.id("assign-submit")));
        assertThat(browser.findElement(By.id("assign-error")).getText())
                .isEqualTo("There is already a point \"Cold water\" with the name \"\" here: give the new point another name.");

        browser.findElement(By.id("name")).sendKeys("kitchen");
        session.follow(browser.findElement(By.id("assign-submit")));
        assertThat(browser.getCurrentUrl()).isEqualTo(session.url("/meters/unassigned"));
        assertThat(browser.findElement(By.id("assigned")).getText())
                .startsWith("Meter " + ASSIGNED_IN_BROWSER + " is now installed in apartment 4, " + DemoBuilding.ADDRESS);
        assertThat(browser.findElements(By.cssSelector("tr[data-meter='" + ASSIGNED_IN_BROWSER + "']"))).isEmpty();

        session.follow(browser.findElement(By.id("assigned-link")));
        assertThat(session.h1()).isEqualTo("Apartment 4");
        assertThat(browser.findElement(By.cssSelector("article.meter[data-meter='" + ASSIGNED_IN_BROWSER + "']"))
                .getText()).contains("Zenner", "Cold water");

        UUID id = meter(ASSIGNED_IN_BROWSER);
        assertThat(jdbc.sql("""
                select mp.name from meter_installation i join metering_point mp on mp.id = i.point_id
                join meter m on m.id = i.meter_id where m.public_id = ? and i.installed_at = ?""")
                .params(id, Timestamp.from(firstHeard.truncatedTo(ChronoUnit.MINUTES))).query(String.class).single())
                .isEqualTo("kitchen");
        assertThat(jdbc.sql("""
                select count(*) from audit_log where actor = 'user:operator' and action = 'INSERT'
                  and (entity = 'meter_installation' and after ->> 'meter_id' = (select id::text from meter where public_id = ?)
                       or entity = 'metering_point' and after ->> 'name' = 'kitchen')""")
                .param(id).query(Long.class).single()).as("the point and the installation, in the operator's name")
                .isEqualTo(2);
    }

    @Test
    void aManagerSeesTheListInRussian() throws IOException {
        session.login("manager", "manager-demo");
        browser.get(session.url("/meters/unassigned?lang=ru"));
        assertThat(session.h1()).isEqualTo("Нераспределённые счётчики");
        assertThat(row(SHOWN_IN_RUSSIAN).getText()).contains("тепло", "первичный 8", "Энергия", "1 234,5 кВт·ч",
                "Распределить…");
        Browser.screenshot(browser, "unassigned-ru");

        session.atPhoneWidth(() -> {
            for (String path : List.of("/meters/unassigned", "/meters/unassigned/" + meter(SHOWN_IN_RUSSIAN))) {
                browser.get(session.url(path));
                assertThat(session.overflow()).as(path + " fits a phone's width").isLessThanOrEqualTo(0L);
            }
            Browser.screenshot(browser, "assign-phone-ru");
        });
    }

    @Test
    void withoutScriptTheFormAsksForEachStepAndAssigns() {
        FormSession plain = new FormSession(port);
        plain.login("manager", "manager-demo");
        String path = "/meters/unassigned/" + meter(ASSIGNED_WITHOUT_SCRIPT);
        HttpResponse<String> form = plain.get(path);
        assertThat(form.body()).contains("id=\"premise\"").doesNotContain("id=\"point-new\"");
        String building = jdbc.sql("select public_id::text from building where address = ?").param(DemoBuilding.ADDRESS)
                .query(String.class).single();
        String premise = jdbc.sql("select p.public_id::text from premise p join building b on b.id = p.building_id"
                + " where b.address = ? and p.number = '3'").param(DemoBuilding.ADDRESS).query(String.class).single();
        HttpResponse<String> points = plain.postForm(path, "action=refresh&building=" + building + "&premise=" + premise,
                form.body());
        assertThat(points.statusCode()).isEqualTo(200);
        assertThat(points.body()).contains("id=\"point-new\"", "68410003", "id=\"installedAt\"");

        String heat = jdbc.sql("select mp.public_id::text from metering_point mp join premise p on p.id = mp.premise_id"
                + " where p.public_id = ?::uuid and mp.resource = 'HEAT'").param(premise).query(String.class).single();
        HttpResponse<String> occupied = plain.postForm(path, "action=assign&building=" + building + "&premise=" + premise
                + "&point=" + heat + "&installedAt=2026-01-15T10:30", points.body());
        assertThat(occupied.statusCode()).isEqualTo(409);
        assertThat(occupied.body()).contains("id=\"assign-error\"", "68410003");

        HttpResponse<String> done = plain.postForm(path, "action=assign&building=" + building + "&premise=" + premise
                + "&point=new&resource=HOT_WATER&name=bathroom&installedAt=2026-01-15T10:30", points.body());
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/meters/unassigned");
        assertThat(jdbc.sql("""
                select i.installed_at from meter_installation i join meter m on m.id = i.meter_id where m.serial = ?""")
                .param(ASSIGNED_WITHOUT_SCRIPT).query(Timestamp.class).single().toInstant())
                .as("10:30 in the building's zone").isEqualTo(LocalDateTime.parse("2026-01-15T10:30")
                        .atZone(DemoBuilding.ZONE).toInstant());
        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'user:manager' and entity = 'meter_installation'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aResidentMayNotAssign() {
        FormSession resident = new FormSession(port);
        resident.login("resident", "resident-demo");
        HttpResponse<String> list = resident.get("/meters/unassigned?lang=en");
        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(list.body()).contains("Your role may not use this page.");
        assertThat(resident.get("/meters/unassigned/" + meter(SHOWN_IN_RUSSIAN)).statusCode()).isEqualTo(403);
    }
}
