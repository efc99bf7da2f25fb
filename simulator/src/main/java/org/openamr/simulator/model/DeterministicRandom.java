package org.openamr.simulator.model;

/**
 * A SplitMix64 stream: the same seed gives the same sequence on every JVM. Not thread-safe; each
 * user keeps its own instance.
 */
public final class DeterministicRandom {

    private long state;

    public DeterministicRandom(long seed) {
        this.state = Hash.mix(seed);
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return Hash.mix(state);
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        return (int) Long.remainderUnsigned(nextLong(), bound);
    }

    /**
     * True with probability {@code p}. A probability, not a meter value, so a double is fine here;
     * the comparison uses the top 53 bits, which is exact IEEE arithmetic and thus portable.
     */
    public boolean chance(double p) {
        return nextUnit() < p;
    }

    /** Uniform in [0, 1) from the top 53 bits: a probability draw, never a meter value. */
    public double nextUnit() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
