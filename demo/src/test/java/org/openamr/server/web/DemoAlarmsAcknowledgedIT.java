package org.openamr.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openamr.demo.DemoServerTest;
import org.openamr.server.alarm.evaluation.AlarmEvaluator;
import org.openamr.server.security.ApiTokenFilter;
import org.openamr.server.security.Tokens;
import org.openamr.server.support.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The demo's problems as an integrator and a manager meet them: the manager's token lists, through the API, a leak, a
 * meter error, a silent meter and an imbalance right after the start; the leak acknowledged through the API shows
 * acknowledged, with who and the comment, on the alarms page in a real browser (screenshot
 * {@code target/screenshots/alarms-acknowledged-by-api.png}). Shares {@code DemoFaultsIT}'s context.
 */
@DemoServerTest
@DirtiesContext
@TestPropertySource(properties = {"openamr.test.context=demo-faults", "openamr.demo.enabled=true",
        "openamr.demo.radio-meters=0", "openamr.demo.entrances=1", "openamr.demo.apartments-per-entrance=4",
        "openamr.demo.history-months=2", "openamr.demo.hourly-days=2", "openamr.polling.enabled=false"})
class DemoAlarmsAcknowledgedIT extends BrowserTest {

    static final String MANAGER = "manager";
    static final String COMMENT = "Сантехник выехал в кв. с утечкой";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AlarmEvaluator evaluator;

    @Test
    void theApiListsEachProblemAndAnAcknowledgementThroughItShowsOnThePage() throws Exception {
        DemoAlarms.evaluate(evaluator);
        // an integrator's token of the demo's manager, as POST /api/v1/tokens would issue it
        String token = Tokens.newToken(ApiTokenFilter.PREFIX);
        jdbc.sql("insert into api_token (user_id, name, token_hash) select id, 'integrator', ? from app_user"
                + " where username = ?").params(Tokens.hash(token), MANAGER).update();
        Api api = new Api(port, token);
        Api.Response r = api.get("/api/v1/alarms?size=1000");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, JsonNode> byRule = new HashMap<>();
        r.json().get("items").forEach(a -> byRule.putIfAbsent(a.get("rule").asString(), a));
        assertThat(byRule).as("open alarms right after the start")
                .containsKeys("LEAK", "METER_ERROR", "NO_READINGS", "IMBALANCE", "VERIFICATION_DUE");

        String leak = byRule.get("LEAK").get("id").asString();
        Api.Response ack = api.post("/api/v1/alarms/" + leak + "/acknowledge",
                "{\"comment\":\"" + COMMENT + "\"}");
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        assertThat(ack.json().get("state").asString()).isEqualTo("ACKNOWLEDGED");

        session.login(MANAGER, MANAGER + "-demo");
        browser.get(session.url("/alarms?lang=ru"));
        WebElement row = browser.findElement(By.id("alarm-" + leak));
        assertThat(row.getDomAttribute("data-state")).isEqualTo("ACKNOWLEDGED");
        assertThat(row.findElement(By.cssSelector(".alarm-state")).getText()).isEqualTo("квитирована");
        assertThat(row.findElement(By.cssSelector(".acknowledgement")).getText())
                .contains(MANAGER, COMMENT);
        assertThat(row.findElements(By.cssSelector("form.acknowledge"))).as("nothing left to acknowledge").isEmpty();
        for (String rule : new String[] {"METER_ERROR", "NO_READINGS", "IMBALANCE"}) {
            assertThat(browser.findElements(By.cssSelector("tr[data-rule=" + rule + "]"))).as(rule).isNotEmpty();
        }
        Browser.screenshot(browser, "alarms-acknowledged-by-api");
    }
}
