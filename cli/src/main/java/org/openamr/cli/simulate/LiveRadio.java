package org.openamr.cli.simulate;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openamr.simulator.radio.RadioKeys;
import org.openamr.simulator.radio.RadioSource;
import org.openamr.simulator.radio.RadioTcpServer;
import org.openamr.simulator.radio.TelegramLineFormat;

/**
 * The live half of {@code openamr simulate radio}: the keys file, then the radio on a TCP port
 * until Ctrl-C, {@code --duration} or the end of the period, and its statistics.
 */
final class LiveRadio {

    private final PrintWriter console;
    private final RadioSource source;
    private final InetSocketAddress at;
    private final TelegramLineFormat lines;
    private final double speed;
    private final Path keys;

    /** @param keys where to write the keys first, or null */
    LiveRadio(PrintWriter console, RadioSource source, InetSocketAddress at, TelegramLineFormat lines, double speed,
            Path keys) {
        this.console = console;
        this.source = source;
        this.at = at;
        this.lines = lines;
        this.speed = speed;
        this.keys = keys;
    }

    /** Serves until stopped; {@code durationSeconds} 0: no time limit. */
    int run(long durationSeconds) throws IOException {
        if (keys != null) {
            try {
                RadioKeys.write(keys, source.meters());
            } catch (FileSystemException e) {
                throw RadioCommand.cannotWrite(e);
            }
        }
        try (UntilStopped until = new UntilStopped("openamr-simulate-radio-shutdown");
             RadioTcpServer server = start()) {
            Thread periodEnd = new Thread(() -> {
                try {
                    if (server.awaitEnd(Long.MAX_VALUE, TimeUnit.DAYS)) {
                        until.stop();
                    }
                } catch (InterruptedException e) {
                    // the command ended first
                }
            }, "openamr-simulate-radio-end");
            periodEnd.setDaemon(true);
            periodEnd.start();
            long startNanos = System.nanoTime();
            try {
                printSummary(server, durationSeconds);
                until.await(durationSeconds);
            } finally {
                periodEnd.interrupt();
                try {
                    server.close();
                } finally {
                    printStats(server, System.nanoTime() - startNanos);
                }
            }
        }
        return 0;
    }

    private RadioTcpServer start() throws IOException {
        try {
            return RadioTcpServer.start(source, at, lines, speed);
        } catch (BindException e) {
            throw new IOException("cannot listen on TCP port " + at.getPort() + ": " + e.getMessage()
                    + "; choose another port, or --tcp 0 for a free one", e);
        }
    }

    private void printSummary(RadioTcpServer server, long durationSeconds) {
        InetSocketAddress a = server.address();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : Simulation.hostOf(a);
        console.println("OpenAMR radio simulation (live)");
        console.println("  tcp       " + ListenAddress.text(a) + ", " + lines.text() + " lines");
        console.println("  radio     " + source.settings().describe());
        console.println("  speed     " + (speed == 1 ? "real time"
                : BigDecimal.valueOf(speed).stripTrailingZeros().toPlainString() + " × real time"));
        if (keys != null) {
            console.println("  keys      " + keys);
        }
        console.println("Try:");
        console.println("  nc " + host + " " + a.getPort());
        console.println(durationSeconds > 0 ? "Stops after " + durationSeconds + " s (or Ctrl-C)." : "Stop with Ctrl-C.");
        console.flush();
    }

    private void printStats(RadioTcpServer server, long nanos) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(nanos);
        long clients = server.clientsServed();
        console.println("Stopped after " + String.format("%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60,
                seconds % 60) + ": " + server.telegramsSent() + " telegrams sent, " + clients + " TCP connection"
                + (clients == 1 ? "" : "s") + ".");
        console.flush();
    }
}
