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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load of a {@link FaultLoad} run: workers on virtual threads, each acting as a random user with one request of
 * the web app's mix (about a tenth of them writes), then thinking 50–150 ms: waiting for the answer first (closed
 * model) or not (open model, {@link #dispatch}). Every request goes into the
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
    private static final long IDLE_CHECK_MS = 100;
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"[^\"]*/problems/([a-z-]+)\"");

    /** Cumulative weights out of 100: reads 90, alert read + its follow-up 9, a new finding 1. */
    private static final int[] CUMULATIVE_WEIGHTS = {20, 40, 58, 70, 80, 90, 99, 100};
    private static final String[] STEPS = {DASHBOARD, ALERTS, ALERT, EXPOSURES_ACTIVE, ME, SUBSCRIPTION, ALERT_READ,
        FINDING};

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(REQUEST_TIMEOUT).build();
    private final String baseUrl;
    private final List<FaultLoadUsers.User> users;
    private final String serviceBearer;
    private final RequestLog log;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong findings = new AtomicLong();
    private final int inFlightPerGroup;
    private final Map<String, Semaphore> inFlightByGroup = new ConcurrentHashMap<>();
    /** The outcome of this worker's last request, for the write log (a worker is one virtual thread). */
    private final ThreadLocal<String> lastOutcome = new ThreadLocal<>();

    /**
     * @param inFlightPerGroup 0 for the closed model (a worker waits for its step's answer); above, the open model
     *                         with that many steps in flight per endpoint group at most
     */
    FaultWorkload(String baseUrl, List<FaultLoadUsers.User> users, String serviceBearer, RequestLog log,
            int inFlightPerGroup) {
        this.baseUrl = baseUrl;
        this.inFlightPerGroup = inFlightPerGroup;
        this.users = users;
        this.serviceBearer = serviceBearer;
        this.log = log;
    }

    /**
     * Runs the workers until {@code duration} has passed or {@code stopFile} (when not null) exists, and the last
     * request of each has ended. The burst workers (none when {@code burst} is null) join in only while
     * {@code burst.file()} exists: an overload the fault script switches on and off. The probe, when not null,
     * polls the service's monitoring endpoints all along.
     */
    void run(int workers, Duration duration, Path stopFile, Burst burst, ScrapeProbe probe) {
        long deadline = System.nanoTime() + duration.toNanos();
        BooleanSupplier going = () -> System.nanoTime() < deadline && (stopFile == null || !Files.exists(stopFile));
        // the open model's steps get an executor of their own: the workers' one refuses new tasks once it is closing
        try (ExecutorService steps = Executors.newVirtualThreadPerTaskExecutor();
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < workers; i++) {
                threads.submit(() -> work(going, () -> true, steps));
            }
            if (burst != null) {
                BooleanSupplier bursting = () -> Files.exists(burst.file());
                for (int i = 0; i < burst.workers(); i++) {
                    threads.submit(() -> work(going, bursting, steps));
                }
            }
            if (probe != null) {
                threads.submit(() -> probe.poll(ScrapeRecord.PROMETHEUS, going));
                threads.submit(() -> probe.poll(ScrapeRecord.READINESS, going));
            }
        }
    }

    /** Extra workers that send requests only while {@code file} exists. */
    record Burst(int workers, Path file) {
    }

    private void work(BooleanSupplier going, BooleanSupplier active, ExecutorService steps) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (going.getAsBoolean()) {
            if (active.getAsBoolean()) {
                FaultLoadUsers.User user = users.get(random.nextInt(users.size()));
                UUID alertId = user.alertIds().get(random.nextInt(user.alertIds().size()));
                String step = pick(random);
                if (inFlightPerGroup == 0) {
                    perform(step, user, alertId);
                } else {
                    dispatch(step, user, alertId, steps);
                }
            }
            try {
                Thread.sleep(active.getAsBoolean() ? 50 + random.nextInt(101) : IDLE_CHECK_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The open model: the step runs on a thread of its own, so a worker keeps its pace while a request stalls, as
     * the other users of a stalled endpoint keep using the rest. Each endpoint group has at most
     * {@code inFlightPerGroup} steps in flight; a step beyond that is not sent and is counted as such.
     */
    private void dispatch(String step, FaultLoadUsers.User user, UUID alertId, ExecutorService steps) {
        String group = EndpointGroup.of(step);
        Semaphore inFlight = inFlightByGroup.computeIfAbsent(group, g -> new Semaphore(inFlightPerGroup));
        if (!inFlight.tryAcquire()) {
            log.addNotSent(new NotSent(System.currentTimeMillis(), group));
            return;
        }
        steps.submit(() -> {
            try {
                perform(step, user, alertId);
            } finally {
                inFlight.release();
            }
        });
    }

    /** The name of the first request of a step of the mix. */
    private static String pick(ThreadLocalRandom random) {
        int roll = random.nextInt(100);
        for (int i = 0; i < CUMULATIVE_WEIGHTS.length; i++) {
            if (roll < CUMULATIVE_WEIGHTS[i]) {
                return STEPS[i];
            }
        }
        throw new IllegalStateException("the weights end at 100");
    }

    private void perform(String step, FaultLoadUsers.User user, UUID alertId) {
        switch (step) {
            case DASHBOARD -> get(DASHBOARD, "/api/v1/dashboard", user);
            case ALERTS -> get(ALERTS, "/api/v1/alerts?limit=20", user);
            case ALERT -> get(ALERT, "/api/v1/alerts/" + alertId, user);
            case EXPOSURES_ACTIVE -> get(EXPOSURES_ACTIVE, "/api/v1/exposures?status=ACTIVE&limit=20", user);
            case ME -> get(ME, "/api/v1/me", user);
            case SUBSCRIPTION -> get(SUBSCRIPTION, "/api/v1/me/subscription", user); // every API-created user has one
            case ALERT_READ -> readAlert(user, alertId);
            case FINDING -> reportFinding(user);
            default -> throw new IllegalArgumentException("no step " + step);
        }
    }

    /** The read-your-writes check: once the read answered 2xx, the next read of the alert must show it READ. */
    private void readAlert(FaultLoadUsers.User user, UUID alertId) {
        long readStart = System.currentTimeMillis();
        HttpResponse<String> read = send(ALERT_READ, request("/api/v1/alerts/" + alertId + "/read", user.bearer())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), 200);
        log.addWrite(new WriteRecord(readStart, WriteRecord.ALERT_READ, alertId.toString(), user.id(),
                lastOutcome.get(), read != null));
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
        String sourceName = "faultload-%s-%d".formatted(runId, findings.incrementAndGet());
        String body = """
                {"findings":[{"sourceName":"%s","sourceKind":"BREACH","dataTypes":["EMAIL"],\
                "severity":"HIGH","foundAt":"%s"}]}""".formatted(sourceName,
                Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS));
        long startMs = System.currentTimeMillis();
        HttpResponse<String> stored = send(FINDING, request("/internal/v1/monitoring/users/" + user.id() + "/findings", serviceBearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 200);
        log.addWrite(new WriteRecord(startMs, WriteRecord.FINDING, sourceName, user.id(), lastOutcome.get(),
                stored != null));
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
        lastOutcome.set(outcome);
        return ok ? response : null;
    }
}
