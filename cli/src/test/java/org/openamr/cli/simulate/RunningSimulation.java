package org.openamr.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openamr.cli.OpenAmr;
import picocli.CommandLine;

/**
 * {@code openamr simulate …} (or {@code simulate radio …}) running on a thread of the test, stopped
 * by an interrupt as Ctrl-C would.
 */
final class RunningSimulation implements AutoCloseable {

    private static final Pattern TCP = Pattern.compile("tcp://(?:0\\.0\\.0\\.0|127\\.0\\.0\\.1):(\\d+)");

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private final Thread thread;
    private volatile int exit = -1;

    /** @param clock the clock of both commands: the wired meters' and the radio's "now" */
    RunningSimulation(Clock clock, String... args) {
        CommandLine cl = OpenAmr.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        CommandLine simulate = cl.getSubcommands().get("simulate");
        ((SimulateCommand) simulate.getCommand()).clock = clock;
        ((RadioCommand) simulate.getSubcommands().get("radio").getCommand()).clock = clock;
        String[] all = new String[args.length + 1];
        all[0] = "simulate";
        System.arraycopy(args, 0, all, 1, args.length);
        thread = new Thread(() -> exit = cl.execute(all), "simulate-under-test");
        thread.start();
    }

    /** Waits for the start summary; fails with what the command said if it does not come. */
    String summary() throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (out.toString().contains("Try:") && out.toString().contains("Ctrl-C")) {
                return out.toString();
            }
            if (!thread.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no start summary; exit " + exit + ", out: " + out + ", err: " + err);
    }

    int port() throws InterruptedException {
        Matcher m = TCP.matcher(summary());
        assertThat(m.find()).as("a tcp:// line in %s", out).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** Interrupts the command as Ctrl-C would and returns its exit code. */
    int stop() throws InterruptedException {
        thread.interrupt();
        thread.join(15_000);
        assertThat(thread.isAlive()).as("simulate stops when interrupted").isFalse();
        return exit;
    }

    @Override
    public void close() {
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
