package dev.vigil.platform.axon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * Knows which read models still have to apply an event, and completes a future when they all have.
 * <p>
 * An expectation is registered while the command's unit of work publishes the event (before it commits,
 * so no processor can have seen it yet). It names every processor that handles the event's payload type, unless
 * the segment the event falls in is replaying history on this instance (a write does not wait for a rebuild).
 * Processors report applied events after their own transaction commits, and events they dead-lettered
 * ({@link ReportingDeadLetterQueue}): the future of such an event fails with {@link WriteNotVisibleException}.
 * Where the segment is not held here (another instance holds it, or nobody does yet), the {@link TokenProgressWatch}
 * also watches the token store, and reports the event applied (or parked) once that segment's token has passed
 * it, whichever instance applied it.
 */
final class ProjectionBarrier {

    private final Map<String, Expectation> pending = new ConcurrentHashMap<>();
    private final EventProcessingConfiguration processing;
    private final ProjectionInstances instances;
    private final TokenProgressWatch watch;

    ProjectionBarrier(EventProcessingConfiguration processing, ProjectionInstances instances, TokenProgressWatch watch) {
        this.processing = processing;
        this.instances = instances;
        this.watch = watch;
    }

    /** Registers what must apply {@code event}; returns a future that completes when they all have. */
    CompletableFuture<Void> expect(EventMessage<?> event) {
        return expect(event, false);
    }

    /**
     * Like {@link #expect}, for an event stored earlier, which any processor may have applied already, here or
     * elsewhere: every segment it falls in is watched in the token store, which shows whether it has passed the event.
     */
    CompletableFuture<Void> expectStored(EventMessage<?> event) {
        return expect(event, true);
    }

    private CompletableFuture<Void> expect(EventMessage<?> event, boolean stored) {
        Set<String> processors = ConcurrentHashMap.newKeySet();
        Map<String, Integer> elsewhere = new HashMap<>();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming && processor instanceof AbstractEventProcessor handlers
                    && handlers.eventHandlerInvoker().canHandleType(event.getPayloadType())) {
                Object sequenceIdentifier = processing.sequencingPolicy(processor.getName()).getSequenceIdentifierFor(event);
                Object key = sequenceIdentifier == null ? event.getIdentifier() : sequenceIdentifier;
                Map<Integer, EventTrackerStatus> held = streaming.processingStatus();
                Optional<EventTrackerStatus> here = held.values().stream()
                        .filter(status -> status.getSegment().matches(key)).findFirst();
                if (here.isPresent() && stillReplaying(here.get())) {
                    continue;
                }
                boolean watched = stored || here.isEmpty() || aboutToRelease(processor.getName(), held.size());
                Optional<Integer> segment = watched ? segmentOf(processor.getName(), key) : Optional.empty();
                if (stored && segment.isEmpty()) {
                    continue; // no tokens yet: the processor will start from the beginning, this event included
                }
                processors.add(processor.getName());
                segment.ifPresent(id -> elsewhere.put(processor.getName(), id));
            }
        }
        if (processors.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        // one expectation per event, shared by everyone who waits for it: a write and the command that found its change
        // already made (two clients marking one alert read) wait for the same event
        Expectation expectation = pending.compute(event.getIdentifier(), (id, existing) -> {
            if (existing == null) {
                return new Expectation(processors, new CompletableFuture<>(), new AtomicInteger(1));
            }
            existing.waiters().incrementAndGet();
            return existing;
        });
        elsewhere.forEach((processorName, segment) -> watch.watch(processorName, segment, event.getIdentifier()));
        return expectation.done();
    }

    /**
     * This instance holds more of the processor's segments than its share: another instance has joined, and at its
     * next claim cycle the processor releases the surplus, perhaps the event's segment before it applied the event,
     * which the newcomer then applies. So the token store is watched too (seen once in four fault runs: a write
     * waited out its timeout after a rebalance).
     */
    private boolean aboutToRelease(String processorName, int segmentsHeld) {
        return segmentsHeld > instances.getMaxSegments(processorName);
    }

    /** Whether a write still waits for {@code processorName} to apply the event. */
    boolean awaits(String processorName, String eventIdentifier) {
        Expectation expectation = pending.get(eventIdentifier);
        return expectation != null && expectation.processors().contains(processorName);
    }

    /** A processor committed its handling of the event. */
    void applied(String processorName, String eventIdentifier) {
        Expectation expectation = pending.get(eventIdentifier);
        if (expectation != null && expectation.processors().remove(processorName) && expectation.processors().isEmpty()) {
            pending.remove(eventIdentifier);
            expectation.done().complete(null);
        }
    }

    /** A processor committed parking the event in its dead-letter queue: the write will not become visible. */
    void parked(String processorName, String eventIdentifier) {
        Expectation expectation = pending.get(eventIdentifier);
        if (expectation != null && expectation.processors().contains(processorName)) {
            pending.remove(eventIdentifier);
            expectation.done().completeExceptionally(new WriteNotVisibleException(processorName, eventIdentifier));
        }
    }

    /**
     * One waiter no longer waits for the event (it ended, failed or timed out): once nobody does, the expectation goes.
     * {@code awaited} is the future {@link #expect} gave it, so a waiter never drops a later expectation of the same
     * event that others registered after its own had completed.
     */
    void forget(String eventIdentifier, CompletableFuture<Void> awaited) {
        pending.computeIfPresent(eventIdentifier, (id, expectation) ->
                expectation.done() != awaited || expectation.waiters().decrementAndGet() > 0 ? expectation : null);
    }

    /**
     * The segment of the token store {@code key} falls in, as of the last heartbeat; none before the processor has
     * tokens (its first start: this instance creates and claims them, and the event is applied here).
     */
    private Optional<Integer> segmentOf(String processorName, Object key) {
        for (Segment segment : instances.segments(processorName)) {
            if (segment.matches(key)) {
                return Optional.of(segment.getSegmentId());
            }
        }
        return Optional.empty();
    }

    /**
     * A segment rebuilding its read model applies new events only after the whole history: waiting for
     * it would stall the command. Once it has passed its reset point it is live again, even though its
     * token only stops calling itself a replay when the next new event arrives.
     */
    private static boolean stillReplaying(EventTrackerStatus status) {
        return status.isReplaying()
                && status.getCurrentPosition().orElse(-1) < status.getResetPosition().orElse(Long.MAX_VALUE);
    }

    private record Expectation(Set<String> processors, CompletableFuture<Void> done, AtomicInteger waiters) {
    }
}
