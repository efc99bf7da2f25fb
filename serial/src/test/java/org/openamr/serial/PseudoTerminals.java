package org.openamr.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A pair of pseudo-terminals joined by socat, as a null-modem cable between two serial ports. The
 * simulator has its own pty server, but {@code serial} sits below it and cannot use it in its tests.
 */
final class PseudoTerminals implements AutoCloseable {

    static final Path SOCAT = Path.of("/usr/bin/socat");

    private final Process socat;
    private final Path first;
    private final Path second;

    private PseudoTerminals(Process socat, Path first, Path second) {
        this.socat = socat;
        this.first = first;
        this.second = second;
    }

    static boolean available() {
        return Files.isExecutable(SOCAT);
    }

    static PseudoTerminals start(Path first, Path second) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(SOCAT.toString(),
                "pty,raw,echo=0,link=" + first, "pty,raw,echo=0,link=" + second)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!(Files.exists(first) && Files.exists(second))) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IOException("socat did not create " + first + " and " + second);
            }
            Thread.sleep(10);
        }
        return new PseudoTerminals(p, first, second);
    }

    Path first() {
        return first;
    }

    Path second() {
        return second;
    }

    /** Pulls the cable: socat ends, its links vanish, both ends see their port fail. */
    @Override
    public void close() throws InterruptedException {
        socat.destroy();
        if (!socat.waitFor(5, TimeUnit.SECONDS)) {
            socat.destroyForcibly().waitFor();
        }
    }
}
