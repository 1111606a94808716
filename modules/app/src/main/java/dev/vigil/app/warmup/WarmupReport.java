package dev.vigil.app.warmup;

import java.time.Duration;
import java.util.Map;

/**
 * What one warm-up did: requests answered or failed, their answers by HTTP status (0: the request failed; one still
 * waiting when the budget ran out is not counted), how long it took, whether it stopped at its time budget rather
 * than its round limit, and the first request that failed ("" if none did).
 */
public record WarmupReport(int requests, Map<Integer, Integer> statuses, Duration took, boolean budgetSpent,
        String firstFailure) {
}
