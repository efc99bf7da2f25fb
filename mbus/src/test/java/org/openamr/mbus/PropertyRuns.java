package org.openamr.mbus;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Runs a randomized property many times with reproducible seeds. The count comes from the system
 * property {@code property.tries} (2000 in the normal suite); a failure names the seed, and
 * {@code -Dproperty.seed=N} replays exactly that case.
 */
public final class PropertyRuns {

    private PropertyRuns() {
    }

    public static int tries() {
        return Integer.getInteger("property.tries", 2000);
    }

    public static void check(String property, Consumer<Random> body) {
        Long replay = Long.getLong("property.seed");
        if (replay != null) {
            body.accept(new Random(replay));
            return;
        }
        long base = System.nanoTime();
        int n = tries();
        for (int i = 0; i < n; i++) {
            long seed = base + i;
            try {
                body.accept(new Random(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(property + " failed on try " + (i + 1) + " of " + n
                        + "; replay with -Dproperty.seed=" + seed + ": " + e.getMessage(), e);
            }
        }
    }

    public static byte[] bytes(Random r, int maxLength) {
        byte[] b = new byte[r.nextInt(maxLength + 1)];
        r.nextBytes(b);
        return b;
    }
}
