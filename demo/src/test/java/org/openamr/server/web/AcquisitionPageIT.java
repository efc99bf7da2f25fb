package org.openamr.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openamr.server.channel.ChannelLocks;
import org.openamr.demo.DemoBuilding;
import org.openamr.simulator.modbus.ModbusServers;
import org.openamr.simulator.modbus.VirtualModbusBus;
import org.openamr.simulator.serve.TcpLineServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The acquisition page in a real browser against the demo's virtual M-Bus: channels with their schedule and
 * last poll, read-now and a search whose progress the page follows without reloading, the outcome of every
 * meter of a run, the schedule's checks, and who may do what. Screenshots go to target/screenshots.
 */
@SmallDemo
class AcquisitionPageIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ChannelLocks locks;
    @Autowired
    DemoBuilding building;

    private long demoChannelId() {
        return jdbc.sql("select c.id from acquisition_channel c join building b on b.id = c.building_id "
                + "where b.address = ? and c.address like 'tcp://%' order by c.id limit 1")
                .param(DemoBuilding.ADDRESS).query(Long.class).single();
    }

    private UUID publicId(long channel) {
        return jdbc.sql("select public_id from acquisition_channel where id = ?").param(channel).query(UUID.class)
                .single();
    }

    private long metersOn(long channel) {
        return jdbc.sql("select count(*) from meter where channel_id = ?").param(channel).query(Long.class).single();
    }

    private WebElement card(UUID channel) {
        return browser.findElement(By.id("channel-" + channel));
    }

    private void waitFor(String what, java.util.function.Function<ChromeDriver, Boolean> condition) {
        new WebDriverWait(browser, java.time.Duration.ofSeconds(60)).withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.apply((ChromeDriver) d));
    }

    /** Read in one script: htmx replaces the panel every second, so an element found first may be gone next. */
    private String panelStatus(UUID channel) {
        return (String) browser.executeScript(
                "var p = document.getElementById(arguments[0]); return p ? p.getAttribute('data-status') : null;",
                "job-panel-" + channel);
    }

    private String panelText(UUID channel) {
        return (String) browser.executeScript(
                "var p = document.getElementById(arguments[0]); return p ? p.innerText : '';", "job-panel-" + channel);
    }

    @Test
    void readNowShowsTheJobLiveUntilItEndsAndTheLastPollFollows() throws Exception {
        long channelId = demoChannelId();
        UUID channel = publicId(channelId);
        long meters = metersOn(channelId);
        assertThat(meters).as("two apartments and the two house meters").isEqualTo(4);
        session.login("operator", "operator-demo");
        browser.get(session.url("/acquisition"));

        WebElement card = card(channel);
        assertThat(card.findElement(By.cssSelector(".kind")).getText()).isEqualTo("TCP gateway");
        assertThat(card.findElement(By.cssSelector(".address code")).getText()).startsWith("tcp://127.0.0.1:");
        assertThat(card.findElement(By.cssSelector(".building")).getText()).isEqualTo(DemoBuilding.ADDRESS);
        assertThat(card.findElement(By.cssSelector(".meters")).getText()).isEqualTo(Long.toString(meters));
        assertThat(card.findElement(By.cssSelector(".schedule code")).getText()).isEqualTo("0 * * * * *");
        assertThat(card.findElement(By.cssSelector(".schedule .words")).getText()).isEqualTo("every minute");
        assertThat(card.findElement(By.cssSelector(".schedule .next")).getText()).startsWith("next run ")
                .endsWith("(" + DemoBuilding.ZONE.getId() + ")");
        String before = card.findElement(By.cssSelector(".last-poll")).getText();

        // another run holds the channel: the job must wait, so the page shows it before it can be over
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            try {
                locks.tryRun(channelId, () -> {
                    held.countDown();
                    return release.await(60, TimeUnit.SECONDS);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            session.markPage();
            card.findElement(By.cssSelector(".read-now")).click();
            waitFor("the job waits for the channel", d -> "QUEUED".equals(panelStatus(channel))
                    && panelText(channel).contains("waiting for the channel"));
            assertThat(browser.findElement(By.cssSelector("#job-panel-" + channel + " .job-status")).getText())
                    .isEqualTo("waiting");
        } finally {
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
        }
        waitFor("the job ends", d -> "DONE".equals(panelStatus(channel)));
        assertThat(session.stillThisPage()).as("the page followed the job without reloading").isTrue();
        WebElement panel = browser.findElement(By.id("job-panel-" + channel));
        assertThat(panel.findElement(By.cssSelector(".job-status")).getText()).isEqualTo("finished");
        assertThat(panel.findElement(By.cssSelector(".job-meters")).getText()).isEqualTo("4 of 4 meter(s) done");
        // the demo's house water meter has been silent for days (DemoFaults): registered, asked, not answering
        assertThat(panel.findElement(By.cssSelector(".job-result")).getText())
                .startsWith("read 3 of 4, silent 1, errors 0");

        String run = jdbc.sql("select public_id::text from poll_run where channel_id = ? and kind = 'POLL' "
                + "order by started_at desc limit 1").param(channelId).query(String.class).single();
        assertThat(jdbc.sql("select status || ' ' || meters_read from poll_run where public_id = ?::uuid").param(run)
                .query(String.class).single()).isEqualTo("PARTIAL 3");
        WebElement last = browser.findElement(By.id("last-poll-" + channel));
        assertThat(last.getDomAttribute("data-run")).as("the card shows the new poll").isEqualTo(run);
        assertThat(last.getText()).isNotEqualTo(before).contains("partly read", "read 3 of 4, silent 1, errors 0");
        Browser.screenshot(browser, "acquisition-en");

        session.follow(last.findElement(By.cssSelector("a.run-link")));
        assertThat(session.h1()).startsWith("Run on ");
        List<WebElement> rows = browser.findElements(By.cssSelector("#outcomes tbody tr"));
        assertThat(rows).hasSize(4).allSatisfy(r -> assertThat(r.getDomAttribute("data-result"))
                .isEqualTo(r.getDomAttribute("data-serial").equals(building.houseWater().meterId()) ? "SILENT" : "READ"));
        assertThat(rows).extracting(r -> r.getDomAttribute("data-serial")).containsExactlyInAnyOrderElementsOf(
                jdbc.sql("select serial from meter where channel_id = ?").param(channelId).query(String.class).list());
    }

    @Test
    void aModbusChannelIsShownWithItsMapReadNowAndSaysItsUnitsInEitherLanguage() throws Exception {
        long building = jdbc.sql("select building_id from acquisition_channel where id = ?").param(demoChannelId())
                .query(Long.class).single();
        VirtualModbusBus bus = VirtualModbusBus.builder().seed(5).units(2).build();
        try (TcpLineServer server = ModbusServers.tcp(bus, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            String address = "tcp://127.0.0.1:" + server.port();
            long channelId = jdbc.sql("""
                    insert into acquisition_channel (kind, name, building_id, address, baud, modbus_map)
                    values ('MODBUS', 'Zz Modbus ITP', ?, ?, 9600, 'Danfoss SonoMeter Modbus RTU module')
                    returning id""").params(building, address).query(Long.class).single();
            for (int unit : List.of(1, 2)) {
                jdbc.sql("insert into meter (manufacturer, serial, bus_address, channel_id) values ('DFS', ?, ?, ?)")
                        .params(bus.truth().unit(unit).meterId(), unit, channelId).update();
            }
            UUID channel = publicId(channelId);
            session.login("operator", "operator-demo");
            browser.get(session.url("/acquisition"));
            WebElement card = card(channel);
            assertThat(card.findElement(By.cssSelector(".kind")).getText())
                    .isEqualTo("Modbus (meters with a Modbus module)");
            assertThat(card.findElement(By.cssSelector(".address")).getText()).startsWith(address)
                    .doesNotContain("Bd").contains("register map Danfoss SonoMeter Modbus RTU module");
            assertThat(card.findElements(By.cssSelector("details.search"))).as("searches are M-Bus").isEmpty();

            card.findElement(By.cssSelector(".read-now")).click();
            waitFor("the poll ends", d -> "FAILED".equals(panelStatus(channel)) || "DONE".equals(panelStatus(channel)));
            assertThat(panelStatus(channel)).as(panelText(channel)).isEqualTo("DONE");
            WebElement last = browser.findElement(By.id("last-poll-" + channel));
            assertThat(last.getText()).contains("read 2 of 2");
            session.follow(last.findElement(By.cssSelector("a.run-link")));
            WebElement first = browser.findElement(By.cssSelector("#outcomes tr[data-serial='"
                    + bus.truth().unit(1).meterId() + "']"));
            assertThat(first.getDomAttribute("data-result")).isEqualTo("READ");
            assertThat(first.getText()).contains("Modbus unit 1");
            session.follow(browser.findElement(By.id("lang-ru")));
            assertThat(browser.findElement(By.cssSelector("#outcomes tr[data-serial='"
                    + bus.truth().unit(2).meterId() + "']")).getText()).contains("адрес Modbus 2");
            Browser.screenshot(browser, "acquisition-modbus-run");
        }
    }

    @Test
    void aRunWithASilentMeterAndAnUnaddressableOneCountsThemApartPerMeter() {
        long demo = demoChannelId();
        String address = jdbc.sql("select address from acquisition_channel where id = ?").param(demo)
                .query(String.class).single();
        long building = jdbc.sql("select building_id from acquisition_channel where id = ?").param(demo)
                .query(Long.class).single();
        // a second line on the same bus: one meter at an address nobody answers, one the registry cannot address
        long channelId = jdbc.sql("""
                insert into acquisition_channel (kind, name, building_id, address, baud)
                values ('TCP_GATEWAY', 'Zz second line', ?, ?, ?) returning id""")
                .params(building, address, DemoBuilding.BAUD).query(Long.class).single();
        jdbc.sql("insert into meter (manufacturer, serial, bus_address, channel_id) values ('DFS', '77000001', 222, ?),"
                + " ('DFS', '77000002', null, ?)").params(channelId, channelId).update();
        UUID channel = publicId(channelId);
        session.login("admin", "admin-demo");
        browser.get(session.url("/acquisition"));
        assertThat(card(channel).findElement(By.cssSelector(".schedule .words")).getText())
                .isEqualTo("on demand only");
        assertThat(card(channel).findElement(By.cssSelector(".last-poll")).getText()).isEqualTo("never polled");

        card(channel).findElement(By.cssSelector(".read-now")).click();
        waitFor("the poll ends", d -> "FAILED".equals(panelStatus(channel)) || "DONE".equals(panelStatus(channel)));
        WebElement last = browser.findElement(By.id("last-poll-" + channel));
        assertThat(last.getText()).contains("failed", "read 0 of 2, silent 1, errors 1");

        session.follow(last.findElement(By.cssSelector("a.run-link")));
        WebElement silent = browser.findElement(By.cssSelector("#outcomes tr[data-serial='77000001']"));
        assertThat(silent.getDomAttribute("data-result")).isEqualTo("SILENT");
        assertThat(silent.getText()).contains("primary address 222", "silent");
        WebElement unaddressable = browser.findElement(By.cssSelector("#outcomes tr[data-serial='77000002']"));
        assertThat(unaddressable.getDomAttribute("data-result")).isEqualTo("ERROR");
        assertThat(unaddressable.getText()).contains("neither a primary address nor a complete secondary address");
        assertThat(browser.findElement(By.cssSelector(".run-message")).getText())
                .isEqualTo("2 of 2 meter(s) not read");

        // the same run and its job in Russian: what the server wrote is said in Russian too
        session.follow(browser.findElement(By.id("lang-ru")));
        silent = browser.findElement(By.cssSelector("#outcomes tr[data-serial='77000001']"));
        WebElement silentError = silent.findElement(By.cssSelector(".error-text"));
        assertThat(silentError.getText()).startsWith("канал " + address + ", первичный адрес 222: ")
                .endsWith("счётчик не ответил");
        assertThat(silentError.getDomAttribute("lang")).isNull();
        WebElement unaddressableError = browser.findElement(
                By.cssSelector("#outcomes tr[data-serial='77000002'] .error-text"));
        assertThat(unaddressableError.getText()).isEqualTo("в реестре нет ни первичного, ни полного вторичного "
                + "адреса (номер, производитель, версия, среда) счётчика 77000002 DFS");
        assertThat(unaddressableError.getDomAttribute("lang")).isNull();
        WebElement runMessage = browser.findElement(By.cssSelector(".run-message"));
        assertThat(runMessage.getText()).isEqualTo("не прочитано счётчиков: 2 из 2");
        assertThat(runMessage.getDomAttribute("lang")).isNull();

        String job = jdbc.sql("select public_id::text from channel_job where channel_id = ? order by id desc limit 1")
                .param(channelId).query(String.class).single();
        browser.get(session.url("/acquisition/jobs/" + job + "?lang=ru"));
        assertThat(browser.findElement(By.cssSelector(".job-status")).getText()).isEqualTo("не удалось");
        WebElement jobError = browser.findElement(By.cssSelector(".job-error"));
        assertThat(jobError.getText()).isEqualTo("не прочитано счётчиков: 2 из 2");
        assertThat(jobError.getDomAttribute("lang")).isNull();

        // a search in Russian that finds nobody: its state and its message in Russian, live on the page
        browser.get(session.url("/acquisition?lang=ru"));
        WebElement card = card(channel);
        card.findElement(By.cssSelector("details.search summary")).click();
        browser.executeScript("arguments[0].value = '240'; arguments[1].value = '245';",
                card.findElement(By.cssSelector("input[name=from]")), card.findElement(By.cssSelector("input[name=to]")));
        card.findElement(By.cssSelector(".search-primary")).click();
        waitFor("the search ends", d -> "DONE".equals(panelStatus(channel)) || "FAILED".equals(panelStatus(channel)));
        WebElement panel = browser.findElement(By.id("job-panel-" + channel));
        assertThat(panel.findElement(By.cssSelector(".job-status")).getText()).isEqualTo("завершено");
        WebElement searchMessage = panel.findElement(By.cssSelector(".job-message"));
        assertThat(searchMessage.getText()).isEqualTo("ни один счётчик не ответил");
        assertThat(searchMessage.getDomAttribute("lang")).isNull();
        // the API says it as it always did
        assertThat(jdbc.sql("select message from channel_job where channel_id = ? order by id desc limit 1")
                .param(channelId).query(String.class).single()).isEqualTo("no meter answered");
    }

    @Test
    void aSecondarySearchReportsWhatItFoundAndAWrongRangeIsRefusedInRussian() {
        long channelId = demoChannelId();
        UUID channel = publicId(channelId);
        session.login("operator", "operator-demo");
        browser.get(session.url("/acquisition"));
        session.markPage();
        WebElement card = card(channel);
        card.findElement(By.cssSelector("details.search summary")).click();
        card.findElement(By.cssSelector(".search-secondary")).click();
        waitFor("the search ends", d -> "DONE".equals(panelStatus(channel)) || "FAILED".equals(panelStatus(channel)));
        WebElement panel = browser.findElement(By.id("job-panel-" + channel));
        assertThat(panelStatus(channel)).as(panel.getText()).isEqualTo("DONE");
        assertThat(panel.findElement(By.cssSelector(".job-found")).getText()).isEqualTo(
                "3 meter(s) found, 100% searched");
        assertThat(panel.findElement(By.cssSelector(".job-result")).getText()).startsWith("found 3 meter(s), 0 new");
        assertThat(session.stillThisPage()).isTrue();

        session.follow(browser.findElement(By.id("lang-ru")));
        card = card(channel);
        card.findElement(By.cssSelector("details.search summary")).click();
        WebElement from = card.findElement(By.cssSelector("input[name=from]"));
        // the browser's own check would stop 300 before it is sent; the server must answer it too
        browser.executeScript("arguments[0].removeAttribute('max'); arguments[0].value = '300';", from);
        card.findElement(By.cssSelector(".search-primary")).click();
        waitFor("the refusal", d -> !d.findElements(By.cssSelector("#job-" + channel + " .job-refused")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#job-" + channel + " .job-refused")).getText())
                .isEqualTo("Первичные адреса 300–250 — не диапазон в пределах 0–250 с началом не больше конца.");
        assertThat(jdbc.sql("select count(*) from channel_job where channel_id = ? and mode = 'PRIMARY'")
                .param(channelId).query(Long.class).single()).as("no job was started").isZero();
    }

    private void saveSchedule(UUID channel, String cron) {
        WebElement input = browser.findElement(By.id("cron-" + channel));
        input.clear();
        input.sendKeys(cron);
        session.follow(browser.findElement(By.id("save-schedule-" + channel)));
    }

    @Test
    void aWrongScheduleIsRefusedNamingTheSlipAndAGoodOneIsSavedAndSaidInWords() {
        long channelId = demoChannelId();
        UUID channel = publicId(channelId);
        String stored = "select schedule_cron from acquisition_channel where id = ?";
        session.login("operator", "operator-demo");
        browser.get(session.url("/acquisition"));
        try {
            saveSchedule(channel, "0 3 * * *");
            assertThat(browser.findElement(By.id("cron-error-" + channel)).getText()).isEqualTo("The schedule "
                    + "\"0 3 * * *\" has five fields, like a Unix cron; this one also needs the seconds first: "
                    + "0 0 3 * * *");
            assertThat(browser.findElement(By.id("cron-" + channel)).getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.findElement(By.id("cron-" + channel)).getDomProperty("value")).isEqualTo("0 3 * * *");
            assertThat(jdbc.sql(stored).param(channelId).query(String.class).single()).isEqualTo("0 * * * * *");

            saveSchedule(channel, "0 0 25 * * *");
            assertThat(browser.findElement(By.id("cron-error-" + channel)).getText()).isEqualTo("The schedule "
                    + "\"0 0 25 * * *\": field 3 (hour) \"25\" is not valid; it may hold 0–23, lists (1,15), ranges "
                    + "(1-5) and steps (*/10).");

            saveSchedule(channel, "0 30 3 * * MON-FRI");
            assertThat(browser.findElements(By.id("cron-error-" + channel))).isEmpty();
            assertThat(jdbc.sql(stored).param(channelId).query(String.class).single()).isEqualTo("0 30 3 * * MON-FRI");
            WebElement card = card(channel);
            assertThat(card.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Schedule saved.");
            assertThat(card.findElement(By.cssSelector(".schedule .words")).getText())
                    .isEqualTo("at 03:30, on Monday–Friday");
            assertThat(card.findElement(By.cssSelector(".schedule .next")).getText()).contains("03:30");
            session.follow(browser.findElement(By.id("lang-ru")));
            assertThat(card(channel).findElement(By.cssSelector(".schedule .words")).getText())
                    .isEqualTo("в 03:30, дни недели: понедельник–пятница");
        } finally {
            jdbc.sql("update acquisition_channel set schedule_cron = '0 * * * * *' where id = ?").param(channelId)
                    .update();
        }
    }

    @Test
    void aManagerOnlyLooksAResidentIsRefusedAndThePageFitsAPhone() throws IOException {
        UUID channel = publicId(demoChannelId());
        session.login("manager", "manager-demo");
        assertThat(browser.findElements(By.id("nav-import"))).as("import is for the service company").isEmpty();
        session.follow(browser.findElement(By.id("nav-acquisition")));
        assertThat(browser.findElement(By.id("nav-acquisition")).getDomAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.findElement(By.id("read-only")).getText()).contains("for the service company");
        assertThat(card(channel).findElement(By.cssSelector(".schedule .words")).getText()).isNotBlank();
        assertThat(browser.findElements(By.cssSelector(".read-now, .schedule-form, .search"))).isEmpty();

        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            assertThat(session.overflow()).as("the page fits a phone's width").isLessThanOrEqualTo(0L);
            Browser.screenshot(browser, "acquisition-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }

        session.signOut();
        session.login("resident", "resident-demo");
        browser.get(session.url("/acquisition"));
        assertThat(browser.findElement(By.id("forbidden")).getText()).isEqualTo("Not for your role");
        assertThat(session.statusInThisSession("/acquisition")).isEqualTo(403);
        assertThat(browser.findElements(By.id("nav-acquisition"))).isEmpty();
    }
}
