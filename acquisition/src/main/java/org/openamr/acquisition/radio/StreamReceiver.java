package org.openamr.acquisition.radio;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import org.openamr.mbus.transport.TransportException;
import org.openamr.wmbus.receiver.Deframed;
import org.openamr.wmbus.receiver.Deframer;

/**
 * A receiver that reads a byte stream to its end: rtl_wmbus's output on stdin or a TCP connection,
 * a replay file. The deframer finds the frames; {@code convert} turns each into a reception.
 */
final class StreamReceiver<T> implements RadioReceiver {

    /** One frame of the stream to what the receiver reports. */
    @FunctionalInterface
    interface Converter<T> {
        Reception convert(T frame, String receiver);
    }

    private final String name;
    private final InputStream in;
    private final AutoCloseable resource;
    private final Deframer<T> deframer;
    private final Converter<T> converter;
    private final Clock clock;
    private final byte[] buffer = new byte[4096];
    private boolean ended;
    private volatile boolean closed;

    /** @param resource closed with the receiver (a socket, a file); null for stdin, which stays open */
    StreamReceiver(String name, InputStream in, AutoCloseable resource, Deframer<T> deframer, Converter<T> converter,
            Clock clock) {
        this.name = name;
        this.in = in;
        this.resource = resource;
        this.deframer = deframer;
        this.converter = converter;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Reception next() throws IOException {
        while (true) {
            Optional<Deframed<T>> d = ended ? deframer.finish() : deframer.next();
            if (d.isPresent()) {
                return d.get() instanceof Deframed.Frame<T> f ? converter.convert(f.frame(), name)
                        : damaged((Deframed.Skipped<T>) d.get());
            }
            if (ended || closed) {
                return null;
            }
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                if (closed) {
                    return null;
                }
                throw new TransportException(name, "read failed: " + e.getMessage(), e);
            }
            if (n < 0) {
                ended = true;
            } else {
                deframer.feed(buffer, 0, n);
            }
        }
    }

    private Reception damaged(Deframed.Skipped<T> s) {
        return new Reception.Damaged(name, clock.instant(), s.reason().jsonName(), s.describe());
    }

    @Override
    public void close() {
        closed = true;
        if (resource != null) {
            try {
                resource.close();
            } catch (Exception e) {
                // closing ends the reading; nothing else to do with a failure here
            }
        }
    }
}
