package dev.vigil.loadtest;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One step of a closed-model staircase: its users loop without think time until the step's time is up,
 * counted from its first user's start, so a step's connections stay open and warm for its whole length.
 */
final class TimedLevel {

    private final Duration length;
    private final AtomicLong endsAt = new AtomicLong(Long.MAX_VALUE);

    TimedLevel(Duration length) {
        this.length = length;
    }

    void startOnce() {
        endsAt.compareAndSet(Long.MAX_VALUE, System.currentTimeMillis() + length.toMillis());
    }

    boolean running() {
        return System.currentTimeMillis() < endsAt.get();
    }
}
