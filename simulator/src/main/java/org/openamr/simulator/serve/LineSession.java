package org.openamr.simulator.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import org.openamr.mbus.link.Frame;
import org.openamr.mbus.link.FrameAssembler;
import org.openamr.simulator.bus.Reply;
import org.openamr.simulator.bus.VirtualBus;

/**
 * One connection of a master to the bus (a TCP client, the pseudo-terminal): bytes in, paced
 * replies out. Keeps a timeline of the wire in its {@link LineClock} (real time but in tests): when
 * the master's last byte has fully arrived, and when a reply may start and must end. Not
 * thread-safe: one reading loop owns it.
 */
final class LineSession implements ByteSession {

    private final VirtualBus bus;
    private final Pacing pacing;
    private final OutputStream out;
    private final LineClock clock;
    private final FrameAssembler assembler = new FrameAssembler();
    private long wireFreeAt = Long.MIN_VALUE;
    private long lastByteAt;

    LineSession(VirtualBus bus, Pacing pacing, OutputStream out) {
        this(bus, pacing, out, LineClock.REAL);
    }

    LineSession(VirtualBus bus, Pacing pacing, OutputStream out, LineClock clock) {
        this.bus = bus;
        this.pacing = pacing;
        this.out = out;
        this.clock = clock;
    }

    /** Bytes from the master; answers every complete frame among them. */
    @Override
    public void received(byte[] bytes, int count) throws IOException {
        long now = clock.nanoTime();
        if (assembler.pendingBytes() > 0 && now - lastByteAt > pacing.idleReset().toNanos()) {
            assembler.reset(); // a slave's receiver gives up on a frame interrupted by a pause
        }
        lastByteAt = now;
        // The bytes arrived at once over TCP or the pty; on the line they take their character times.
        wireFreeAt = Math.max(now, wireFreeAt) + (pacing.paced() ? count * Pacing.characterNanos(pacing.baud()) : 0);
        assembler.feed(bytes, 0, count);
        for (Optional<Frame> f = assembler.next(); f.isPresent(); f = assembler.next()) {
            Optional<Reply> reply = bus.handle(f.get());
            if (reply.isPresent()) {
                send(reply.get());
            }
        }
    }

    private void send(Reply reply) throws IOException {
        byte[] bytes = reply.bytes();
        long requestEnd = pacing.paced() ? wireFreeAt : clock.nanoTime();
        if (reply.late()) {
            // A slow slave answers after the window while the line goes on: later requests are heard
            // and answered meanwhile (its answer may then collide with theirs, as on a real bus).
            clock.runAt(requestEnd + Pacing.windowNanos(reply.baud()) + bus.faults().lateBy().toNanos(),
                    () -> writeQuietly(bytes));
            return;
        }
        long start = requestEnd + (pacing.paced() ? pacing.turnaroundNanos(reply.baud()) : 0);
        long perByte = pacing.paced() ? Pacing.characterNanos(reply.baud()) : 0;
        wireFreeAt = PacedWriter.write(out, clock, bytes, start, perByte);
    }

    private void writeQuietly(byte[] bytes) {
        try {
            PacedWriter.write(out, bytes, 0, bytes.length);
        } catch (IOException e) {
            // the master has gone meanwhile: a late answer nobody hears
        }
    }
}
