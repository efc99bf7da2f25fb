package org.openamr.demo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.openamr.server.support.FreshDatabaseInitializer;
import org.openamr.server.support.ServerTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@link ServerTest} for the demo: the server with the demo's configuration ({@link OpenAmrDemo}) on a random port
 * with its own fresh database. The demo's size and {@code openamr.demo.enabled=true} come with each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = OpenAmrDemo.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
public @interface DemoServerTest {
}
