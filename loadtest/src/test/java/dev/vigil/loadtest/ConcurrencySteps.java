package dev.vigil.loadtest;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;

import io.gatling.javaapi.core.ClosedInjectionStep;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-model staircase (1, 2, 4, ... concurrent users, each level held for the same time) and the clock
 * that tells a running user which level it is in. Users never leave during the staircase, so each level adds
 * users and none replaces a finished one: connections stay open and warm across levels.
 */
final class ConcurrencySteps {

    private final List<Integer> levels;
    private final Duration levelLength;
    private final AtomicLong startedAt = new AtomicLong();

    ConcurrencySteps(List<Integer> levels, Duration levelLength) {
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i) <= levels.get(i - 1)) {
                throw new IllegalArgumentException("-Dlevels must rise, got " + levels);
            }
        }
        this.levels = List.copyOf(levels);
        this.levelLength = levelLength;
    }

    ClosedInjectionStep[] injection() {
        return levels.stream().map(users -> constantConcurrentUsers(users).during(levelLength))
                .toArray(ClosedInjectionStep[]::new);
    }

    int maxUsers() {
        return levels.getLast();
    }

    /** The first user of the staircase starts the clock. */
    void start() {
        startedAt.compareAndSet(0, System.currentTimeMillis());
    }

    boolean running() {
        return System.currentTimeMillis() < startedAt.get() + levelLength.toMillis() * levels.size();
    }

    /** The concurrency of the current level, zero-padded so the report's rows sort by level. */
    String currentLevel() {
        long elapsed = System.currentTimeMillis() - startedAt.get();
        int index = (int) Math.min(levels.size() - 1, elapsed / levelLength.toMillis());
        return "c%04d".formatted(levels.get(index));
    }
}
