package dev.vigil.app.fuzz;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After the fuzzing: every read model's processor has reached the head of the event store, read from what
 * survives a failing segment (the token store: a segment whose batch keeps failing is released and drops out of
 * the processor's status, so the in-memory lag gauge cannot see it), and no table of dead letters holds any.
 * The dead-letter check looks for any table named like Axon's dead-letter queue, so it applies by itself once
 * a migration creates one.
 */
final class ReadModelHealth {

    private static final String HEAD = """
            /* fuzz.event_store_head */
            SELECT coalesce(max(global_index), -1) FROM axon.domain_event_entry
            """;

    private static final String TOKENS = """
            /* fuzz.tokens */
            SELECT processor_name, segment, token, token_type FROM axon.token_entry ORDER BY processor_name, segment
            """;

    /** Rows of every table whose name says it holds dead letters, counted in one statement. */
    private static final String DEAD_LETTERS = """
            /* fuzz.dead_letters */
            SELECT table_schema || '.' || table_name AS dead_letter_table,
                   (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', table_schema, table_name),
                           false, true, '')))[1]::text::bigint AS letters
            FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND lower(replace(table_name, '_', '')) LIKE '%deadletter%'
            """;

    private record Position(String processor, int segment, long position) {
    }

    private final EventProcessingConfiguration processing;
    private final Serializer tokens;
    private final JdbcClient jdbc;

    ReadModelHealth(EventProcessingConfiguration processing, Serializer tokens, JdbcClient jdbc) {
        this.processing = processing;
        this.tokens = tokens;
        this.jdbc = jdbc;
    }

    /** Waits (bounded) for every segment of every processor to reach the head; a violation per one that did not. */
    void check(Duration patience, Violations violations) {
        try {
            Awaitility.await().atMost(patience).pollInterval(Duration.ofMillis(250)).until(() -> behind().isEmpty());
        } catch (ConditionTimeoutException e) {
            long head = head();
            behind().forEach(segment -> violations.addAftermath("projection behind the event store head",
                    segment.processor() + " segment " + segment.segment(), "at " + segment.position() + " of " + head
                            + " after " + patience.toSeconds() + "s" + errorOf(segment.processor(), segment.segment())));
        }
        List<Map<String, Object>> tables = jdbc.sql(DEAD_LETTERS).query().listOfRows();
        for (Map<String, Object> table : tables) {
            long letters = ((Number) table.get("letters")).longValue();
            if (letters > 0) {
                violations.addAftermath("dead letters", (String) table.get("dead_letter_table"), letters + " dead letters");
            }
        }
    }

    private List<Position> behind() {
        long head = head();
        Set<String> processors = processing.eventProcessors().keySet();
        return jdbc.sql(TOKENS).query((row, n) -> new Position(row.getString("processor_name"), row.getInt("segment"),
                        position(row.getBytes("token"), row.getString("token_type"))))
                .list().stream()
                .filter(segment -> processors.contains(segment.processor()) && segment.position() < head)
                .toList();
    }

    private long position(byte[] token, String type) {
        if (token == null) {
            return -1;
        }
        TrackingToken tracking = tokens.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null ? -1 : tracking.position().orElse(-1);
    }

    private long head() {
        return jdbc.sql(HEAD).query(Long.class).single();
    }

    private String errorOf(String processor, int segment) {
        return processing.eventProcessor(processor, StreamingEventProcessor.class)
                .map(streaming -> Optional.ofNullable(streaming.processingStatus().get(segment))
                        .map(status -> status.isErrorState() && status.getError() != null
                                ? "; failing: " + status.getError() : "; " + (status.isCaughtUp() ? "caught up" : "catching up"))
                        .orElse("; not being processed (released after an error, or unclaimed)"))
                .orElse("");
    }
}
