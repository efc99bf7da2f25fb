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
                "openamr.data-dir=target/openamr-test-home").applyTo(context.getEnvironment());
        if (!context.getEnvironment().containsProperty("openamr.initial-admin.enabled")) {
            // test fixtures make their own accounts; InitialAdminTest turns this back on
            TestPropertyValues.of("openamr.initial-admin.enabled=false").applyTo(context.getEnvironment());
        }
    }
}
