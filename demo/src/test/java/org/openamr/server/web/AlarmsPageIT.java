package org.openamr.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openamr.server.alarm.evaluation.AlarmEvaluator;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The alarms page in a real browser on the demo: the demo manager goes from the building's badge to its alarms and
 * acknowledges the first open one with a comment through the page's form; the resident reads their apartment's alarms
 * in plain words, with nothing to acknowledge. Whatever the demo's data raises, apartment 1's meter is due for
 * verification ({@link DemoAlarms}), so there is always one.
 */
@SmallDemo
class AlarmsPageIT extends BrowserTest {

    static final String COMMENT = "Проверено на месте, заявка поверителю отправлена";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AlarmEvaluator evaluator;

    @BeforeAll
    void alarms() throws InterruptedException {
        DemoAlarms.raise(jdbc, evaluator);
    }

    @Test
    void theManagerAcknowledgesAnAlarmWithACommentOnThePage() throws IOException {
        session.login("manager", "manager-demo");
        browser.get(session.url("/?lang=ru"));
        WebElement badge = browser.findElement(By.cssSelector("a.alarm-badge"));
        assertThat(badge.getText()).matches("\\d+ открыт(ая|ые|ых) авари(я|и|й)");
        session.follow(badge);
        assertThat(browser.getCurrentUrl()).contains("/alarms?building=");
        assertThat(browser.findElement(By.id("nav-alarms")).getDomAttribute("aria-current")).isEqualTo("page");
        assertThat(session.h1()).isEqualTo("Аварии");

        List<WebElement> forms = browser.findElements(By.cssSelector("form.acknowledge"));
        assertThat(forms).as("an open alarm nobody has acknowledged").isNotEmpty();
        UUID id = UUID.fromString(forms.get(0).getDomAttribute("id").substring("ack-".length()));
        WebElement row = browser.findElement(By.id("alarm-" + id));
        assertThat(row.getDomAttribute("data-state")).isEqualTo("RAISED");
        String rule = row.findElement(By.cssSelector(".rule")).getText();
        browser.findElement(By.id("comment-" + id)).sendKeys(COMMENT);
        session.follow(browser.findElement(By.id("acknowledge-" + id)));

        assertThat(browser.getCurrentUrl()).as("back to the list as it was").contains("/alarms?building=");
        assertThat(browser.findElement(By.id("acknowledged")).getText()).startsWith("Авария «" + rule + "»")
                .endsWith("квитирована.");
        WebElement after = browser.findElement(By.id("alarm-" + id));
        assertThat(after.getDomAttribute("data-state")).isEqualTo("ACKNOWLEDGED");
        assertThat(after.findElement(By.cssSelector(".alarm-state")).getText()).isEqualTo("квитирована");
        assertThat(after.findElement(By.cssSelector(".acknowledgement")).getText()).contains("manager", COMMENT);
        assertThat(after.findElements(By.cssSelector("form.acknowledge"))).isEmpty();
        assertThat(jdbc.sql("select acknowledged_by || ': ' || acknowledged_comment from alarm where public_id = ?")
                .param(id).query(String.class).single()).isEqualTo("manager: " + COMMENT);
        Browser.screenshot(browser, "alarms");

        session.atPhoneWidth(() -> {
            assertThat(session.overflow()).as("the alarms fit a phone's width: " + session.overflowing())
                    .isLessThanOrEqualTo(0L);
            Browser.screenshot(browser, "alarms-phone");
        });
        browser.get(session.url("/alarms?state=ALL&lang=en"));
        assertThat(browser.findElement(By.id("alarm-" + id)).findElement(By.cssSelector(".alarm-state")).getText())
                .isEqualTo("acknowledged");
        Browser.screenshot(browser, "alarms-en");
    }

    @Test
    void theResidentReadsTheirAlarmsInPlainWordsWithNothingToAcknowledge() throws IOException {
        session.login("resident", "resident-demo");
        browser.get(session.url("/?lang=ru"));
        List<WebElement> brief = browser.findElements(By.cssSelector("#alarms li"));
        assertThat(brief).as("the apartment page lists its open alarms").isNotEmpty();
        assertThat(brief.get(0).findElement(By.cssSelector(".plain")).getText()).isNotBlank();

        session.follow(browser.findElement(By.id("nav-alarms")));
        List<WebElement> rows = browser.findElements(By.cssSelector("table.alarms.resident tbody tr"));
        assertThat(rows).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("tr[data-rule=VERIFICATION_DUE] .plain")))
                .as("apartment 1's meter due for verification").singleElement()
                .extracting(WebElement::getText).asString().startsWith("Срок поверки счётчика скоро наступит");
        assertThat(browser.findElements(By.cssSelector("form.acknowledge, textarea"))).isEmpty();
        Browser.screenshot(browser, "alarms-resident");
    }
}
