package org.openamr.simulator.modbus;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import org.openamr.simulator.serve.ByteSession;
import org.openamr.simulator.serve.LineClock;
import org.openamr.simulator.serve.PacedWriter;

/**
 * One master's RTU line (a pseudo-terminal, or a TCP connection of a serial device server): bytes in,
 * frames cut by {@link RtuRequestAssembler}, paced replies out. Keeps a timeline of the wire in its
 * {@link LineClock}: the master's bytes arrive at once over the pty or TCP, but on the line they
 * take their character times, so a reply starts a turnaround after the request's last character
 * would have passed, and goes out at line speed ({@link RtuTiming}). A frame whose length only
 * silence tells is ended by a check scheduled for when the line has been quiet long enough.
 *
 * <p>Thread-safe: the reading loop and the scheduled silence checks take turns.
 */
final class RtuSession implements ByteSession {

    private final VirtualModbusBus bus;
    private final RtuTiming timing;
    private final OutputStream out;
    private final LineClock clock;
    private final RtuRequestAssembler assembler = new RtuRequestAssembler();
    /** When the last character on the line (the master's or a reply's) has passed. */
    private long wireEnd = Long.MIN_VALUE;
    /** When pending bytes end as a frame, unless more arrive first. */
    private long silenceAt = Long.MAX_VALUE;
    /** Counts arrivals, so that a silence check scheduled before the latest one does nothing. */
    private long arrivals;

    RtuSession(VirtualModbusBus bus, RtuTiming timing, OutputStream out, LineClock clock) {
        this.bus = bus;
        this.timing = timing;
        this.out = out;
        this.clock = clock;
    }

    @Override
    public synchronized void received(byte[] bytes, int count) throws IOException {
        long now = clock.nanoTime();
        if (now >= silenceAt) {
            act(assembler.silence()); // the pending bytes were a frame of their own, ended by a pause
        }
        wireEnd = Math.max(now, wireEnd) + (timing.paced() ? count * timing.characterNanos() : 0);
        assembler.feed(bytes, 0, count);
        for (Optional<RtuRequestAssembler.Outcome> o = assembler.next(); o.isPresent(); o = assembler.next()) {
            act(o);
        }
        long arrival = ++arrivals;
        if (assembler.pendingBytes() > 0 || assembler.discarding()) {
            silenceAt = Math.max(now, wireEnd) + timing.silenceNanos() + timing.silenceSlack().toNanos();
            clock.runAt(silenceAt, () -> silent(arrival));
        } else {
            silenceAt = Long.MAX_VALUE;
        }
    }

    private synchronized void silent(long arrival) {
        if (arrival != arrivals || silenceAt == Long.MAX_VALUE) {
            return;
        }
        silenceAt = Long.MAX_VALUE;
        try {
            act(assembler.silence());
        } catch (IOException e) {
            // the master has gone: nobody hears the answer
        }
    }

    private void act(Optional<RtuRequestAssembler.Outcome> outcome) throws IOException {
        if (outcome.isEmpty()) {
            return;
        }
        if (outcome.get() instanceof RtuRequestAssembler.Outcome.Received r) {
            RtuFrame frame = r.frame();
            Optional<SlaveReply> reply = bus.handle(frame.unit(), PduCodec.request(frame.pdu()));
            if (reply.isPresent()) {
                send(reply.get());
            }
        } else {
            bus.droppedFrame();
        }
    }

    private void send(SlaveReply reply) throws IOException {
        byte[] bytes = RtuFrame.reply(reply);
        long requestEnd = timing.paced() ? wireEnd : clock.nanoTime();
        long perByte = timing.paced() ? timing.characterNanos() : 0;
        long start = requestEnd + (timing.paced() ? timing.turnaroundNanos() : 0);
        if (reply.slow()) {
            // The line goes on meanwhile: a master that gave up is heard and answered, and the late
            // reply may then run into another, as on a real line.
            clock.runAt(start + reply.delay().toNanos() + bytes.length * perByte, () -> writeQuietly(bytes));
            return;
        }
        wireEnd = PacedWriter.write(out, clock, bytes, start, perByte);
    }

    private void writeQuietly(byte[] bytes) {
        try {
            PacedWriter.write(out, bytes, 0, bytes.length);
        } catch (IOException e) {
            // the master has gone meanwhile: a late answer nobody hears
        }
    }
}
