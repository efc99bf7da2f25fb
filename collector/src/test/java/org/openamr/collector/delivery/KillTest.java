package org.openamr.collector.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.collector.EventLog;
import org.openamr.collector.readout.ReadoutJson;
import org.openamr.collector.store.Readouts;
import org.openamr.collector.store.Store;

/**
 * A real JVM storing and delivering is killed with SIGKILL at random moments and restarted: every readout
 * it reported stored is still in the store, and the delivery folder holds each readout in exactly one file.
 */
class KillTest {

    private static final int KILLS = 12;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void nothingReportedStoredIsLostAndNothingIsDeliveredTwice() throws Exception {
        Path store = dir.resolve("store.db");
        Path out = dir.resolve("out");
        Random random = new Random();
        Set<Long> reported = new HashSet<>();
        int killedWithData = 0;
        for (int round = 0; round < KILLS; round++) {
            Process child = start(store, out, null);
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String first = lines.readLine(); // the JVM is up and storing
            assertThat(first).as("child %d started", round).startsWith("STORED ");
            reported.add(Long.parseLong(first.substring(7)));
            Thread.sleep(100 + random.nextInt(1400));
            // SIGKILL. Through the handle: Process.destroyForcibly also closes our end of the pipe, and the
            // lines the child printed just before dying would be lost to the check.
            child.toHandle().destroyForcibly();
            child.waitFor();
            for (String l = lines.readLine(); l != null; l = lines.readLine()) {
                if (l.startsWith("STORED ")) { // a line cut in half by the kill is not a report
                    try {
                        reported.add(Long.parseLong(l.substring(7)));
                    } catch (NumberFormatException e) {
                        // cut short
                    }
                }
            }
            killedWithData++;
        }
        Process drain = start(store, out, "drain");
        assertThat(drain.waitFor(60, TimeUnit.SECONDS)).as("the drain run finished").isTrue();
        assertThat(new String(drain.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("DRAINED");

        Set<Long> stored = new HashSet<>();
        try (Store s = Store.open(store, 1L << 30, Optional.empty(), Clock.systemUTC(), EventLog.silent())) {
            s.readouts().values().forEach(r -> stored.add(Readouts.number(r)));
            assertThat(s.telegramCounts().get("decoded")).as("each readout's telegram stored with it").isEqualTo(stored.size());
        }
        assertThat(stored).as("every readout reported stored is in the store").containsAll(reported);

        Map<Long, String> fileOf = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        List<String> leftovers = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".json")) {
                    leftovers.add(name);
                    continue;
                }
                var batch = ReadoutJson.readBatch(Files.readString(f)); // every file whole
                assertThat(name).isEqualTo("kill_files_" + batch.sequence() + ".json");
                for (var r : batch.readouts()) {
                    String before = fileOf.put(Readouts.number(r), name);
                    if (before != null) {
                        duplicates.add(Readouts.number(r) + " in " + before + " and " + name);
                    }
                }
            }
        }
        System.out.printf("kill -9: %d kills, %d readouts reported stored, %d in the store, %d delivered, %d duplicates%n",
                killedWithData, reported.size(), stored.size(), fileOf.size(), duplicates.size());
        assertThat(duplicates).as("readouts delivered in two different files").isEmpty();
        assertThat(fileOf.keySet()).as("every stored readout delivered").containsExactlyInAnyOrderElementsOf(stored);
        assertThat(leftovers).as("half-written files left behind").isEmpty();
        assertThat(reported.size()).as("the children did store something").isGreaterThan(KILLS * 10);
    }

    private static Process start(Path store, Path out, String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx96m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), KillChild.class.getName(), store.toString(), out.toString()));
        if (mode != null) {
            command.add(mode);
        }
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
