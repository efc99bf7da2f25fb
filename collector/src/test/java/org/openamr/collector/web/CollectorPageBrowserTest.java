package org.openamr.collector.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The status page in Debian's headless Chromium, as the server's pages are tested: at a phone's width
 * (390 px) and a desktop's, nothing reaches past the window's right edge and the figures are on screen.
 * Basic authentication is sent as a header through the DevTools protocol (chromedriver's own command,
 * no DevTools version to match). Skipped only where Chromium or its driver is not installed.
 */
class CollectorPageBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    @Timeout(90)
    void thePageFitsAPhoneAndADesktopAndShowsTheFigures(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        try (RunningCollector running = new RunningCollector(dir)) {
            ChromeDriver browser = start(dir.resolve("profile"));
            try {
                browser.executeCdpCommand("Network.enable", Map.of());
                browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString((RunningCollector.USER + ":" + RunningCollector.PASSWORD)
                                .getBytes(StandardCharsets.UTF_8)))));
                long ftpQueue = running.collector.store().queueDepth("ftp-main");
                long decoded = running.collector.store().telegramCounts().get("decoded");

                browser.manage().window().setSize(new Dimension(1280, 900));
                browser.get(running.base() + "/?lang=en");
                assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Collector web-test");
                assertFigures(browser, "Meters heard", ftpQueue, decoded);
                assertThat(overflow(browser)).as("desktop: " + overflowing(browser)).isLessThanOrEqualTo(0);
                screenshot(browser, Path.of("target", "collector-page-desktop.png"));

                browser.manage().window().setSize(new Dimension(390, 844));
                browser.get(running.base() + "/?lang=ru");
                assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Концентратор web-test");
                assertFigures(browser, "Счётчиков услышано", ftpQueue, decoded);
                assertThat((Long) browser.executeScript("return document.documentElement.clientWidth;"))
                        .as("the page is laid out for the phone's width, not a desktop's").isLessThanOrEqualTo(390);
                assertThat(overflow(browser)).as("phone: " + overflowing(browser)).isLessThanOrEqualTo(0);
                screenshot(browser, Path.of("target", "collector-page.png"));
                assertThat(Path.of("target", "collector-page.png")).isNotEmptyFile();
            } finally {
                browser.quit();
            }
        }
    }

    private static void assertFigures(ChromeDriver browser, String metersLabel, long ftpQueue, long decoded) {
        WebElement meters = browser.findElement(By.cssSelector("#input-air dd.meters"));
        assertThat(meters.isDisplayed()).isTrue();
        assertThat(meters.getText()).isEqualTo("5");
        assertThat(browser.findElement(By.cssSelector("#input-air")).getText()).contains(metersLabel);
        WebElement queue = browser.findElement(By.cssSelector("#output-ftp-main dd.queue"));
        assertThat(queue.isDisplayed()).isTrue();
        assertThat(queue.getText()).isEqualTo(Long.toString(ftpQueue));
        assertThat(browser.findElement(By.cssSelector("#outcomes dd.outcome-decoded")).getText()).isEqualTo(Long.toString(decoded));
        WebElement config = browser.findElement(By.id("config"));
        assertThat(config.getText()).contains(ConfigText.MASK).doesNotContain(RunningCollector.PASSWORD);
        // every card starts inside the window: a card pushed off to the right would be unreadable
        Long window = (Long) browser.executeScript("return document.documentElement.clientWidth;");
        for (WebElement card : browser.findElements(By.cssSelector(".card"))) {
            assertThat(card.getRect().getX() + card.getRect().getWidth()).as(card.getAttribute("id")).isLessThanOrEqualTo(window.intValue());
        }
    }

    private static ChromeDriver start(Path profile) throws Exception {
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=en-US", "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** How far the page reaches beyond the window's width (0 or less: it fits). */
    private static long overflow(ChromeDriver browser) {
        return (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }

    /** The elements reaching past the right edge whose parent does not: what made a page too wide. */
    private static String overflowing(ChromeDriver browser) {
        return (String) browser.executeScript("""
                const w = document.documentElement.clientWidth; const out = [];
                for (const e of document.querySelectorAll('body *')) {
                  const r = e.getBoundingClientRect(); const p = e.parentElement.getBoundingClientRect();
                  if (r.right > w + 1 && p.right <= w + 1) {
                    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' (' + Math.round(r.right - w) + ' px too far)');
                  }
                }
                return out.slice(0, 5).join(', ');""");
    }

    /** The whole page: the window is stretched to the page's height for the picture. */
    private static void screenshot(ChromeDriver browser, Path to) throws Exception {
        Files.createDirectories(to.getParent());
        Dimension window = browser.manage().window().getSize();
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height + 140, 6000)));
        try {
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), to, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.manage().window().setSize(window);
        }
    }
}
