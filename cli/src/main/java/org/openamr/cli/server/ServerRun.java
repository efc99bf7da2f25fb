package org.openamr.cli.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.openamr.server.OpenAmrServer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Runs the head-end server in this JVM until Ctrl-C or SIGTERM: Spring's shutdown hook closes the
 * context (the web server, the virtual bus, then the embedded PostgreSQL), and the waiting command
 * returns once it is closed.
 */
final class ServerRun {

    /** The Spring Boot application: the server alone, or the demo (the server and its demo building). */
    private final Class<?> application;
    private final List<String> properties = new ArrayList<>();
    /**
     * Below everything else, so that the environment can still override them (e.g.
     * {@code LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_BOOT_SPRINGAPPLICATION=ERROR} to see a failed start's
     * stack trace). By default a failed start is one line, as every openamr command's error is:
     * Spring's failure analysis (e.g. a port in use) still shows, its stack trace does not.
     */
    private final Map<String, Object> defaults = new HashMap<>(Map.of(
            "logging.level.org.springframework.boot.SpringApplication", "OFF",
            "logging.level.org.springframework.boot.web.server.servlet.context", "ERROR"));

    /** The server alone ({@code openamr server}). */
    ServerRun() {
        this(OpenAmrServer.class);
    }

    ServerRun(Class<?> application) {
        this.application = application;
    }

    /** A Spring property, given as a command-line argument: it overrides the environment and application.properties. */
    ServerRun set(String name, Object value) {
        properties.add("--" + name + "=" + value);
        return this;
    }

    /** A Spring property that the environment and application.properties override. */
    ServerRun byDefault(String name, Object value) {
        defaults.put(name, value);
        return this;
    }

    /** @param port null: whatever the configuration says ({@code server.port}), else Spring's 8080 */
    ServerRun port(Integer port) {
        if (port == null) {
            return this;
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--port must be 1..65535, got " + port);
        }
        return set("server.port", port);
    }

    ServerRun dataDir(Path dir) {
        return dir == null ? this : set("openamr.data-dir", dir.toAbsolutePath().normalize());
    }

    /** JSON lines through Spring Boot's own structured logging, with no logging library of ours. */
    ServerRun logFormat(LogFormat format) {
        return format == LogFormat.JSON ? set("logging.structured.format.console", "ecs") : this;
    }

    /** Starts the server and blocks until it is shut down; a start that fails throws with Spring's reason. */
    void runUntilStopped() throws InterruptedException {
        SpringApplication app = new SpringApplication(application);
        Closed closed = new Closed();
        app.addListeners(closed);
        app.setDefaultProperties(defaults);
        ConfigurableApplicationContext context;
        try {
            context = app.run(properties.toArray(String[]::new));
        } catch (RuntimeException e) {
            throw new IllegalStateException(reason(e), e);
        }
        if (!context.isActive()) {
            return;
        }
        closed.latch.await();
    }

    /**
     * The line a user needs from a failed start: Spring wraps the cause in bean-creation and
     * lifecycle exceptions whose own messages name beans, not the problem.
     */
    static String reason(Throwable e) {
        Throwable ours = null;
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PortInUseException p) {
                return "port " + p.getPort() + " is in use: stop what listens there or give another with --port";
            }
            if (ours == null && t.getStackTrace().length > 0
                    && t.getStackTrace()[0].getClassName().startsWith("org.openamr.")) {
                ours = t;
            }
            root = t;
        }
        return (ours != null ? ours : root).getMessage();
    }

    private static final class Closed implements ApplicationListener<ContextClosedEvent> {
        final CountDownLatch latch = new CountDownLatch(1);

        @Override
        public void onApplicationEvent(ContextClosedEvent event) {
            latch.countDown();
        }
    }
}
