package org.openamr.server.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** A full server on a random port with its own fresh database. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// alarms are evaluated by the tests that want them, at the moment they choose, not by a timer racing other tests
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "openamr.alarms.enabled=false")
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
public @interface ServerTest {
}
