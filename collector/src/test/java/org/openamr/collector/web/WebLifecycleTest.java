package org.openamr.collector.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.collector.Collector;
import org.openamr.collector.config.ConfigLoader;
import org.openamr.collector.delivery.OutputTypes;

/** The page starts and stops with the collector, and a port taken keeps the page away, not the collector. */
@Timeout(30)
class WebLifecycleTest {

    @TempDir
    Path dir;

    private Collector open(String web, List<String> log) throws Exception {
        String yaml = """
                collector:
                  id: life
                  store: {path: s.db}
                %s
                outputs:
                  - name: archive
                    type: file
                    settings: {dir: %s}
                """.formatted(web, dir.resolve("out"));
        return Collector.open(new ConfigLoader(OutputTypes.builtIn()).parse(yaml, dir), OutputTypes.builtIn(),
                // the collector's threads log while a test reads the list: a copy-on-write list is read as a snapshot
                Clock.systemUTC(), (level, text) -> log.add(level + " " + text));
    }

    @Test
    void thePageListensWhileTheCollectorRunsAndOnlyOnLoopback() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        Collector c = open("  web: {port: 0, password: long-enough}", log);
        assertThat(c.webAddress()).as("not before start").isEmpty();
        c.start();
        int port = c.webAddress().orElseThrow().getPort();
        assertThat(c.webAddress().get().getAddress().isLoopbackAddress()).isTrue();
        assertThat(log).contains("INFO web page at http://127.0.0.1:" + port + "/");
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertThat(s.isConnected()).isTrue();
        }
        c.stop();
        assertThat(c.webAddress()).isEmpty();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close()).isInstanceOf(IOException.class);
    }

    @Test
    void aTakenPortIsLoggedAndCollectionGoesOn() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            try (Collector c = open("  web: {port: " + taken.getLocalPort() + ", password: long-enough}", log)) {
                c.start();
                assertThat(c.webAddress()).isEmpty();
                assertThat(log).anySatisfy(l -> assertThat(l).startsWith("WARN web page: cannot listen on 127.0.0.1:"
                        + taken.getLocalPort()));
                assertThat(c.outputStatus()).hasSize(1);
            }
        }
        assertThat(log).anySatisfy(l -> assertThat(l).contains("collector life: stopped"));
    }

    @Test
    void withoutAWebSectionThereIsNoPage() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (Collector c = open("", log)) {
            c.start();
            assertThat(c.webAddress()).isEmpty();
        }
        assertThat(log).noneSatisfy(l -> assertThat(l).contains("web page"));
    }
}
