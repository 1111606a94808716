package dev.vigil.app.fuzz;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After the fuzzing: every read model's processor has reached the head of the event store
 * ({@code vigil.projection.lag.events}, the gauge of ProjectionLagMeters, is 0) and none holds a dead letter.
 * The dead-letter check looks for any table named like Axon's dead-letter queue, so it applies by itself once
 * a migration creates one.
 */
final class ReadModelHealth {

    private static final String LAG = "vigil.projection.lag.events";

    /** Rows of every table whose name says it holds dead letters, counted in one statement. */
    private static final String DEAD_LETTERS = """
            /* fuzz.dead_letters */
            SELECT table_schema || '.' || table_name AS dead_letter_table,
                   (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', table_schema, table_name),
                           false, true, '')))[1]::text::bigint AS letters
            FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND lower(replace(table_name, '_', '')) LIKE '%deadletter%'
            """;

    private final MeterRegistry meters;
    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;

    ReadModelHealth(MeterRegistry meters, EventProcessingConfiguration processing, JdbcClient jdbc) {
        this.meters = meters;
        this.processing = processing;
        this.jdbc = jdbc;
    }

    /** Waits (bounded) for every processor to catch up; adds a violation per processor that did not. */
    void check(Duration patience, Violations violations) {
        try {
            Awaitility.await().atMost(patience).pollInterval(Duration.ofMillis(250)).until(() -> lagging().isEmpty());
        } catch (ConditionTimeoutException e) {
            lagging().forEach((processor, lag) -> violations.addAftermath("projection behind the event store head",
                    processor, lag + " events behind after " + patience.toSeconds() + "s" + errorOf(processor)));
        }
        List<Map<String, Object>> tables = jdbc.sql(DEAD_LETTERS).query().listOfRows();
        for (Map<String, Object> table : tables) {
            long letters = ((Number) table.get("letters")).longValue();
            if (letters > 0) {
                violations.addAftermath("dead letters", (String) table.get("dead_letter_table"), letters + " dead letters");
            }
        }
    }

    /** Processors whose lag gauge is not 0, with the lag (NaN: it holds no segment). */
    private Map<String, Double> lagging() {
        Map<String, Double> behind = new LinkedHashMap<>();
        for (Gauge gauge : meters.find(LAG).gauges()) {
            double lag = gauge.value();
            if (!(lag == 0)) {
                behind.put(gauge.getId().getTag("processor"), lag);
            }
        }
        if (meters.find(LAG).gauges().isEmpty()) {
            behind.put("(no " + LAG + " gauge registered)", Double.NaN);
        }
        return behind;
    }

    private String errorOf(String processor) {
        return processing.eventProcessor(processor, StreamingEventProcessor.class)
                .map(streaming -> streaming.processingStatus().values().stream()
                        .filter(status -> status.isErrorState() && status.getError() != null)
                        .map(status -> "; segment " + status.getSegment().getSegmentId() + " failing: "
                                + status.getError().getMessage())
                        .findFirst().orElse(""))
                .orElse("");
    }
}
