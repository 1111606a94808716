package dev.vigil.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints that fail in the ways the error surface must answer. */
@RestController
class ErrorSurfaceProbeController {

    /** The advisory lock {@link #waitForLock} waits for; the test holds it from another connection. */
    static final long LOCK = 1_404_2026L;

    private final ProbeStatements statements;

    ErrorSurfaceProbeController(ProbeStatements statements) {
        this.statements = statements;
    }

    @GetMapping("/api/v1/error-probe/{id}")
    Map<String, UUID> find(@PathVariable UUID id) {
        return Map.of("id", id);
    }

    @PostMapping("/api/v1/error-probe")
    Map<String, String> create(@RequestBody Map<String, String> body) {
        return body;
    }

    @GetMapping("/api/v1/error-probe/failure")
    Map<String, String> fail() {
        throw new IllegalStateException("a secret the caller must not see");
    }

    /** What a filter or the container does for a refusal of its own: sends an error, forwarded to the error page. */
    @GetMapping("/api/v1/error-probe/sent-error")
    void sendError(@RequestParam int status, HttpServletResponse response) throws IOException {
        response.sendError(status, "a message the caller must not see");
    }

    /** Waits for {@link #LOCK} under a short {@code statement_timeout} or {@code lock_timeout}. */
    @GetMapping("/api/v1/error-probe/lock")
    Map<String, Boolean> waitForLock(@RequestParam String timeout) {
        statements.waitForLock(timeout + "_timeout");
        return Map.of("locked", true);
    }

    /** Controllers never talk SQL, not even in tests (ArchUnit checks the test classes too). */
    @Component
    static class ProbeStatements {

        private final JdbcClient jdbc;

        ProbeStatements(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Transactional
        public void waitForLock(String setting) {
            jdbc.sql("/* platform.error_probe_timeout */ SELECT set_config(?, '200ms', true)").param(setting)
                    .query().listOfRows();
            jdbc.sql("/* platform.error_probe_lock */ SELECT pg_advisory_xact_lock(?)").param(LOCK).query().listOfRows();
        }
    }
}
