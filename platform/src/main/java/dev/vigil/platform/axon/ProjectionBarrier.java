package dev.vigil.platform.axon;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;

/**
 * Knows which local read models still have to apply an event, and completes a future when they all have.
 * <p>
 * An expectation is registered while the command's unit of work publishes the event (before it commits,
 * so no processor can have seen it yet). It names the processors that will apply the event in this JVM:
 * those that handle its payload type, run here, are not replaying history, and hold the segment the event
 * falls in, or may claim it ({@link #mayClaimHere}).
 * Processors report applied events after their own transaction commits, and events they dead-lettered
 * ({@link ReportingDeadLetterQueue}): the future of such an event fails with {@link WriteNotVisibleException}.
 */
final class ProjectionBarrier {

    private final Map<String, Expectation> pending = new ConcurrentHashMap<>();
    private final EventProcessingConfiguration processing;

    ProjectionBarrier(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Registers what must apply {@code event}; returns a future that completes when they all have. */
    CompletableFuture<Void> expect(EventMessage<?> event) {
        Set<String> processors = ConcurrentHashMap.newKeySet();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (willApplyHere(processor, event)) {
                processors.add(processor.getName());
            }
        }
        if (processors.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Expectation expectation = new Expectation(processors, new CompletableFuture<>());
        pending.put(event.getIdentifier(), expectation);
        return expectation.done();
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

    /** Forget expectations nobody waits for any more (the command failed or the wait timed out). */
    void forget(List<String> eventIdentifiers) {
        eventIdentifiers.forEach(pending::remove);
    }

    private boolean willApplyHere(EventProcessor processor, EventMessage<?> event) {
        if (!(processor instanceof StreamingEventProcessor streaming) || !(processor instanceof AbstractEventProcessor handlers)
                || !processor.isRunning() || !handlers.eventHandlerInvoker().canHandleType(event.getPayloadType())) {
            return false;
        }
        Object sequenceIdentifier = processing.sequencingPolicy(processor.getName()).getSequenceIdentifierFor(event);
        Object key = sequenceIdentifier == null ? event.getIdentifier() : sequenceIdentifier;
        for (EventTrackerStatus status : streaming.processingStatus().values()) {
            if (status.getSegment().matches(key)) {
                return !status.isErrorState() && !stillReplaying(status);
            }
        }
        return mayClaimHere(processor.getName(), key);
    }

    /**
     * A segment this instance does not work on is someone else's only if the token store says so. Right after
     * start the processor has claimed some of its segments and not yet the others (or has not even created its
     * tokens): an event in such a segment is applied here moments later, and the command must wait for it. So
     * this waits unless another node holds a live claim on the segment: it asks Axon which segments this node
     * may claim (unclaimed, its own, or a claim past the token store's claim timeout). A wait on a segment that
     * another node then claims first ends at the read-your-writes timeout. One token-store query per event,
     * and only for events outside the segments this instance works on.
     */
    private boolean mayClaimHere(String processorName, Object key) {
        TokenStore tokens = processing.tokenStore(processorName);
        List<Segment> claimable = tokens.fetchAvailableSegments(processorName);
        if (claimable.stream().anyMatch(segment -> segment.matches(key))) {
            return true;
        }
        return claimable.isEmpty() && tokens.fetchSegments(processorName).length == 0; // no tokens yet
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

    private record Expectation(Set<String> processors, CompletableFuture<Void> done) {
    }
}
