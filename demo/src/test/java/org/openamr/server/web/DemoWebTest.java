package org.openamr.server.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestInstance;
import org.openamr.demo.DemoServerTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The server with the demo building seeded small (4 apartments, 2 months of history) and no polling, for
 * the browser tests of the meters, unassigned meters and users pages. Their classes share this server and
 * its database (one Spring context): each test makes what it changes its own (its own meters, users), and
 * none asserts a total that another changes. WebPagesIT has a server of its own (3 apartments), whose
 * figures these changes would disturb.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DemoServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {"openamr.demo.enabled=true", "openamr.demo.radio-meters=0", "openamr.demo.entrances=1",
        "openamr.demo.apartments-per-entrance=4", "openamr.demo.history-months=2", "openamr.demo.hourly-days=1",
        "openamr.polling.enabled=false"})
@interface DemoWebTest {
}
