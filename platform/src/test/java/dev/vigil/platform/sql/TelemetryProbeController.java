package dev.vigil.platform.sql;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Runs a requested number of statements, for the per-request counting test. */
@RestController
class TelemetryProbeController {

    private final ProbeQueries queries;

    TelemetryProbeController(ProbeQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/telemetry-probe")
    Map<String, Integer> run(@RequestParam int statements) {
        for (int i = 0; i < statements; i++) {
            queries.selectOne();
        }
        return Map.of("ran", statements);
    }

    /** Sleeps in the database, with a personal value bound and another written as a literal. */
    @GetMapping("/api/v1/telemetry-probe/sleep")
    Map<String, Double> sleep(@RequestParam double seconds) {
        queries.sleep(seconds);
        return Map.of("slept", seconds);
    }

    /** Controllers never talk SQL, not even in tests (ArchUnit checks the test classes too). */
    @Component
    static class ProbeQueries {

        private final JdbcClient jdbc;

        ProbeQueries(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        void selectOne() {
            jdbc.sql("/* platform.telemetry_probe */ SELECT 1").query(Integer.class).single();
        }

        void sleep(double seconds) {
            jdbc.sql("/* platform.slow_probe */ SELECT pg_sleep(?), ?::text <> 'bob@example.org'")
                    .params(seconds, "alice@example.org").query().listOfRows();
        }
    }
}
