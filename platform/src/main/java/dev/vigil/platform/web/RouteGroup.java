package dev.vigil.platform.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One group's share of the instance's turns, and how long its requests have lately taken. The average is an
 * exponentially weighted one over the last dozen or so requests; concurrent updates may lose one another's sample,
 * which only smooths it further.
 */
final class RouteGroup {

    private static final double WEIGHT_OF_LATEST = 0.15;

    private final String name;
    private final int maxActive;
    private final Semaphore turns;
    private final long maxWaitNanos;
    private final long slowAfterNanos;
    private final long maxWaitWhenSlowNanos;
    private final Counter rejections;
    private volatile double recentNanos;

    RouteGroup(String name, AdmissionProperties settings, MeterRegistry meters) {
        this.name = name;
        this.maxActive = settings.group().maxActive();
        this.turns = new Semaphore(maxActive, true);
        this.maxWaitNanos = settings.maxWait().toNanos();
        this.slowAfterNanos = settings.group().slowAfter().toNanos();
        this.maxWaitWhenSlowNanos = settings.group().maxWaitWhenSlow().toNanos();
        Gauge.builder("vigil.http.admission.group.active", this, RouteGroup::active).tag("group", name)
                .description("Requests of the group being served").register(meters);
        Gauge.builder("vigil.http.admission.group.slow", this, group -> group.slow() ? 1 : 0).tag("group", name)
                .description("1 while the group's recent requests are slow enough to shorten its waits").register(meters);
        this.rejections = Counter.builder("vigil.http.admission.group.rejected").tag("group", name)
                .description("Requests answered 503 because no turn of their group came free in time").register(meters);
    }

    String name() {
        return name;
    }

    private int active() {
        return maxActive - turns.availablePermits();
    }

    boolean slow() {
        return recentNanos >= slowAfterNanos;
    }

    /**
     * Takes one of the group's turns, waiting in arrival order as long as the group's state allows; counts the
     * request turned away otherwise.
     */
    boolean admit() throws InterruptedException {
        // a fair semaphore's tryAcquire() barges; asking with a zero timeout keeps arrival order
        if (turns.tryAcquire(0, TimeUnit.NANOSECONDS)
                || turns.tryAcquire(slow() ? maxWaitWhenSlowNanos : maxWaitNanos, TimeUnit.NANOSECONDS)) {
            return true;
        }
        rejections.increment();
        return false;
    }

    /** Gives back the turn of a request that was served, with how long serving it took. */
    void release(long servedNanos) {
        recentNanos += WEIGHT_OF_LATEST * (servedNanos - recentNanos);
        turns.release();
    }

    /** Gives back the turn of a request that was not served. */
    void release() {
        turns.release();
    }
}
