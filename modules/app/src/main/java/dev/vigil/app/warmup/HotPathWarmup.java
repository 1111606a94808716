package dev.vigil.app.warmup;

import dev.vigil.platform.security.JwtProperties;
import dev.vigil.platform.security.TokenMinter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends the web app's hot read requests to this instance's own port, through the whole stack a user's request takes
 * (Tomcat, the security filter chain and token check, admission, the feeds, the read cache, PostgreSQL, Jackson), so
 * that their code is loaded, linked and compiled before the first user arrives. It reads as {@link #USER}, an id no
 * user can have (a version-7 UUID from 1970, and user ids are made now): every answer is an empty page or a 404, it
 * writes no data, and the only cache entries it leaves are that user's, true and expiring with their TTL.
 */
public class HotPathWarmup {

    /** Version 7 with a timestamp of zero: never the id of a user registered after 1970. */
    static final UUID USER = UUID.fromString("00000000-0000-7000-8000-000000000000");

    /** What the web app asks most after sign-in (loadtest VigilRequests), cheapest to warm first. */
    static final List<String> PATHS = List.of("/api/v1/dashboard", "/api/v1/alerts?limit=20",
            "/api/v1/exposures?status=active", "/api/v1/alerts", "/api/v1/me", "/api/v1/me/subscription");

    /** Two at once: both cores busy, and the pool, the admission gate and the cache see concurrent requests. */
    private static final int CLIENTS = 2;

    private static final int CUT_BY_BUDGET = -1;

    private final WarmupProperties settings;
    private final TokenMinter tokens;

    public HotPathWarmup(WarmupProperties settings, JwtProperties jwt) {
        this.settings = settings;
        this.tokens = new TokenMinter(jwt);
    }

    /** Warms the instance listening on {@code port}; never throws, and returns within the budget (plus a moment). */
    public WarmupReport run(int port) {
        long started = System.nanoTime();
        long deadline = started + settings.budget().toNanos();
        String bearer = "Bearer " + tokens.user(USER, settings.budget().plusMinutes(1));
        AtomicInteger requests = new AtomicInteger();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicReference<String> firstFailure = new AtomicReference<>("");
        // closed in reverse order: the clients finish before the HTTP client closes under them
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int client = 0; client < CLIENTS; client++) {
                clients.submit(() -> {
                    for (int round = 0; round < settings.rounds(); round++) {
                        for (String path : PATHS) {
                            long left = deadline - System.nanoTime();
                            if (left <= 0) {
                                return;
                            }
                            int status = send(http, port, path, bearer, Duration.ofNanos(left), deadline, firstFailure);
                            if (status != CUT_BY_BUDGET) {
                                requests.incrementAndGet();
                                statuses.merge(status, 1, Integer::sum);
                            }
                        }
                    }
                });
            }
        }
        return new WarmupReport(requests.get(), Map.copyOf(statuses), Duration.ofNanos(System.nanoTime() - started),
                System.nanoTime() >= deadline, firstFailure.get());
    }

    /**
     * The answer's status; 0 for none (the first such failure kept for the report), or {@link #CUT_BY_BUDGET} for a
     * request still waiting when the budget ran out, which is neither an answer nor a failure.
     */
    private static int send(HttpClient http, int port, String path, String bearer, Duration timeout, long deadline,
            AtomicReference<String> firstFailure) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", bearer).header("Accept", "application/json").timeout(timeout).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            if (System.nanoTime() - deadline >= 0) {
                return CUT_BY_BUDGET;
            }
            firstFailure.compareAndSet("", path + ": " + e);
            return 0;
        } catch (IOException | RuntimeException e) {
            firstFailure.compareAndSet("", path + ": " + e);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
