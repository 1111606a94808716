package dev.vigil.platform.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Decides whether an optional use of Redis (the read cache, the replica's record of users' last writes) may call
 * it now. After a failure, Redis is skipped for the back-off, so requests during an outage do not each wait for a
 * timeout. When the back-off is over, exactly one caller
 * probes while the others keep skipping; its success ends the outage, its failure starts another back-off.
 */
public final class RedisBackoff {

    public enum Permit {
        /** Redis is in back-off: do not call it. */
        SKIP,
        /** Redis is healthy. */
        TRY,
        /** The back-off is over and this caller is the one that finds out whether Redis is back. */
        PROBE
    }

    private final long backoffNanos;
    private final LongSupplier nanoTicker;
    /** Null while Redis is healthy, otherwise the {@link System#nanoTime()} until which it is skipped. */
    private final AtomicReference<Long> skipUntil = new AtomicReference<>();

    public RedisBackoff(Duration backoff, LongSupplier nanoTicker) {
        this.backoffNanos = backoff.toNanos();
        this.nanoTicker = nanoTicker;
    }

    public Permit permit() {
        Long until = skipUntil.get();
        if (until == null) {
            return Permit.TRY;
        }
        long now = nanoTicker.getAsLong();
        if (now - until < 0) {
            return Permit.SKIP;
        }
        // compares the very Long read above, so only one caller can move the window on
        return skipUntil.compareAndSet(until, now + backoffNanos) ? Permit.PROBE : Permit.SKIP;
    }

    /** Reports a successful call; true when it was the probe that ended an outage. */
    public boolean succeeded(Permit permit) {
        return permit == Permit.PROBE && skipUntil.getAndSet(null) != null;
    }

    /** Reports a failed call, (re)starting the back-off; true when Redis was considered healthy until now. */
    public boolean failed() {
        return skipUntil.getAndSet(nanoTicker.getAsLong() + backoffNanos) == null;
    }

    public boolean inBackoff() {
        return skipUntil.get() != null;
    }
}
