package dev.vigil.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.platform.paging.KeysetPosition;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageFilters;
import dev.vigil.platform.paging.PageQuery;
import dev.vigil.platform.paging.PageRequest;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;

/**
 * What operators do with dead letters: list a processor's, retry a sequence through Axon's
 * {@link SequencedDeadLetterProcessor} (in order, stopping at the first letter that fails again), evict a
 * sequence or one letter through the queue. The list is read straight from the table (a page per request);
 * everything that changes letters goes through Axon.
 */
public class DeadLetters {

    static final String PAGE = """
            /* platform.dead_letter_page */
            SELECT dead_letter_id, sequence_identifier, sequence_index, event_identifier, payload_type,
                   aggregate_identifier, payload, enqueued_at, last_touched, cause_type, cause_message
            FROM axon.dead_letter_entry
            WHERE processing_group = :group AND (enqueued_at, dead_letter_id) < (:enqueuedAt, :id)
            ORDER BY enqueued_at DESC, dead_letter_id DESC
            LIMIT :fetch""";
    static final String PAGE_AT_OFFSET = """
            /* platform.dead_letter_page_at_offset */
            SELECT dead_letter_id, sequence_identifier, sequence_index, event_identifier, payload_type,
                   aggregate_identifier, payload, enqueued_at, last_touched, cause_type, cause_message
            FROM axon.dead_letter_entry
            WHERE processing_group = :group
            ORDER BY enqueued_at DESC, dead_letter_id DESC
            LIMIT :fetch OFFSET :offset""";
    /** Admin lists belong to no user: the cursor is bound to the processor's feed name and this id. */
    private static final UUID NO_USER = new UUID(0, 0);

    /** One parked event. {@code userId} is read from the payload (null for events about no user). */
    public record DeadLetterView(String letterId, String sequence, long index, String eventId, String eventType,
            @Nullable String aggregateId, @Nullable String userId, Instant enqueuedAt, @Nullable Instant lastTouched,
            @Nullable String causeType, @Nullable String causeMessage) {
    }

    /** Outcome of a retry: whether every letter of the sequence was applied, and how many are still parked. */
    public record RetryResult(String processor, String sequence, boolean applied, long remaining) {
    }

    /** No such processor, sequence or letter. */
    public static class NoSuchDeadLetter extends RuntimeException {
        NoSuchDeadLetter(String what) {
            super(what);
        }
    }

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final ObjectMapper payloads;

    DeadLetters(EventProcessingConfiguration processing, JdbcClient jdbc, ObjectMapper payloads) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.payloads = payloads;
    }

    public Page<DeadLetterView> page(String processor, PageRequest request) {
        queue(processor);
        PageQuery query = request.bind("platform.dead-letters." + processor, NO_USER, PageFilters.NONE);
        List<DeadLetterView> rows = query.isOffsetPage()
                ? jdbc.sql(PAGE_AT_OFFSET).param("group", processor).param("fetch", query.fetchSize())
                        .param("offset", query.offset()).query(this::view).list()
                : jdbc.sql(PAGE).param("group", processor)
                        .param("enqueuedAt", DateTimeUtils.formatInstant(query.after().createdAt()))
                        .param("id", query.after().id().toString()).param("fetch", query.fetchSize())
                        .query(this::view).list();
        return query.toPage(rows, row -> new KeysetPosition(row.enqueuedAt(), UUID.fromString(row.letterId())));
    }

    /** Processes the sequence again, from its first letter; stops at a letter that fails again (it stays parked). */
    public RetryResult retry(String processor, String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        requireSequence(queue, sequence);
        SequencedDeadLetterProcessor<EventMessage<?>> letters = processing.sequencedDeadLetterProcessor(processor)
                .orElseThrow(() -> new NoSuchDeadLetter("no dead-letter processor for " + processor));
        boolean applied = letters.process(letter -> sequence.equals(sequenceOf(letter)));
        return new RetryResult(processor, sequence, applied, queue.sequenceSize(sequence));
    }

    /** Drops every letter of the sequence: its events will never be applied (until a rebuild replays them). */
    public void evictSequence(String processor, String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        requireSequence(queue, sequence);
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(sequence).forEach(letters::add);
        letters.forEach(queue::evict);
    }

    /** Drops one letter; the sequence's later letters stay parked behind the others. */
    public void evictLetter(String processor, String sequence, String letterId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        requireSequence(queue, sequence);
        for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(sequence)) {
            if (letter instanceof JdbcDeadLetter<?> jdbcLetter && letterId.equals(jdbcLetter.getIdentifier())) {
                queue.evict(letter);
                return;
            }
        }
        throw new NoSuchDeadLetter("no dead letter " + letterId + " in sequence " + sequence + " of " + processor);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processor) {
        if (!processing.eventProcessors().containsKey(processor)) {
            throw new NoSuchDeadLetter("no read model processor named '" + processor + "'");
        }
        return processing.deadLetterQueue(processor)
                .orElseThrow(() -> new NoSuchDeadLetter("processor '" + processor + "' has no dead-letter queue"));
    }

    private static void requireSequence(SequencedDeadLetterQueue<EventMessage<?>> queue, String sequence) {
        if (!queue.contains(sequence)) {
            throw new NoSuchDeadLetter("no dead letters in sequence " + sequence);
        }
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter instanceof JdbcDeadLetter<?> jdbcLetter ? jdbcLetter.getSequenceIdentifier() : null;
    }

    private DeadLetterView view(ResultSet row, int number) throws SQLException {
        String lastTouched = row.getString("last_touched");
        return new DeadLetterView(row.getString("dead_letter_id"), row.getString("sequence_identifier"),
                row.getLong("sequence_index"), row.getString("event_identifier"), row.getString("payload_type"),
                row.getString("aggregate_identifier"), userIdOf(row.getBytes("payload")),
                DateTimeUtils.parseInstant(row.getString("enqueued_at")),
                lastTouched == null ? null : DateTimeUtils.parseInstant(lastTouched),
                row.getString("cause_type"), row.getString("cause_message"));
    }

    /** The payload is the event's JSON; a user-scoped event names its user in {@code userId} ({@link EventUsers}). */
    @Nullable
    private String userIdOf(byte[] payload) {
        try {
            JsonNode user = payloads.readTree(payload).get("userId");
            return user == null || !user.isTextual() ? null : user.asText();
        } catch (IOException e) {
            return null;
        }
    }
}
