package org.openamr.server.channel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads that work on buses: a fixed number ({@code openamr.polling.threads}), so that many
 * due channels queue instead of starting a thread each, and one slow bus holds one thread only.
 */
@Component
public class BusWorkers implements DisposableBean {

    private final ExecutorService pool;

    public BusWorkers(PollingProperties properties) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(properties.threads(), properties.threads(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "openamr-channel-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** @throws java.util.concurrent.RejectedExecutionException once the server is stopping */
    public Future<?> submit(Runnable work) {
        return pool.submit(work);
    }

    /** Interrupts the work in progress and waits a little for it to end; nothing new is accepted. */
    public void stop() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() {
        stop();
    }
}
