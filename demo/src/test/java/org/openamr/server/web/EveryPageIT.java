package org.openamr.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openamr.server.security.AccessScope;
import java.util.UUID;
import org.openamr.server.alarm.evaluation.AlarmEvaluator;
import org.openamr.server.channel.JobService;
import org.openamr.server.channel.ChannelLocks;
import org.openamr.server.channel.JobStatus;
import org.openamr.server.channel.JobView;
import org.openamr.server.channel.PollService;
import org.openamr.server.channel.RunProgress;
import org.openamr.server.channel.SearchSpec;
import org.openamr.server.channel.Trigger;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Every page of the navigation as every role (admin, operator, manager, resident), in Russian at a phone's
 * width (390 px) and in English at a desktop's (1400 px), with the building and apartment pages, a poll
 * run's page and the alarms' history where the role sees them, alarms open ({@link DemoAlarms}): none
 * answers 5xx or raw JSON, none lets English words into the Russian pages (text that is English on purpose
 * is marked {@code lang="en"}), none is wider than the window, and the menu marks the current page. This is the shared place where each role visits the pages;
 * the other browser test classes test what a page does. One browser sign-in per role, every page once per
 * language.
 */
@SmallDemo
@Import(EveryPageIT.FailingPage.class)
class EveryPageIT extends BrowserTest {

    /**
     * Common English words of the pages' texts; the Russian pages' text is cut into words (letters only), so
     * that serial numbers, units (m³) and makers' names do not count.
     */
    static final Set<String> ENGLISH = Set.of("meter", "meters", "primary", "secondary", "address", "water",
            "cold", "hot", "heat", "read", "reading", "readings", "error", "errors", "day", "days", "hour", "hours",
            "minute", "minutes", "min", "ago", "not", "found", "internal", "the", "of", "and", "none", "apartment",
            "building", "buildings", "status", "last", "never", "since", "page", "value", "values", "delete", "lock",
            "save", "show", "all", "any", "channel", "search", "unknown", "failed", "answered", "poll", "just", "now",
            "no", "data", "total", "user", "users", "password", "sign", "back", "serial", "from", "to", "with");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PollService polls;
    @Autowired
    ChannelLocks locks;
    @Autowired
    JobService actions;
    @Autowired
    AlarmEvaluator alarms;

    /** Pages of jobs and runs whose texts the server wrote: a failed read-now and a search that found nothing. */
    private final List<String> acquisitionPages = new ArrayList<>();

    /** A page that fails as a page's own code may: the server error page is what the reader then sees. */
    @Controller
    static class FailingPage {
        @GetMapping("/test/failing-page")
        String fail() {
            throw new IllegalStateException("a fault of the server, for the test");
        }
    }

    @BeforeAll
    void aPollRun() throws Exception {
        long channel = jdbc.sql("select distinct c.id from acquisition_channel c join meter m on m.channel_id = c.id"
                + " order by c.id limit 1").query(Long.class).single();
        locks.tryRun(channel, () -> polls.poll(channel, Trigger.MANUAL, "test", RunProgress.NONE)).orElseThrow();

        // a second line on the demo's bus: a meter nobody answers for and one the registry cannot address
        long line = jdbc.sql("""
                insert into acquisition_channel (kind, name, building_id, address, baud)
                select 'TCP_GATEWAY', 'Zz 2', building_id, address, baud from acquisition_channel
                where id = ? returning id""").param(channel).query(Long.class).single();
        jdbc.sql("insert into meter (manufacturer, serial, bus_address, channel_id) values ('DFS', '78000001', 223, ?),"
                + " ('DFS', '78000002', null, ?)").params(line, line).update();
        UUID lineId = jdbc.sql("select public_id from acquisition_channel where id = ?").param(line)
                .query(UUID.class).single();
        AccessScope admin = new AccessScope.Everything("test");
        JobView read = finished(actions.readNow(lineId, admin), admin);
        assertThat(read.status()).as(read.toString()).isEqualTo(JobStatus.FAILED);
        JobView search = finished(actions.search(lineId, SearchSpec.of("PRIMARY", null, 240, 245), admin), admin);
        assertThat(search.message()).as(search.toString()).isEqualTo("no meter answered");
        acquisitionPages.add("/acquisition/jobs/" + read.id());
        acquisitionPages.add("/acquisition/jobs/" + search.id());
        acquisitionPages.add("/acquisition/channels/" + lineId + "/runs/" + read.result().id());
        DemoAlarms.raise(jdbc, alarms);
    }

