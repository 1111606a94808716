package dev.vigil.app.fuzz;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How much to send and from which seed: {@code -Dvigil.fuzz.requests} (10,000 by default, what CI runs),
 * {@code -Dvigil.fuzz.seed} (random by default, printed so a run can be repeated), {@code -Dvigil.fuzz.budget}
 * (the most the requests may take before the run counts as hung: 10 minutes per 10,000, far beyond the 26 s of an
 * idle machine and the 73 s of a loaded one, so a slow machine never fails it) and {@code -Dvigil.fuzz.concurrency}
 * (requests in flight).
 */
record FuzzSettings(long seed, int requests, Duration budget, int concurrency) {

    static FuzzSettings fromSystemProperties() {
        int requests = Integer.getInteger("vigil.fuzz.requests", 10_000);
        String seed = System.getProperty("vigil.fuzz.seed", "");
        String budget = System.getProperty("vigil.fuzz.budget", "");
        return new FuzzSettings(seed.isBlank() ? ThreadLocalRandom.current().nextLong() : Long.parseLong(seed.trim()),
                requests,
                budget.isBlank() ? Duration.ofMillis(Math.max(600_000L, requests * 60L)) : Duration.parse("PT" + budget.trim()),
                Integer.getInteger("vigil.fuzz.concurrency", 8));
    }
}
