package dev.vigil.app.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.platform.security.JwtProperties;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The warm-up on the whole deployable: its requests pass the token check and find nothing (the synthetic user has no
 * rows), it writes no row anywhere, and it stops at its round limit or its time budget, whichever comes first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vigil.warmup.enabled=true", "vigil.warmup.rounds=2", "vigil.warmup.budget=60s"})
class HotPathWarmupIntegrationTests {

    private static final List<String> SCHEMAS = List.of("axon", "identity", "billing", "monitoring", "alerting",
            "dashboard");

    @LocalServerPort
    int port;

    @Autowired
    HotPathWarmup warmup;

    @Autowired
    JwtProperties jwt;

    @Autowired
    JdbcClient jdbc;

    @Test
    void sendsEveryHotPathPerRoundAndFindsNothingForItsUser() {
        WarmupReport report = warmup.run(port);

        assertThat(report.requests()).isEqualTo(2 * 2 * HotPathWarmup.PATHS.size());
        assertThat(report.budgetSpent()).isFalse();
        assertThat(report.firstFailure()).isEmpty();
        assertThat(report.statuses().keySet()).as("answers by status: %s", report.statuses())
                .allMatch(status -> status == 200 || status == 404);
    }

    @Test
    void writesNoRow() {
        Map<String, Long> before = rowCounts();

        warmup.run(port);

        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void stopsAtItsBudget() {
        HotPathWarmup hurried = new HotPathWarmup(new WarmupProperties(true, Duration.ofNanos(1), 150), jwt);

        WarmupReport report = hurried.run(port);

        assertThat(report.budgetSpent()).isTrue();
        assertThat(report.requests()).as("at most one request per client may start before the deadline").isLessThanOrEqualTo(2);
    }

    /** Rows per table of every schema Vigil owns, the event store and the processors' tokens included. */
    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT table_schema || '.' || table_name FROM information_schema.tables
                WHERE table_schema IN (:schemas) AND table_type = 'BASE TABLE' ORDER BY 1""")
                .param("schemas", SCHEMAS).query(String.class).list()
                .forEach(table -> counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single()));
        assertThat(counts).containsKey("axon.domain_event_entry");
        return counts;
    }
}
