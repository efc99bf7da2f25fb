package org.openamr.collector.delivery;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How the delivery and input threads wait: for real, ended early by {@link #stop()}; tests substitute one
 * that advances a fake clock instead, so that back-off over minutes takes no time.
 */
public interface Pause {

    /** @return false when stopped (before or during the wait) */
    boolean sleep(Duration d);

    boolean stopped();

    void stop();

    static Pause real() {
        CountDownLatch stop = new CountDownLatch(1);
        return new Pause() {
            @Override
            public boolean sleep(Duration d) {
                try {
                    return !stop.await(Math.max(0, d.toMillis()), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }

            @Override
            public boolean stopped() {
                return stop.getCount() == 0;
            }

            @Override
            public void stop() {
                stop.countDown();
            }
        };
    }
}
