package org.openamr.cli.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.cli.OpenAmr;
import org.openamr.collector.readout.ReadoutJson;
import org.openamr.simulator.radio.RadioFiles;
import org.openamr.simulator.radio.RadioSecurity;
import org.openamr.simulator.radio.RadioSettings;
import org.openamr.simulator.radio.RadioSource;

/**
 * {@code openamr collect --config} as a process of its own: a simulated radio fleet heard from a replay
 * file is delivered to a file output; SIGTERM stops it cleanly (exit 0, the store closed, its WAL merged).
 */
class CollectRunTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(90)
    void runsUntilSigtermAndStopsCleanly() throws Exception {
        RadioSource radio = new RadioSource(new RadioSettings(11, 4, RadioSecurity.parse("5"), Duration.ofSeconds(60),
                Duration.ofSeconds(6), Instant.parse("2026-02-01T00:00:00Z"), Duration.ofMinutes(5)));
        RadioFiles.Summary summary = RadioFiles.write(radio, dir.resolve("radio.txt"), dir.resolve("keys.txt"), null);
        Path config = Files.writeString(dir.resolve("collector.yaml"), """
                collector:
                  id: run
                  store: {path: data/collector.db}
                inputs:
                  - name: air
                    type: radio
                    receiver: replay:%s
                    keys: keys.txt
                outputs:
                  - name: archive
                    type: file
                    settings: {dir: %s}
                """.formatted(dir.resolve("radio.txt"), dir.resolve("out")));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OpenAmr.class.getName(),
                "collect", "--config", config.toString())
                .redirectError(dir.resolve("stderr.txt").toFile()).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (delivered(dir.resolve("out")) < summary.telegrams() && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(200);
        }
        assertThat(delivered(dir.resolve("out"))).isEqualTo(summary.telegrams());
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        // 143 = 128 + SIGTERM: the JVM's exit status after a signal, whatever the hooks do (systemd units
        // name it in SuccessExitStatus); the log says the shutdown ran to its end.
        assertThat(p.exitValue()).as(log).isEqualTo(143);
        assertThat(log).contains("input air: replay:" + dir.resolve("radio.txt") + " ended, " + summary.telegrams() + " telegrams")
                .contains("collector run: stopped").contains("output archive: stopped").doesNotContain("Exception");
        assertThat(dir.resolve("data/collector.db")).exists();
        assertThat(dir.resolve("data/collector.db-wal")).as("the store was closed cleanly").doesNotExist();
    }

    private static long delivered(Path out) throws Exception {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(out)) {
            s.filter(f -> f.toString().endsWith(".json")).forEach(files::add);
        }
        long n = 0;
        for (Path f : files) {
            n += ReadoutJson.readBatch(Files.readString(f)).readouts().size();
        }
        return n;
    }
}
