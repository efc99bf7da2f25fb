package org.openamr.acquisition.radio;

import java.io.IOException;

/**
 * A source of wireless telegrams: a dongle, rtl_wmbus, a replay file. Opened ready to deliver (a
 * dongle's mode is set and confirmed before). {@link #next()} blocks the calling thread;
 * {@link #close()} from another thread ends it.
 */
public interface RadioReceiver extends AutoCloseable {

    /** How the receiver is named to users, e.g. {@code im871a:/dev/ttyUSB0}. */
    String name();

    /**
     * The next telegram or damaged input, waiting as long as it takes.
     *
     * @return null at the end of the input (a replay file, stdin, a closed connection) or after {@link #close()}
     * @throws IOException when the receiver fails (unplugged, connection reset), naming it
     */
    Reception next() throws IOException;

    @Override
    void close();
}
