package dev.vigil.app.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14's adversarial suite: thousands of generated requests over every route of the running service (real
 * HTTP on a random port, real PostgreSQL and Redis), from a printed seed. Every response must keep the error
 * contract ({@link ResponseContract}); afterwards every read model must have caught up with no dead letter, and
 * canary users must still read their own fresh writes. All violations of a run are reported together, grouped.
 * <p>
 * {@code -Dvigil.fuzz.requests=100000 -Dvigil.fuzz.seed=<seed>} runs longer or repeats a run (docs/security.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileRequestsIntegrationTests {

    private static final int FUZZ_USERS = 4;
    private static final int CANARIES = 8;
    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    /** Axon's general serializer: the token store's, to read each segment's position. */
    @Autowired
    @Qualifier("serializer")
    Serializer serializer;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcClient jdbc;

    private final FuzzSettings settings = FuzzSettings.fromSystemProperties();
    private final Violations violations = new Violations();
    private final FuzzStats stats = new FuzzStats();

    @TestFactory
    Stream<DynamicTest> nothingACallerSendsBreaksTheServiceOrAnotherUser() {
        return Stream.of(
                dynamicTest("sends %d generated requests (seed %d)".formatted(settings.requests(), settings.seed()),
                        this::fuzz),
                dynamicTest("no response is a 5xx", () -> assertNone(ResponseContract.SERVER_ERROR)),
                dynamicTest("every error is problem+json", () -> assertNone(ResponseContract.NOT_PROBLEM_JSON)),
                dynamicTest("every problem's status is the HTTP status", () -> assertNone(ResponseContract.STATUS_MISMATCH)),
                dynamicTest("no body shows a stack trace", () -> assertNone(ResponseContract.STACK_TRACE)),
                dynamicTest("every request gets an HTTP response", () -> assertNone(ResponseContract.NO_RESPONSE)),
                dynamicTest("every read model catches up", () -> assertNone("projection behind")),
                dynamicTest("no read model parks a dead letter", () -> assertNone("dead letters")),
                dynamicTest("canary users read their own fresh writes", () -> assertNone("canary")));
    }

    private void fuzz() throws Exception {
        System.out.printf("hostile-requests: seed=%d requests=%d budget=%ds (repeat with -Dvigil.fuzz.seed=%d)%n",
                settings.seed(), settings.requests(), settings.budget().toSeconds(), settings.seed());
        FuzzClient client = new FuzzClient(port);
        JsonCalls calls = new JsonCalls(client, json);
        FuzzUsers users = new FuzzUsers(calls);
        long setUp = System.nanoTime();
        List<FuzzUsers.User> canaries = users.register("canary", CANARIES);
        List<FuzzUsers.User> fuzzers = users.register("fuzz", FUZZ_USERS);
        HostileRequests requests = new HostileRequests(knownIds(fuzzers, canaries),
                List.copyOf(processing.eventProcessors().keySet()));

        System.out.printf("hostile-requests: %d canaries and %d fuzzing users set up in %d ms%n", CANARIES, FUZZ_USERS,
                (System.nanoTime() - setUp) / 1_000_000);

        long started = System.nanoTime();
        send(requests, client);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        long checked = System.nanoTime();
        new ReadModelHealth(processing, serializer, jdbc).check(CATCH_UP, violations);
        new Canaries(calls).check(canaries, violations);
        System.out.printf("hostile-requests: read models and canaries checked in %d ms%n",
                (System.nanoTime() - checked) / 1_000_000);

        String summary = stats.summary(settings.seed(), took, violations.total());
        String report = violations.isEmpty() ? "no violations"
                : "violations by kind: " + violations.byKind() + System.lineSeparator() + violations.report("");
        System.out.println(summary);
        System.out.println(report);
        writeReport(summary + System.lineSeparator() + report);
        assertThat(stats.requests()).as("requests sent within the budget of %ds", settings.budget().toSeconds())
                .isEqualTo(settings.requests());
    }

    /** Generates in this thread, in order, from the seed; sends from a few threads, a bounded number in flight. */
    private void send(HostileRequests requests, FuzzClient client) throws InterruptedException {
        ResponseContract contract = new ResponseContract(json);
        SplittableRandom random = new SplittableRandom(settings.seed());
        Semaphore inFlight = new Semaphore(settings.concurrency() * 2);
        long deadline = System.nanoTime() + settings.budget().toNanos();
        try (ExecutorService senders = Executors.newFixedThreadPool(settings.concurrency())) {
            for (int i = 0; i < settings.requests() && System.nanoTime() < deadline; i++) {
                FuzzRequest request = requests.next(random);
                inFlight.acquire();
                senders.execute(() -> {
                    try {
                        FuzzResponse response = client.send(request);
                        stats.record(response);
                        contract.violations(request, response).forEach(kind -> violations.add(kind, request, response));
                    } finally {
                        inFlight.release();
                    }
                });
            }
            senders.shutdown();
            senders.awaitTermination(2, TimeUnit.MINUTES);
        }
    }

    private static KnownIds knownIds(List<FuzzUsers.User> fuzzers, List<FuzzUsers.User> canaries) {
        java.util.Map<UUID, List<UUID>> alerts = new java.util.LinkedHashMap<>();
        java.util.Map<UUID, List<UUID>> exposures = new java.util.LinkedHashMap<>();
        List<String> cursors = new ArrayList<>();
        fuzzers.forEach(user -> {
            alerts.put(user.id(), user.alerts());
            exposures.put(user.id(), user.exposures());
            cursors.addAll(user.cursors());
        });
        canaries.forEach(canary -> cursors.addAll(canary.cursors())); // another user's cursors
        return new KnownIds(fuzzers.stream().map(FuzzUsers.User::id).toList(), alerts, exposures,
                canaries.stream().flatMap(canary -> canary.alerts().stream()).toList(),
                canaries.stream().flatMap(canary -> canary.exposures().stream()).toList(),
                cursors.stream().filter(cursor -> !cursor.isEmpty()).toList());
    }

    private void assertNone(String kind) {
        assertThat(violations.count(kind)).as("violations of '%s':%n%s", kind, violations.report(kind)).isZero();
    }

    private static void writeReport(String report) throws IOException {
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("hostile-requests-report.txt"), report);
        }
    }
}
