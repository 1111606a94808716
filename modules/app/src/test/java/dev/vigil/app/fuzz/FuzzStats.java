package dev.vigil.app.fuzz;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Requests sent, how long they took, and how many got each status: the figures docs/security.md quotes. */
final class FuzzStats {

    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    void record(FuzzResponse response) {
        requests.incrementAndGet();
        statuses.computeIfAbsent(response.status(), status -> new AtomicInteger()).incrementAndGet();
    }

    int requests() {
        return requests.get();
    }

    int serverErrors() {
        return statuses.entrySet().stream().filter(entry -> entry.getKey() >= 500).mapToInt(entry -> entry.getValue().get()).sum();
    }

    /** One line: {@code hostile-requests: requests=10000 duration=71.3s rate=140/s 5xx=0 ... statuses={200=...}}. */
    String summary(long seed, Duration took, int violations) {
        Map<Integer, Integer> histogram = new TreeMap<>(statuses.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get())));
        double seconds = took.toMillis() / 1000.0;
        return "hostile-requests: seed=%d requests=%d duration=%.1fs rate=%.0f/s 5xx=%d violations=%d statuses=%s"
                .formatted(seed, requests(), seconds, requests() / Math.max(seconds, 0.001), serverErrors(), violations,
                        histogram);
    }
}
