package org.openamr.cli.simulate;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How a serving command waits: until Ctrl-C or SIGTERM, a time limit, {@link #stop()}, or an
 * interrupt (an in-process caller stopping it). The shutdown hook holds the JVM until
 * {@link #close()}, so that the command closes its servers and prints its statistics first; an
 * interrupt is passed on at close.
 */
public final class UntilStopped implements AutoCloseable {

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;
    private boolean interrupted;

    /** What a serving command starts. */
    @FunctionalInterface
    public interface Start<S extends Closeable> {
        S start() throws IOException;
    }

    /** What it does with what it started, before waiting or after closing it. */
    @FunctionalInterface
    public interface Step<S> {
        void run(S server) throws IOException;
    }

    /**
     * Starts a server, runs {@code started} (print where it listens), waits until stopped or for
     * {@code seconds} (0: no limit), closes the server and runs {@code stopped} (print its
     * statistics), the last also after Ctrl-C or a failure.
     *
     * @param name names the shutdown hook's thread
     */
    public static <S extends Closeable> void serve(String name, long seconds, Start<S> start, Step<S> started,
            Step<S> stopped) throws IOException {
        try (UntilStopped until = new UntilStopped(name); S server = start.start()) {
            try {
                started.run(server);
                until.await(seconds);
            } finally {
                try {
                    server.close();
                } finally {
                    stopped.run(server);
                }
            }
        }
    }

    public UntilStopped(String name) {
        hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Waits for a stop; {@code seconds} 0 waits without limit. */
    public void await(long seconds) {
        try {
            if (seconds > 0) {
                stop.await(seconds, TimeUnit.SECONDS);
            } else {
                stop.await();
            }
        } catch (InterruptedException e) {
            interrupted = true; // reported like Ctrl-C; the flag is restored at close
        }
    }

    /** Ends {@link #await} from another thread, e.g. when a simulated period is over. */
    public void stop() {
        stop.countDown();
    }

    /** Lets a running shutdown hook return and removes it otherwise. */
    @Override
    public void close() {
        stopped.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running and returns now
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
