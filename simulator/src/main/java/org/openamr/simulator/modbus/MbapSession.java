package org.openamr.simulator.modbus;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Optional;
import org.openamr.simulator.serve.ByteSession;
import org.openamr.simulator.serve.LineClock;
import org.openamr.simulator.serve.PacedWriter;

/**
 * One Modbus TCP connection: MBAP frames in, each answered by the bus, replies out at once (a
 * slow unit's later, while the connection goes on). A frame of another protocol id is ignored, as
 * the specification has a server do; a length field outside 2..254 leaves no way to find the next
 * frame, so the connection is closed. Not thread-safe: one reading loop owns it.
 */
final class MbapSession implements ByteSession {

    private final VirtualModbusBus bus;
    private final OutputStream out;
    private final LineClock clock;
    private final byte[] buffer = new byte[MbapFrame.HEADER_LENGTH - 1 + MbapFrame.MAX_LENGTH_FIELD];
    private int count;

    MbapSession(VirtualModbusBus bus, OutputStream out, LineClock clock) {
        this.bus = bus;
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void received(byte[] bytes, int length) throws IOException {
        int offset = 0;
        while (offset < length) {
            int n = Math.min(length - offset, buffer.length - count);
            System.arraycopy(bytes, offset, buffer, count, n);
            count += n;
            offset += n;
            for (Optional<MbapFrame> f = next(); f.isPresent(); f = next()) {
                answer(f.get());
            }
        }
    }

    private Optional<MbapFrame> next() throws IOException {
        if (count < MbapFrame.HEADER_LENGTH) {
            return Optional.empty();
        }
        int length = (buffer[4] & 0xFF) << 8 | buffer[5] & 0xFF;
        if (length < 2 || length > MbapFrame.MAX_LENGTH_FIELD) {
            throw new IOException("a Modbus TCP client sent an MBAP header with length " + length
                    + ", outside 2.." + MbapFrame.MAX_LENGTH_FIELD + "; the connection is closed");
        }
        int total = MbapFrame.HEADER_LENGTH - 1 + length;
        if (count < total) {
            return Optional.empty();
        }
        MbapFrame f = new MbapFrame((buffer[0] & 0xFF) << 8 | buffer[1] & 0xFF, (buffer[2] & 0xFF) << 8
                | buffer[3] & 0xFF, buffer[6] & 0xFF, Arrays.copyOfRange(buffer, MbapFrame.HEADER_LENGTH, total));
        System.arraycopy(buffer, total, buffer, 0, count - total);
        count -= total;
        return Optional.of(f);
    }

    private void answer(MbapFrame request) throws IOException {
        if (request.protocolId() != 0) {
            bus.droppedFrame();
            return;
        }
        Optional<SlaveReply> reply = bus.handle(request.unit(), PduCodec.request(request.pdu()));
        if (reply.isEmpty()) {
            return;
        }
        byte[] bytes = MbapFrame.reply(request.transactionId(), reply.get());
        if (reply.get().slow()) {
            clock.runAt(clock.nanoTime() + reply.get().delay().toNanos(), () -> writeQuietly(bytes));
        } else {
            PacedWriter.write(out, bytes, 0, bytes.length);
        }
    }

    private void writeQuietly(byte[] bytes) {
        try {
            PacedWriter.write(out, bytes, 0, bytes.length);
        } catch (IOException e) {
            // the master has gone meanwhile: a late answer nobody hears
        }
    }
}
