package dev.vigil.app.warmup;

import java.time.Duration;
import java.util.Map;

/**
 * What one warm-up did: requests sent, their answers by HTTP status (0: no answer before the budget ran out or the
 * connection failed), how long it took, whether it stopped at its time budget rather than its round limit, and the
 * first request that got no answer ("" if none did).
 */
public record WarmupReport(int requests, Map<Integer, Integer> statuses, Duration took, boolean budgetSpent,
        String firstFailure) {
}
