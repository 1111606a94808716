package dev.vigil.platform.axon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tells the {@link ProjectionBarrier} when an event was applied in a segment this instance does not hold, by
 * watching the token store: once the token of the event's segment has passed the event's global index, whoever
 * holds the segment has committed it (the token is stored in the same transaction as the read rows), or parked it
 * (the dead letter too is written in that transaction; one look in {@code axon.dead_letter_entry} tells which).
 * <p>
 * One thread polls, every {@code interval}, only while some write waits: one statement reads the global indexes of
 * events not seen yet (the command has committed by then), one reads the tokens of the processors waited on (a
 * handful of rows by primary key), and one looks for dead letters among the events whose token has passed (the
 * table is empty but for incidents; the unique index on processing group and sequence narrows it further).
 */
final class TokenProgressWatch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TokenProgressWatch.class);

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final Duration interval;
    private final Map<Remote, Long> waits = new ConcurrentHashMap<>(); // value: the event's global index, -1 unknown
    private final Thread poller;
    private volatile ProjectionBarrier barrier;
    private volatile boolean closed;

    TokenProgressWatch(JdbcClient jdbc, Serializer serializer, Duration interval) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.interval = interval;
        this.poller = Thread.ofVirtual().name("vigil-token-watch").unstarted(this::run);
    }

    void start(ProjectionBarrier barrier) {
        this.barrier = barrier;
        poller.start();
    }

    /** Watch for {@code processorName} to pass {@code eventIdentifier} in segment {@code segmentId}. */
    void watch(String processorName, int segmentId, String eventIdentifier) {
        waits.put(new Remote(processorName, segmentId, eventIdentifier), -1L);
        LockSupport.unpark(poller);
    }

    private void run() {
        while (!closed) {
            if (waits.isEmpty()) {
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                continue;
            }
            try {
                poll();
            } catch (DataAccessException | IllegalStateException e) {
                log.debug("token watch poll failed: {}", e.getMessage()); // the writes waiting time out as usual
            }
            LockSupport.parkNanos(interval.toNanos());
        }
    }

    void poll() {
        waits.keySet().removeIf(remote -> !barrier.awaits(remote.processorName(), remote.eventIdentifier()));
        resolveIndexes();
        Map<String, Map<Integer, TrackingToken>> tokens = tokensOf(waits.keySet().stream()
                .filter(remote -> waits.getOrDefault(remote, -1L) >= 0).map(Remote::processorName).distinct().toList());
        List<Remote> passed = new ArrayList<>();
        waits.forEach((remote, index) -> {
            TrackingToken token = tokens.getOrDefault(remote.processorName(), Map.of()).get(remote.segmentId());
            if (index >= 0 && token != null && passed(token, index)) {
                passed.add(remote);
            }
        });
        if (passed.isEmpty()) {
            return;
        }
        Set<String> parked = parked(passed);
        for (Remote remote : passed) {
            waits.remove(remote);
            if (parked.contains(remote.processorName() + " " + remote.eventIdentifier())) {
                barrier.parked(remote.processorName(), remote.eventIdentifier());
            } else {
                barrier.applied(remote.processorName(), remote.eventIdentifier());
            }
        }
    }

    private void resolveIndexes() {
        List<String> unknown = waits.entrySet().stream().filter(entry -> entry.getValue() < 0)
                .map(entry -> entry.getKey().eventIdentifier()).distinct().toList();
        if (unknown.isEmpty()) {
            return;
        }
        Map<String, Long> indexes = new HashMap<>();
        jdbc.sql("SELECT event_identifier, global_index FROM axon.domain_event_entry WHERE event_identifier IN (:ids)")
                .param("ids", unknown)
                .query((row, i) -> indexes.put(row.getString(1), row.getLong(2))).list();
        waits.replaceAll((remote, index) -> index >= 0 ? index : indexes.getOrDefault(remote.eventIdentifier(), -1L));
    }

    private Map<String, Map<Integer, TrackingToken>> tokensOf(List<String> processors) {
        Map<String, Map<Integer, TrackingToken>> tokens = new HashMap<>();
        if (processors.isEmpty()) {
            return tokens;
        }
        jdbc.sql("SELECT processor_name, segment, token, token_type FROM axon.token_entry "
                        + "WHERE processor_name IN (:processors) AND token IS NOT NULL")
                .param("processors", processors)
                .query((row, i) -> tokens.computeIfAbsent(row.getString(1), p -> new HashMap<>()).put(row.getInt(2),
                        serializer.deserialize(new SimpleSerializedObject<>(row.getBytes(3), byte[].class,
                                row.getString(4), null))))
                .list();
        return tokens;
    }

    /**
     * Whether a segment with {@code token} has dealt with the event at {@code index}. A segment replaying history
     * before the event counts as done: a write does not wait for a rebuild, here as on the instance running it.
     */
    static boolean passed(TrackingToken token, long index) {
        if (token instanceof ReplayToken replay && replay.getTokenAtReset() != null
                && replay.getTokenAtReset().position().orElse(-1) < index) {
            return true;
        }
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= index && !gapAware.getGaps().contains(index);
        }
        return current != null && current.position().orElse(-1) >= index;
    }

    private Set<String> parked(List<Remote> passed) {
        Set<String> parked = new HashSet<>();
        jdbc.sql("SELECT processing_group, event_identifier FROM axon.dead_letter_entry "
                        + "WHERE processing_group IN (:groups) AND event_identifier IN (:ids)")
                .param("groups", passed.stream().map(Remote::processorName).distinct().toList())
                .param("ids", passed.stream().map(Remote::eventIdentifier).distinct().toList())
                .query((row, i) -> parked.add(row.getString(1) + " " + row.getString(2))).list();
        return parked;
    }

    @Override
    public void destroy() {
        closed = true;
        LockSupport.unpark(poller);
    }

    private record Remote(String processorName, int segmentId, String eventIdentifier) {
    }
}
