package org.openamr.demo;

import java.util.Map;
import org.openamr.server.OpenAmrServer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@code openamr demo}: the head-end server as {@link OpenAmrServer} configures it (its component scan of
 * {@code org.openamr.server}, auto-configuration, scheduling) plus the demo building ({@link DemoConfiguration},
 * switched on by {@code openamr.demo.enabled=true}). {@code openamr server} starts {@link OpenAmrServer} alone,
 * which never sees this module's beans.
 */
@Configuration(proxyBeanMethods = false)
@Import({OpenAmrServer.class, DemoConfiguration.class})
public class OpenAmrDemo {

    /** Runs the demo with {@code openamr.demo.enabled=true} unless the arguments or the environment say otherwise. */
    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(OpenAmrDemo.class);
        app.setDefaultProperties(Map.of("openamr.demo.enabled", "true"));
        app.run(args);
    }
}
