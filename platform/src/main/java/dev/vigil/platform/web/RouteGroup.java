package dev.vigil.platform.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One group's share of the instance's turns, and whether the group is stalled: most of its recent requests failed
 * after being served for {@code slow-after} or longer (a lock timeout, a statement timeout, a write whose read models
 * did not follow). Slow requests that succeed are load, not a stall (a burst, a Redis that does not answer and is
 * waited for): their group keeps the instance's long wait. The share of recent requests that failed slowly is an
 * exponentially weighted one over the last dozen or so; concurrent updates may lose one another's sample, which
 * only smooths it further.
 */
final class RouteGroup {

    private static final double WEIGHT_OF_LATEST = 0.15;
    private static final double STALLED_SHARE = 0.5;
    /** How often a waiting request looks again whether its group has stalled meanwhile. */
    private static final long RECHECK_NANOS = 100_000_000L;

    private final String name;
    private final int maxActive;
    private final Semaphore turns;
    private final long maxWaitNanos;
    private final long slowAfterNanos;
    private final long maxWaitWhenSlowNanos;
    private final Counter rejections;
    private volatile double recentSlowFailures;

    RouteGroup(String name, AdmissionProperties settings, MeterRegistry meters) {
        this.name = name;
        this.maxActive = settings.group().maxActive();
        this.turns = new Semaphore(maxActive, true);
        this.maxWaitNanos = settings.maxWait().toNanos();
        this.slowAfterNanos = settings.group().slowAfter().toNanos();
        this.maxWaitWhenSlowNanos = settings.group().maxWaitWhenSlow().toNanos();
        Gauge.builder("vigil.http.admission.group.active", this, RouteGroup::active).tag("group", name)
                .description("Requests of the group being served").register(meters);
        Gauge.builder("vigil.http.admission.group.stalled", this, group -> group.stalled() ? 1 : 0).tag("group", name)
                .description("1 while most of the group's recent requests failed slowly, which shortens its waits")
                .register(meters);
        this.rejections = Counter.builder("vigil.http.admission.group.rejected").tag("group", name)
                .description("Requests answered 503 because no turn of their group came free in time").register(meters);
    }

    String name() {
        return name;
    }

    private int active() {
        return maxActive - turns.availablePermits();
    }

    boolean stalled() {
        return recentSlowFailures >= STALLED_SHARE;
    }

    /**
     * Takes one of the group's turns, waiting in arrival order as long as the group's state allows (looking again
     * every 100 ms, so a wait that began before the stall ends with it); counts the request turned away otherwise.
     */
    boolean admit() throws InterruptedException {
        // a fair semaphore's tryAcquire() barges; asking with a zero timeout keeps arrival order
        if (turns.tryAcquire(0, TimeUnit.NANOSECONDS)) {
            return true;
        }
        long started = System.nanoTime();
        for (long left = maxWaitNanos; left > 0; left = allowedWait() - (System.nanoTime() - started)) {
            if (turns.tryAcquire(Math.min(left, RECHECK_NANOS), TimeUnit.NANOSECONDS)) {
                return true;
            }
        }
        rejections.increment();
        return false;
    }

    private long allowedWait() {
        return stalled() ? maxWaitWhenSlowNanos : maxWaitNanos;
    }

    /** Gives back the turn of a request that was served, with how long serving it took and whether it failed. */
    void release(long servedNanos, boolean failed) {
        double sample = failed && servedNanos >= slowAfterNanos ? 1 : 0;
        recentSlowFailures += WEIGHT_OF_LATEST * (sample - recentSlowFailures);
        turns.release();
    }

    /** Gives back the turn of a request that was not served. */
    void release() {
        turns.release();
    }
}
