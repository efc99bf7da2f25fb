package org.openamr.simulator.bus;

import java.util.List;
import java.util.Optional;
import org.openamr.simulator.model.DeterministicRandom;
import org.openamr.simulator.model.Hash;

/**
 * What of the slaves' answers reaches the master: several at once collide into one garbled reply
 * ({@link Collision}), and {@link Faults} lose, corrupt or delay a single one, deterministically from the seed.
 * Counts what it does for {@link BusStats}. Not thread-safe: guarded by the {@link VirtualBus}.
 */
final class ReplyFaults {

    private final Faults faults;
    private final DeterministicRandom faultRandom;
    private final DeterministicRandom collisionRandom;
    private long replies;
    private long collisions;
    private long lost;
    private long corrupted;
    private long late;

    ReplyFaults(long seed, Faults faults) {
        this.faults = faults;
        this.faultRandom = new DeterministicRandom(Hash.of(seed, 0xFA17L));
        this.collisionRandom = new DeterministicRandom(Hash.of(seed, 0xC011L));
    }

    /** The reply on the line for the answers of the addressed slaves (at least one), sent at {@code baud}. */
    Optional<Reply> onLine(List<byte[]> answers, int baud) {
        if (answers.size() > 1) {
            replies++;
            collisions++;
            return Optional.of(new Reply(Collision.garble(answers, collisionRandom), Reply.Kind.COLLISION, baud));
        }
        return inject(answers.get(0), baud);
    }

    private Optional<Reply> inject(byte[] bytes, int baud) {
        if (!faults.any()) {
            replies++;
            return Optional.of(new Reply(bytes, Reply.Kind.NORMAL, baud));
        }
        double u = faultRandom.nextUnit();
        if (u < faults.lost()) {
            lost++;
            return Optional.empty();
        }
        replies++;
        if (u < faults.lost() + faults.corrupted()) {
            corrupted++;
            byte[] b = bytes.clone();
            int at = faultRandom.nextInt(b.length);
            b[at] ^= (byte) (1 << faultRandom.nextInt(8));
            return Optional.of(new Reply(b, Reply.Kind.CORRUPTED, baud));
        }
        if (u < faults.total()) {
            late++;
            return Optional.of(new Reply(bytes, Reply.Kind.LATE, baud));
        }
        return Optional.of(new Reply(bytes, Reply.Kind.NORMAL, baud));
    }

    /** The counts beside the bus's own: frames and frames unanswered. */
    BusStats stats(long frames, long unanswered) {
        return new BusStats(frames, unanswered, replies, collisions, lost, corrupted, late);
    }
}
