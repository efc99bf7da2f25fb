package org.openamr.server.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test context at its own fresh database (see {@link TestDatabases}). */
public final class FreshDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabases.Database db = TestDatabases.fresh();
        TestPropertyValues.of(
                "spring.datasource.url=" + db.url(),
                "spring.datasource.username=" + db.user(),
                "spring.datasource.password=",
                "openamr.data-dir=target/openamr-test-home",
                // Spring keeps up to 32 test contexts alive, each with its pools: idle connections are given
                // back, or the contexts together would exceed PostgreSQL's max_connections (100 by default)
                "spring.datasource.hikari.minimum-idle=0",
                "spring.datasource.hikari.idle-timeout=10000").applyTo(context.getEnvironment());
        if (!context.getEnvironment().containsProperty("openamr.initial-admin.enabled")) {
            // test fixtures make their own accounts; InitialAdminTest turns this back on
            TestPropertyValues.of("openamr.initial-admin.enabled=false").applyTo(context.getEnvironment());
        }
    }
}
