package org.openamr.acquisition.radio;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Several receivers as one: each is read on its own thread, receptions are delivered in the order
 * they arrive. The end comes when every receiver has ended; a receiver that fails ends the whole
 * with its error, as a single receiver would.
 */
public final class MergedReceivers implements RadioReceiver {

    private sealed interface Item {
    }

    private record Got(Reception reception) implements Item {
    }

    private record Ended() implements Item {
    }

    private record Broke(IOException error) implements Item {
    }

    private final List<RadioReceiver> receivers;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(1024);
    private int running;
    private volatile boolean closed;

    public MergedReceivers(List<RadioReceiver> receivers) {
        this.receivers = List.copyOf(receivers);
        this.running = receivers.size();
        for (RadioReceiver r : this.receivers) {
            Thread t = new Thread(() -> pump(r), "openamr-radio-" + r.name());
            t.setDaemon(true);
            t.start();
        }
    }

    private void pump(RadioReceiver r) {
        try {
            for (Reception x = r.next(); x != null; x = r.next()) {
                queue.put(new Got(x));
            }
            queue.put(new Ended());
        } catch (IOException e) {
            putQuietly(new Broke(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void putQuietly(Item i) {
        try {
            queue.put(i);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String name() {
        return String.join(" + ", receivers.stream().map(RadioReceiver::name).toList());
    }

    @Override
    public Reception next() throws IOException {
        while (running > 0 && !closed) {
            Item i;
            try {
                i = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while listening");
            }
            if (i instanceof Got g) {
                return g.reception();
            }
            running--;
            if (i instanceof Broke b) {
                throw b.error();
            }
        }
        return null;
    }

    @Override
    public void close() {
        closed = true;
        receivers.forEach(RadioReceiver::close);
        queue.offer(new Ended()); // wakes a waiting next(); never blocks the closing thread
    }
}
