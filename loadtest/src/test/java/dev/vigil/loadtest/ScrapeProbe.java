package dev.vigil.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Polls the service as its monitoring does while the load runs: {@code /actuator/prometheus} and
 * {@code /actuator/health/readiness} every 200 ms each, with a 1 s timeout, as Prometheus and a load balancer's
 * health check would. A scrape that stalls behind a broken database or Redis is an outage of its own: the
 * operators go blind exactly when they need to see.
 */
final class ScrapeProbe {

    private static final Duration EVERY = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

    /** Its own client: a poll never waits behind the load's connections. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final String baseUrl;
    private final RequestLog log;

    ScrapeProbe(String baseUrl, RequestLog log) {
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /** Polls one target until {@code going} turns false; meant for a thread of its own. */
    void poll(String target, BooleanSupplier going) {
        String path = target.equals(ScrapeRecord.PROMETHEUS) ? "/actuator/prometheus" : "/actuator/health/readiness";
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT).GET().build();
        long next = System.nanoTime();
        while (going.getAsBoolean()) {
            once(target, request);
            // a fixed rate, not a fixed pause: a slow answer does not thin out the polls that follow
            next += EVERY.toNanos();
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                next = System.nanoTime();
            }
        }
    }

    private void once(String target, HttpRequest request) {
        long startMs = System.currentTimeMillis();
        long started = System.nanoTime();
        String outcome;
        boolean ok = false;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            outcome = Integer.toString(response.statusCode());
            if (target.equals(ScrapeRecord.READINESS)) {
                Matcher status = STATUS.matcher(response.body());
                outcome += status.find() ? " " + status.group(1) : "";
            }
            ok = response.statusCode() == 200;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = e.getClass().getSimpleName();
        } catch (Exception e) {
            outcome = e.getClass().getSimpleName();
        }
        log.addScrape(new ScrapeRecord(startMs, target, outcome, (System.nanoTime() - started) / 1_000_000, ok));
    }
}
