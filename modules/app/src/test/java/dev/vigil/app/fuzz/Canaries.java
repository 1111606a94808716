package dev.vigil.app.fuzz;

import dev.vigil.platform.testing.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Users the fuzzing never writes for (it only tries their ids with other users' tokens): afterwards each must
 * still write and, in the very next request, read its own write, in every read model a write touches.
 */
final class Canaries {

    /** How long a stale read is retried, only to say in the report whether the write arrived late or not at all. */
    private static final Duration LATE = Duration.ofSeconds(10);

    private final JsonCalls calls;

    Canaries(JsonCalls calls) {
        this.calls = calls;
    }

    void check(List<FuzzUsers.User> canaries, Violations violations) {
        for (int i = 0; i < canaries.size(); i++) {
            FuzzUsers.User canary = canaries.get(i);
            String token = TestTokens.user(canary.id());
            String subject = "canary " + i + " (" + canary.id() + ")";
            String name = "Canary " + i + " after the fuzzing";

            expect(violations, subject, "PUT /api/v1/me/profile", 200, () -> calls.call("PUT", "/api/v1/me/profile", token, """
                    {"displayName": "%s", "timeZone": "Europe/Berlin"}""".formatted(name)), null, null);
            expect(violations, subject, "GET /api/v1/me after its profile update", 200,
                    () -> calls.call("GET", "/api/v1/me", token, null), "displayName", name);
            expect(violations, subject, "GET /api/v1/dashboard after its profile update", 200,
                    () -> calls.call("GET", "/api/v1/dashboard", token, null), "displayName", name);

            String alert = "/api/v1/alerts/" + canary.alerts().get(0);
            expect(violations, subject, "POST " + alert + "/read", 200, () -> calls.call("POST", alert + "/read", token, null),
                    null, null);
            expect(violations, subject, "GET " + alert + " after reading it", 200,
                    () -> calls.call("GET", alert, token, null), "status", "READ");

            String exposure = "/api/v1/exposures/" + canary.exposures().get(0);
            expect(violations, subject, "POST " + exposure + "/removal-request", 202,
                    () -> calls.call("POST", exposure + "/removal-request", token, null), null, null);
            expect(violations, subject, "GET " + exposure + " after requesting its removal", 200,
                    () -> calls.call("GET", exposure, token, null), "status", "REMOVAL_REQUESTED");
        }
    }

    /** Checks the answer; a read that does not show the write is retried for a while, to tell late from lost. */
    private static void expect(Violations violations, String subject, String what, int status,
            Supplier<JsonCalls.Answer> call, String field, String value) {
        JsonCalls.Answer answer = call.get();
        if (holds(answer, status, field, value)) {
            return;
        }
        String later = "";
        if (field != null) {
            long started = System.nanoTime();
            boolean shown = false;
            while (!shown && System.nanoTime() - started < LATE.toNanos()) {
                sleep();
                shown = holds(call.get(), status, field, value);
            }
            later = shown ? " (shown " + (System.nanoTime() - started) / 1_000_000 + " ms later)"
                    : " (still not shown " + LATE.toSeconds() + " s later)";
        }
        violations.addAftermath("canary cannot read its own write", subject + ": " + what,
                "expected " + status + (field == null ? "" : " with " + field + "=" + value) + later + ", got "
                        + answer.status() + " " + answer.raw());
    }

    private static boolean holds(JsonCalls.Answer answer, int status, String field, String value) {
        return answer.status() == status && (field == null || value.equals(answer.body().path(field).asText()));
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
