package org.openamr.server.web;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A class of browser tests: one Chromium for all its tests against the server of its Spring context, each
 * test starting signed out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    @LocalServerPort
    int port;

    ChromeDriver browser;
    WebSession web;

    @BeforeAll
    void startBrowser() throws IOException {
        browser = Browser.start(1280, 1000);
        web = new WebSession(browser, port);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        web.signOut();
    }
}
