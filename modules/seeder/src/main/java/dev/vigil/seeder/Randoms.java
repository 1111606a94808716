package dev.vigil.seeder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Draws from one user's random stream. Every user has a stream of its own, derived from the seed and the user's
 * number, so users can be generated in any order and on any thread and still come out the same.
 */
final class Randoms {

    private final SplittableRandom random;

    private Randoms(SplittableRandom random) {
        this.random = random;
    }

    static Randoms forUser(long seed, int userIndex) {
        // SplittableRandom's mixing spreads neighbouring seeds; the multiplier keeps (seed, index) pairs apart
        return new Randoms(new SplittableRandom(seed * 0x9E3779B97F4A7C15L + userIndex));
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    int between(int fromInclusive, int toInclusive) {
        return random.nextInt(fromInclusive, toInclusive + 1);
    }

    double unit() {
        return random.nextDouble();
    }

    double gaussian() {
        return random.nextGaussian();
    }

    /** A millisecond instant in [from, to]. */
    Instant between(Instant from, Instant to) {
        long span = Math.max(0, to.toEpochMilli() - from.toEpochMilli());
        return Instant.ofEpochMilli(from.toEpochMilli() + (span == 0 ? 0 : random.nextLong(span + 1)));
    }

    Instant after(Instant from, Duration min, Duration max) {
        return between(from.plus(min), from.plus(max));
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** {@code values[i]} with probability {@code weights[i] / sum(weights)}. */
    <T> T weighted(List<T> values, int... weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return values.get(i);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** A UUIDv7 for something created at {@code at}, as the service's time-ordered ids are. */
    UUID timeOrderedId(Instant at) {
        long msb = (at.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        return new UUID(msb, variant(random.nextLong()));
    }

    /** A random (version 4) UUID, as Axon gives its event identifiers. */
    UUID randomId() {
        long msb = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x4000L;
        return new UUID(msb, variant(random.nextLong()));
    }

    private static long variant(long bits) {
        return (bits & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    }
}
