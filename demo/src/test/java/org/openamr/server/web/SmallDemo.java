package org.openamr.server.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.openamr.demo.DemoServerTest;
import org.springframework.test.context.TestPropertySource;

/**
 * A server with the demo building seeded small (one entrance of two apartments, a month of history) and its
 * virtual M-Bus served on a loopback port, but no schedule running: what the bus is asked, a test asks. The
 * pages' tests that change the demo's data share this one context, apart from {@link WebPagesIT}'s.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DemoServerTest
@TestPropertySource(properties = {"openamr.demo.enabled=true", "openamr.demo.radio-meters=0", "openamr.demo.entrances=1",
        "openamr.demo.apartments-per-entrance=2", "openamr.demo.history-months=1", "openamr.demo.hourly-days=1",
        "openamr.polling.enabled=false"})
@interface SmallDemo {
}
