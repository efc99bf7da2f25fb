package org.openamr.simulator.serve;

import java.io.IOException;

/**
 * What serves one connection of a master, bytes in: it frames them and writes the answers to the
 * stream it was opened with. {@link TcpLineServer} and {@link PtyLineServer} feed one of these,
 * whichever protocol it speaks (M-Bus, Modbus RTU, Modbus TCP).
 */
@FunctionalInterface
public interface ByteSession {

    /**
     * Bytes from the master, as they arrived.
     *
     * @throws IOException when the answer cannot be written, or the stream cannot be framed any more
     *                     (the connection is then closed)
     */
    void received(byte[] bytes, int count) throws IOException;
}
