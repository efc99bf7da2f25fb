package org.openamr.server.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A browser on one test server: sign-in, following links, and what a browser does not tell (HTTP statuses). */
final class BrowserSession {

    static final Duration WAIT = Duration.ofSeconds(30);

    final ChromeDriver browser;
    private final int port;

    BrowserSession(ChromeDriver browser, int port) {
        this.browser = browser;
        this.port = port;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void login(String user, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        follow(browser.findElement(By.id("sign-in")));
        new WebDriverWait(browser, WAIT).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Signed out, on the login page, with no cookies left (the language cookie included). */
    void signOut() {
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
    }

    /** The HTTP status of a page in the browser's session (a browser does not tell it). */
    int statusInThisSession(String path) {
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Clicks something that loads a page and waits until the new page replaced the old one and finished loading.
     * The old page is marked in its window object rather than watched through an element reference: while a
     * navigation is under way chromium may answer a question about an old element with an "unknown error" (node
     * does not belong to the document) instead of "stale element", which a staleness wait does not expect.
     */
    void follow(WebElement link) {
        browser.executeScript("window.openamrLeaving = true;");
        link.click();
        new WebDriverWait(browser, WAIT).ignoring(WebDriverException.class).until(d -> Boolean.TRUE
                .equals(((JavascriptExecutor) d).executeScript(
                        "return window.openamrLeaving === undefined && document.readyState === 'complete';")));
    }

    /** Marks the page, so that {@link #stillThisPage} can tell a page changed in place from one reloaded. */
    void markPage() {
        browser.executeScript("window.openamrSamePage = true;");
    }

    boolean stillThisPage() {
        return Boolean.TRUE.equals(browser.executeScript("return window.openamrSamePage === true;"));
    }

    /**
     * An attribute of every element a selector finds, in document order; read by script in one go, so that
     * an htmx swap under way cannot leave the test holding elements that are gone.
     */
    List<String> attributes(String selector, String attribute) {
        Object values = browser.executeScript("return Array.from(document.querySelectorAll(arguments[0]))"
                + ".map(e => e.getAttribute(arguments[1]));", selector, attribute);
        return ((List<?>) values).stream().map(String::valueOf).toList();
    }

    /** Waits for an element that a swap (htmx) or a new page brings. */
    void awaitElement(String id) {
        new WebDriverWait(browser, WAIT).until(d -> !d.findElements(By.id(id)).isEmpty());
    }

    /** Something a test does in the browser; it may save a screenshot. */
    interface Steps {
        void run() throws IOException;
    }

    /** Runs the steps in a window of a phone's size (390 × 844 CSS pixels), then restores the window. */
    void atPhoneWidth(Steps steps) throws IOException {
        Dimension window = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            steps.run();
        } finally {
            browser.manage().window().setSize(window);
        }
    }

    String h1() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    /** How far the page reaches beyond the window's width (0 or less: it fits). */
    /**
     * The elements reaching past the window's right edge whose parent does not, with their width, to say what made
     * a page too wide.
     */
    String overflowing() {
        return (String) browser.executeScript("""
                const w = document.documentElement.clientWidth; const out = [];
                for (const e of document.querySelectorAll('body *')) {
                  const r = e.getBoundingClientRect();
                  const p = e.parentElement.getBoundingClientRect();
                  if (r.right > w + 1 && p.right <= w + 1) {
                    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')
                        + ' (' + Math.round(r.width) + ' px wide, ' + Math.round(r.right - w) + ' px too far)');
                  }
                }
                return out.slice(0, 5).join(', ');""");
    }

    long overflow() {
        return (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }
}
