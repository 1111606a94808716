package dev.vigil.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates users through the public API when no seeded users file is given (the CI smoke, a fresh database):
 * register, start a subscription, and report findings of which all but a few are MEDIUM or above, so each
 * user has enough alerts for three pages. Runs before the simulation's load and is not measured.
 */
final class ApiUserSetup {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final String[] ALERTING_SEVERITIES = {"MEDIUM", "HIGH", "CRITICAL"};
    private static final String[] SOURCE_KINDS = {"DATA_BROKER", "BREACH", "PASTE", "PEOPLE_SEARCH"};
    private static final String[] DATA_TYPES = {"EMAIL", "PHONE", "ADDRESS", "NAME", "DATE_OF_BIRTH"};
    private static final int QUIET_FINDINGS = 3; // LOW: an exposure without an alert, as in real scans
    private static final Duration ALERTS_DEADLINE = Duration.ofSeconds(60);
    private static final int ATTEMPTS = 5;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final int alertsPerUser;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    ApiUserSetup(String baseUrl, int pageSize) {
        this.baseUrl = baseUrl;
        this.alertsPerUser = 2 * pageSize + 5; // a first page and two cursor pages, the last one partial
    }

    List<LoadUser> create(int count, int parallelism) {
        long started = System.nanoTime();
        List<LoadUser> users = new ArrayList<>(count);
        try (ExecutorService workers = Executors.newFixedThreadPool(parallelism)) {
            List<Future<LoadUser>> pending = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                pending.add(workers.submit(() -> createOne(index)));
            }
            for (Future<LoadUser> user : pending) {
                users.add(user.get());
            }
        } catch (Exception e) {
            throw new IllegalStateException("API setup of " + count + " users failed: " + e.getMessage(), e);
        }
        awaitAlerts(users);
        System.out.printf("api-setup users=%d alerts_per_user=%d seconds=%.1f%n", count, alertsPerUser,
                (System.nanoTime() - started) / 1e9);
        return users;
    }

    /**
     * One user. A step answered 503 (the service shed load, or its read models had not confirmed the step in time,
     * as on a machine shared with other builds) starts the user over under a new address after the pause the answer
     * asks for; the half-made user stays behind, unused.
     */
    private LoadUser createOne(int index) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return createOne(index, attempt);
            } catch (Unavailable e) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException(e.getMessage() + " (" + ATTEMPTS + " attempts)", e);
                }
                Thread.sleep(e.retryAfter.toMillis());
            }
        }
    }

    private LoadUser createOne(int index, int attempt) throws IOException, InterruptedException {
        String service = "Bearer " + Tokens.service(600);
        String registered = send("POST", "/internal/v1/users", service, """
                {"email":"loadtest-%s-%d-%d@example.org","displayName":"Load %d","timeZone":"Europe/London"}"""
                .formatted(runId, index, attempt, index), 201);
        Matcher id = ID.matcher(registered);
        if (!id.find()) {
            throw new IllegalStateException("registration answered without an id: " + registered);
        }
        UUID userId = UUID.fromString(id.group(1));
        send("POST", "/api/v1/subscription", "Bearer " + Tokens.user(userId, 600),
                "{\"plan\":\"PLUS\",\"trial\":" + (index % 3 == 0) + "}", 201);
        send("POST", "/internal/v1/monitoring/users/" + userId + "/findings", service, findings(index), 200);
        return new LoadUser(userId, "api");
    }

    private String findings(int userIndex) {
        StringBuilder json = new StringBuilder("{\"findings\":[");
        Instant foundAt = Instant.now().minus(Duration.ofDays(30));
        for (int i = 0; i < alertsPerUser + QUIET_FINDINGS; i++) {
            String severity = i < QUIET_FINDINGS ? "LOW" : ALERTING_SEVERITIES[(i + userIndex) % 3];
            json.append(i == 0 ? "" : ",").append("""
                    {"sourceName":"source-%d","sourceKind":"%s","dataTypes":["%s"],"severity":"%s","foundAt":"%s"}"""
                    .formatted(i, SOURCE_KINDS[i % 4], DATA_TYPES[i % 5], severity, foundAt.plusSeconds(3600L * i)));
        }
        return json.append("]}").toString();
    }

    /** Alerts are raised by an event processor after the findings are stored: wait until every user has them. */
    private void awaitAlerts(List<LoadUser> users) {
        Instant deadline = Instant.now().plus(ALERTS_DEADLINE);
        for (LoadUser user : users) {
            String bearer = "Bearer " + Tokens.user(user.id(), 600);
            while (countAlerts(bearer) < alertsPerUser) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("user " + user.id() + " still lacks its " + alertsPerUser
                            + " alerts after " + ALERTS_DEADLINE.toSeconds() + " s");
                }
                sleep();
            }
        }
    }

    private int countAlerts(String bearer) {
        try {
            String page = send("GET", "/api/v1/alerts?limit=100", bearer, null, 200);
            return page.split("\"alertId\"", -1).length - 1;
        } catch (Unavailable e) {
            return 0; // asked again after the loop's pause, until the deadline
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String send(String method, String path, String bearer, String body, int expectedStatus)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 503) {
            long pause = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
            throw new Unavailable(method + " " + path + " answered 503: " + response.body(), Duration.ofSeconds(pause));
        }
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A 503: worth another try after {@code retryAfter}. */
    private static final class Unavailable extends IllegalStateException {

        private final Duration retryAfter;

        Unavailable(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }
    }
}
