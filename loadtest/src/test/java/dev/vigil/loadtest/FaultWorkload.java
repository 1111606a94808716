package dev.vigil.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load of a {@link FaultLoad} run: workers on virtual threads, each acting as a random user with one request of
 * the web app's mix (about a tenth of them writes), then thinking 50–150 ms. Every request goes into the
 * {@link RequestLog}; a failure is a request that did not get its documented status in time.
 */
final class FaultWorkload {

    static final String DASHBOARD = "dashboard";
    static final String ALERTS = "alerts";
    static final String ALERT = "alert";
    static final String EXPOSURES_ACTIVE = "exposures active";
    static final String ME = "me";
    static final String SUBSCRIPTION = "subscription";
    static final String ALERT_READ = "alert read";
    static final String ALERT_AFTER_READ = "alert after read";
    static final String FINDING = "finding";

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"[^\"]*/problems/([a-z-]+)\"");

    /** Cumulative weights out of 100: reads 90, alert read + its follow-up 9, a new finding 1. */
    private static final int[] CUMULATIVE_WEIGHTS = {20, 40, 58, 70, 80, 90, 99, 100};

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(REQUEST_TIMEOUT).build();
    private final String baseUrl;
    private final List<FaultLoadUsers.User> users;
    private final String serviceBearer;
    private final RequestLog log;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong findings = new AtomicLong();

    FaultWorkload(String baseUrl, List<FaultLoadUsers.User> users, String serviceBearer, RequestLog log) {
        this.baseUrl = baseUrl;
        this.users = users;
        this.serviceBearer = serviceBearer;
        this.log = log;
    }

    /**
     * Runs the workers until {@code duration} has passed or {@code stopFile} (when not null) exists, and the last
     * request of each has ended.
     */
    void run(int workers, Duration duration, Path stopFile) {
        long deadline = System.nanoTime() + duration.toNanos();
        BooleanSupplier going = () -> System.nanoTime() < deadline && (stopFile == null || !Files.exists(stopFile));
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < workers; i++) {
                threads.submit(() -> work(going));
            }
        }
    }

    private void work(BooleanSupplier going) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (going.getAsBoolean()) {
            step(users.get(random.nextInt(users.size())), random);
            try {
                Thread.sleep(50 + random.nextInt(101));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void step(FaultLoadUsers.User user, ThreadLocalRandom random) {
        UUID alertId = user.alertIds().get(random.nextInt(user.alertIds().size()));
        int roll = random.nextInt(100);
        if (roll < CUMULATIVE_WEIGHTS[0]) {
            get(DASHBOARD, "/api/v1/dashboard", user);
        } else if (roll < CUMULATIVE_WEIGHTS[1]) {
            get(ALERTS, "/api/v1/alerts?limit=20", user);
        } else if (roll < CUMULATIVE_WEIGHTS[2]) {
            get(ALERT, "/api/v1/alerts/" + alertId, user);
        } else if (roll < CUMULATIVE_WEIGHTS[3]) {
            get(EXPOSURES_ACTIVE, "/api/v1/exposures?status=ACTIVE&limit=20", user);
        } else if (roll < CUMULATIVE_WEIGHTS[4]) {
            get(ME, "/api/v1/me", user);
        } else if (roll < CUMULATIVE_WEIGHTS[5]) {
            get(SUBSCRIPTION, "/api/v1/me/subscription", user); // every API-created user has one: 200
        } else if (roll < CUMULATIVE_WEIGHTS[6]) {
            readAlert(user, alertId);
        } else {
            reportFinding(user);
        }
    }

    /** The read-your-writes check: once the read answered 2xx, the next read of the alert must show it READ. */
    private void readAlert(FaultLoadUsers.User user, UUID alertId) {
        HttpResponse<String> read = send(ALERT_READ, request("/api/v1/alerts/" + alertId + "/read", user.bearer())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), 200);
        if (read == null) {
            return;
        }
        long followUpStart = System.currentTimeMillis();
        HttpResponse<String> followUp = get(ALERT_AFTER_READ, "/api/v1/alerts/" + alertId, user);
        if (followUp == null) {
            return;
        }
        Matcher status = STATUS.matcher(followUp.body());
        String seen = status.find() ? status.group(1) : "none";
        if (!seen.equals("READ")) {
            log.addStaleRead(new StaleRead(followUpStart, user.id(), alertId, seen));
        }
    }

    /** One new finding per request (a source name never used before), as a scan that found something would send. */
    private void reportFinding(FaultLoadUsers.User user) {
        String body = """
                {"findings":[{"sourceName":"faultload-%s-%d","sourceKind":"BREACH","dataTypes":["EMAIL"],\
                "severity":"HIGH","foundAt":"%s"}]}""".formatted(runId, findings.incrementAndGet(),
                Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS));
        send(FINDING, request("/internal/v1/monitoring/users/" + user.id() + "/findings", serviceBearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 200);
    }

    private HttpResponse<String> get(String name, String path, FaultLoadUsers.User user) {
        return send(name, request(path, user.bearer()).GET().build(), 200);
    }

    private HttpRequest.Builder request(String path, String bearer) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", bearer).header("Accept", "application/json");
    }

    /**
     * The status, and for an unexpected one the problem's type when the body names one ({@code 503 write-not-confirmed}
     * and {@code 503 busy} call for different things).
     */
    private static String outcomeOf(HttpResponse<String> response, int expectedStatus) {
        String status = Integer.toString(response.statusCode());
        if (response.statusCode() == expectedStatus) {
            return status;
        }
        Matcher type = PROBLEM_TYPE.matcher(response.body());
        return type.find() ? status + " " + type.group(1) : status;
    }

    /** Records the request; answers the response when it had the expected status, else null. */
    private HttpResponse<String> send(String name, HttpRequest request, int expectedStatus) {
        long startMs = System.currentTimeMillis();
        long started = System.nanoTime();
        String outcome;
        HttpResponse<String> response = null;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
            outcome = outcomeOf(response, expectedStatus);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = e.getClass().getSimpleName();
        } catch (Exception e) {
            outcome = e.getClass().getSimpleName();
        }
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        boolean ok = response != null && response.statusCode() == expectedStatus;
        log.add(new RequestRecord(startMs, name, outcome, latencyMs, ok));
        return ok ? response : null;
    }
}
