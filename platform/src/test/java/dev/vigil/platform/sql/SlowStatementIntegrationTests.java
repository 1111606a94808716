package dev.vigil.platform.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.Level;
import dev.vigil.platform.PlatformTestApplication;
import dev.vigil.platform.logging.LogContext;
import dev.vigil.platform.testing.ExpectedLogs;
import dev.vigil.platform.testing.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/**
 * pg_sleep statements just over each threshold (the default 500 ms warn; alert at 3 s rather than 1 s, so that a
 * statement meant to warn stays under it however busy the machine is) through the service's own DataSource: what
 * is logged, what is counted, and what is reported while a statement still runs (for 10 s, past the production
 * statement timeout, which this class raises).
 */
@SpringBootTest(classes = PlatformTestApplication.class,
        properties = {"vigil.sql.slow.alert-after=3s", "vigil.datasource.statement-timeout=20s"})
@AutoConfigureMockMvc
class SlowStatementIntegrationTests {

    private static final String PROBE = "platform.slow_probe";

    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.from("vigil.sql.slow");

    @Autowired
    MockMvc mvc;

    @Autowired
    TelemetryProbeController.ProbeQueries queries;

    @Autowired
    MeterRegistry meters;

    @Test
    void aStatementUnderTheWarnThresholdLogsNothing() {
        double warnBefore = slow("warn");
        queries.sleep(0.1);
        assertThat(slowLines()).isEmpty();
        assertThat(slow("warn")).isEqualTo(warnBefore);
    }

    @Test
    void overTheWarnThresholdOneWarnLineNamesTheStatementRouteAndRequestWithParametersMasked() throws Exception {
        double warnBefore = slow("warn");
        double alertBefore = slow("alert");

        mvc.perform(get("/api/v1/telemetry-probe/sleep").param("seconds", "0.55")
                        .header("X-Request-Id", "req-4711")
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.user(UUID.randomUUID())))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Request-Id", "req-4711"));

        List<String> lines = slowLines();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).startsWith("WARN ").contains("state=finished", "level=warn", "name=" + PROBE,
                "threshold_ms=500", "origin=\"GET /api/v1/telemetry-probe/sleep\"", "request_id=req-4711",
                "success=true", "params=[Double, String]",
                "sql=\"/* platform.slow_probe */ SELECT pg_sleep(?), ?::text <> ?\"");
        assertThat(durationMillis(lines.getFirst())).isBetween(550L, 3_000L);
        assertThat(lines.getFirst()).doesNotContain("alice", "bob", "0.55");
        assertThat(slow("warn")).isEqualTo(warnBefore + 1);
        assertThat(slow("alert")).isEqualTo(alertBefore);
    }

    @Test
    void overTheAlertThresholdAnErrorLineAndOneAlertCountNamingTheProcessor() {
        double alertBefore = slow("alert");
        double warnBefore = slow("warn");

        logs.allow(Level.ERROR, "state=running"); // the watch's line, if it comes, may come after the assertions
        try (MDC.MDCCloseable ignored = MDC.putCloseable(LogContext.PROCESSOR, "test-processor")) {
            queries.sleep(3.05);
        }

        List<String> lines = slowLines();
        // the watch looks every 50 ms, so it may or may not have seen it running; its end is always reported
        assertThat(lines).hasSizeBetween(1, 2);
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("ERROR ").contains("level=alert",
                "name=" + PROBE, "threshold_ms=3000", "origin=\"processor test-processor\"", "request_id=-"));
        // (the watch thread may write its line after the statement's own end line)
        String finished = lines.stream().filter(line -> line.contains("state=finished")).findFirst().orElseThrow();
        assertThat(finished).contains("success=true");
        assertThat(durationMillis(finished)).isGreaterThanOrEqualTo(3_050L);
        assertThat(slow("alert")).as("counted once").isEqualTo(alertBefore + 1);
        assertThat(slow("warn")).isEqualTo(warnBefore);
    }

    @Test
    void aStatementStillRunningPastTheAlertThresholdIsReportedBeforeItEnds() {
        double alertBefore = slow("alert");
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> queries.sleep(10));

        // reported about 3 s in; the statement runs 10 s, so a busy machine has 7 s to spare
        Awaitility.await().atMost(Duration.ofSeconds(9)).until(() -> !slowLines().isEmpty());
        assertThat(running).as("the statement is still running").isNotDone();
        String report = slowLines().getFirst();
        assertThat(report).startsWith("ERROR ").contains("state=running", "level=alert", "name=" + PROBE,
                "origin=\"thread ", "success=-", "params=[Double, String]");
        assertThat(durationMillis(report)).isBetween(3_000L, 10_000L);
        assertThat(slow("alert")).as("the alert counter moves while it runs").isEqualTo(alertBefore + 1);

        running.join();
        assertThat(slowLines()).hasSize(2);
        assertThat(slow("alert")).isEqualTo(alertBefore + 1);
    }

    /** The reporter's lines, each as its level and message. */
    private List<String> slowLines() {
        return logs.events().stream().filter(event -> event.getFormattedMessage().contains("slow_statement"))
                .map(event -> event.getLevel() + " " + event.getFormattedMessage()).toList();
    }

    private static long durationMillis(String line) {
        return Long.parseLong(line.replaceFirst(".*duration_ms=(\\d+).*", "$1"));
    }

    private double slow(String level) {
        Counter counter = meters.find(SlowStatementReporter.METER).tag("name", PROBE).tag("level", level).counter();
        return counter == null ? 0 : counter.count();
    }
}
