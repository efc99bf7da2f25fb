package org.openamr.acquisition.radio;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.openamr.mbus.MalformedDataException;
import org.openamr.mbus.transport.Transport;
import org.openamr.mbus.transport.TransportException;
import org.openamr.wmbus.receiver.Deframed;
import org.openamr.wmbus.receiver.Deframer;
import org.openamr.wmbus.receiver.LinkMode;

/**
 * A USB dongle on a serial port: requests are written, frames read back through the dongle's
 * deframer. While a request waits for its answer, telegrams the dongle reports meanwhile are kept
 * for {@link #next()}, so none is lost during setup.
 *
 * @param <F> the dongle's frame type
 */
abstract class DongleReceiver<F> implements RadioReceiver {

    /** How long a dongle may take to answer a request; they answer within milliseconds. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(200);

    /** An answer to a request, or nothing when the frame is something else. */
    @FunctionalInterface
    interface Answer<F, R> {
        Optional<R> of(F frame) throws MalformedDataException;
    }

    private final String name;
    private final Transport transport;
    private final Deframer<F> deframer;
    protected final Clock clock;
    private final Deque<Reception> pending = new ArrayDeque<>();
    private final byte[] buffer = new byte[512];
    private Optional<LinkMode> mode = Optional.empty();
    private volatile boolean closed;

    DongleReceiver(String name, Transport transport, Deframer<F> deframer, Clock clock) {
        this.name = name;
        this.transport = transport;
        this.deframer = deframer;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    /** The mode the dongle was set to, empty when it was left as it was. */
    Optional<LinkMode> mode() {
        return mode;
    }

    void mode(Optional<LinkMode> m) {
        mode = m;
    }

    /** A received telegram (or damage) in this frame; null for a frame that is an answer or of no interest. */
    abstract Reception received(F frame) throws MalformedDataException;

    /** Sends a request and returns the first frame that answers it. */
    final <R> R request(byte[] request, Answer<F, R> answer, String what) throws IOException {
        transport.write(request);
        long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
        while (true) {
            for (Optional<Deframed<F>> d = deframer.next(); d.isPresent(); d = deframer.next()) {
                if (d.get() instanceof Deframed.Frame<F> f) {
                    try {
                        Optional<R> a = answer.of(f.frame());
                        if (a.isPresent()) {
                            return a.get();
                        }
                    } catch (MalformedDataException e) {
                        throw new TransportException(name, "the answer to " + what + " is malformed: " + e.getMessage());
                    }
                }
                pending.add(reception(d.get()));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TransportException(name, "no answer to " + what + " within " + ANSWER_TIMEOUT.toSeconds()
                        + " s: " + noAnswerHint());
            }
            read(Duration.ofNanos(left));
        }
    }

    /** What to check when the dongle does not answer (which dongle and speed is expected). */
    abstract String noAnswerHint();

    @Override
    public final Reception next() throws IOException {
        while (!closed) {
            if (!pending.isEmpty()) {
                return pending.poll();
            }
            for (Optional<Deframed<F>> d = deframer.next(); d.isPresent(); d = deframer.next()) {
                Reception r = reception(d.get());
                if (r != null) {
                    return r;
                }
            }
            try {
                read(POLL);
            } catch (TransportException e) {
                if (closed) {
                    return null;
                }
                throw e;
            }
        }
        return null;
    }

    private Reception reception(Deframed<F> d) {
        if (d instanceof Deframed.Skipped<F> s) {
            return new Reception.Damaged(name, clock.instant(), s.reason().jsonName(), s.describe());
        }
        try {
            return received(((Deframed.Frame<F>) d).frame());
        } catch (MalformedDataException e) {
            return new Reception.Damaged(name, clock.instant(), e.kind(), e.getMessage());
        }
    }

    private void read(Duration timeout) throws TransportException {
        int n = transport.read(buffer, 0, buffer.length, timeout);
        if (n > 0) {
            deframer.feed(buffer, 0, n);
        }
    }

    @Override
    public void close() {
        closed = true;
        transport.close();
    }

    /** Closes the port when setup fails, so that the caller only sees the error. */
    final <T extends RadioReceiver> T openedOrClosed(IoAction setup, T self) throws IOException {
        try {
            setup.run();
            return self;
        } catch (IOException | RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    @FunctionalInterface
    interface IoAction {
        void run() throws IOException;
    }
}