    private JobView finished(JobView job, AccessScope scope) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
        JobView now = job;
        while (!now.status().over() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = actions.job(job.id(), scope);
        }
        return now;
    }

    @Test
    void everyPageAsAdmin() throws IOException {
        everyPage("admin");
    }

    @Test
    void everyPageAsOperator() throws IOException {
        everyPage("operator");
    }

    @Test
    void everyPageAsManager() throws IOException {
        everyPage("manager");
    }

    @Test
    void everyPageAsResident() throws IOException {
        everyPage("resident");
    }

    private void everyPage(String role) throws IOException {
        session.login(role, role + "-demo");
        Set<String> pages = pagesOf(role);
        List<String> problems = new ArrayList<>();
        try {
            for (String language : List.of("ru", "en")) {
                browser.manage().window().setSize("ru".equals(language) ? new Dimension(390, 844)
                        : new Dimension(1400, 1000));
                for (String path : pages) {
                    browser.get(session.url(path + (path.contains("?") ? "&" : "?") + "lang=" + language));
                    problems.addAll(check(role, path, language));
                    if ("ru".equals(language) && ("manager".equals(role) || "resident".equals(role))) {
                        Browser.screenshot(browser, "every-" + role + "-" + language
                                + path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "id").replaceAll("[^a-z]+", "-"));
                    }
                }
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
        assertThat(problems).as(role + " on " + pages).isEmpty();
    }

    /** The navigation's pages of a role, the building, apartment, meter and run pages it can reach, a user's page. */
    private Set<String> pagesOf(String role) {
        Set<String> pages = new LinkedHashSet<>();
        browser.get(session.url("/"));
        pages.add("/");
        pages.addAll(paths("nav.main-nav a"));
        List<String> buildings = paths("a.building-link");
        if (!buildings.isEmpty()) {
            pages.add(buildings.get(0));
            browser.get(session.url(buildings.get(0)));
            pages.add(paths("a.tile").get(0));
        }
        if (pages.contains("/alarms")) {
            pages.add("/alarms?state=ALL");
        }
        if (pages.contains("/meters")) {
            browser.get(session.url("/meters"));
            List<String> meters = paths("a.serial");
            assertThat(meters).as(role + ": a meter's page from the list").isNotEmpty();
            pages.add(meters.get(0));
        }
        if (pages.contains("/acquisition")) {
            browser.get(session.url("/acquisition"));
            List<String> runs = paths("a.run-link");
            assertThat(runs).as(role + ": the poll run of this test").isNotEmpty();
            pages.add(runs.get(0));
            pages.addAll(acquisitionPages);
        }
        if (pages.contains("/admin/users")) {
            browser.get(session.url("/admin/users"));
            pages.addAll(paths("a.user-link"));
            pages.add("/admin/users/new");
        }
        return pages;
    }

    private List<String> paths(String selector) {
        return session.attributes(selector, "href").stream().map(h -> h.replaceFirst("^https?://[^/]+", ""))
                .filter(h -> h.startsWith("/")).distinct().toList();
    }

    private List<String> check(String role, String path, String language) {
        String where = role + " " + language + " " + path + ": ";
        List<String> problems = new ArrayList<>();
        // where the browser ended up: a resident's start page is their apartment
        int status = session.statusInThisSession(browser.getCurrentUrl().replaceFirst("^https?://[^/]+", ""));
        if (status != 200) {
            problems.add(where + "HTTP " + status);
        }
        String body = browser.findElement(By.tagName("body")).getText().strip();
        if (body.startsWith("{") || body.contains("\"detail\"")) {
            problems.add(where + "raw JSON: " + body.substring(0, Math.min(200, body.length())));
            return problems;
        }
        if (!language.equals(browser.findElement(By.tagName("html")).getDomAttribute("lang"))) {
            problems.add(where + "the page is not in " + language);
        }
        if ("ru".equals(language)) {
            Set<String> english = englishWords();
            if (!english.isEmpty()) {
                problems.add(where + "English words " + english);
            }
            // what the server wrote about a job or a run is said in Russian, not shown as English on purpose
            List<String> markedEnglish = session.attributes(".job-message[lang], .job-error[lang], .run-message[lang], "
                    + ".error-text[lang]", "lang");
            if (!markedEnglish.isEmpty()) {
                problems.add(where + "the server's texts are marked as English: " + markedEnglish);
            }
            if (body.matches("(?s).*(?<![\\d,])0 мин назад.*")) {
                problems.add(where + "\"0 мин назад\" instead of \"только что\"");
            }
        }
        if (session.overflow() > 0) {
            problems.add(where + "wider than the window by " + session.overflow() + " px: " + session.overflowing());
        }
        List<String> current = session.attributes("nav.main-nav a[aria-current=page]", "id");
        if (current.size() != 1) {
            problems.add(where + "the menu marks " + current + " as the current page, not exactly one item");
        }
        String switched = browser.findElement(By.id("ru".equals(language) ? "lang-en" : "lang-ru"))
                .getDomAttribute("href");
        if (path.contains("?") && !switched.contains(path.substring(path.indexOf('?') + 1))) {
            problems.add(where + "the language link " + switched + " drops the query");
        }
        return problems;
    }

    /**
     * English words in the page's text and labels, leaving out what is marked as English on purpose
     * ({@code lang="en"}) and what people wrote ({@code translate="no"}: a user's name).
     */
    private Set<String> englishWords() {
        Object text = browser.executeScript("""
                var page = document.documentElement.cloneNode(true);
                page.querySelectorAll('script, style, [translate=no], [lang]:not(html)').forEach(function (e) {
                  if (!e.hasAttribute('lang') || !e.getAttribute('lang').startsWith('ru')) {
                    e.remove();
                  }
                });
                var labels = Array.from(page.querySelectorAll('[aria-label], [title], [placeholder], [alt]'))
                  .map(function (e) { return [e.getAttribute('aria-label'), e.getAttribute('title'),
                    e.getAttribute('placeholder'), e.getAttribute('alt')].join(' '); });
                return page.textContent + ' ' + labels.join(' ');""");
        Set<String> found = new TreeSet<>();
        for (String word : String.valueOf(text).replaceAll("https?://\\S+", " ").split("[^\\p{L}]+")) {
            if (ENGLISH.contains(word.toLowerCase(Locale.ROOT))) {
                found.add(word);
            }
        }
        return found;
    }

    @Test
    void aServerErrorOnAPageIsThePageInTheReadersLanguageWithItsReference() throws IOException {
        session.login("manager", "manager-demo");
        browser.get(session.url("/test/failing-page?lang=ru"));
        assertThat(session.statusInThisSession("/test/failing-page")).isEqualTo(500);
        assertThat(browser.findElement(By.id("server-error")).getText()).isEqualTo("Ошибка на сервере");
        assertThat(browser.findElement(By.id("error-reference")).getText()).matches("Номер ошибки: [0-9a-f]{8}");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("detail", "internal error");
        assertThat(englishWords()).isEmpty();
        Browser.screenshot(browser, "server-error-ru");
        browser.get(session.url("/test/failing-page?lang=en"));
        assertThat(browser.findElement(By.id("server-error")).getText()).isEqualTo("Something went wrong on the server");
    }

    @Test
    void theLanguageSwitchKeepsTheFiltersAndTheChosenResource() {
        session.login("manager", "manager-demo");
        browser.get(session.url("/meters?resource=HEAT&status=OK&lang=ru"));
        session.follow(browser.findElement(By.id("lang-en")));
        assertThat(browser.getCurrentUrl()).contains("resource=HEAT", "status=OK", "lang=en");
        assertThat(browser.findElement(By.id("f-resource")).getDomProperty("value")).isEqualTo("HEAT");

        // the building's tabs change the address in place (htmx): the language link follows it
        browser.get(session.url("/"));
        session.follow(browser.findElement(By.cssSelector("a.building-link")));
        browser.findElement(By.id("tab-COLD_WATER")).click();
        new WebDriverWait(browser, BrowserSession.WAIT).until(d -> d.getCurrentUrl().contains("resource=COLD_WATER"));
        new WebDriverWait(browser, BrowserSession.WAIT).until(d -> String.valueOf(
                d.findElement(By.id("lang-ru")).getDomAttribute("href")).contains("resource=COLD_WATER"));
        session.follow(browser.findElement(By.id("lang-ru")));
        assertThat(browser.getCurrentUrl()).contains("resource=COLD_WATER");
        assertThat(browser.findElement(By.id("balance-title")).getText()).contains("Холодная вода");
    }

    @Test
    void theMetersFilterOffersOnlyWhatTheReadersMetersHave() throws IOException {
        session.login("resident", "resident-demo");
        browser.get(session.url("/meters?lang=ru"));
        assertThat(browser.findElements(By.id("meter-filter"))).as("one meter: nothing to filter").isEmpty();
        Browser.screenshot(browser, "meters-resident-ru");

        session.signOut();
        session.login("manager", "manager-demo");
        browser.get(session.url("/meters?lang=ru"));
        List<String> offered = session.attributes("#f-resource option", "value");
        assertThat(offered).as("the demo counts heat and water, no electricity or gas")
                .containsExactly("", "HEAT", "COLD_WATER", "HOT_WATER");
    }

    @Test
    void theDemoPasswordsOnTheLoginPageDoNotBreak() throws IOException {
        browser.get(session.url("/login?lang=ru"));
        session.atPhoneWidth(() -> {
            for (WebElement code : browser.findElements(By.cssSelector(".demo code"))) {
                assertThat(code.getCssValue("white-space")).as(code.getText()).isEqualTo("nowrap");
                assertThat(code.getSize().getHeight()).as(code.getText() + " on one line")
                        .isLessThan(2 * Integer.parseInt(code.getCssValue("font-size").replace("px", "").split("\\.")[0]) + 4);
            }
            assertThat(session.overflow()).as("the login page fits a phone's width").isLessThanOrEqualTo(0L);
            Browser.screenshot(browser, "login-phone-ru");
        });
    }
}
