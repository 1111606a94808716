package dev.vigil.dashboard;

import java.time.Duration;
import java.util.Collection;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Waits until a processor has applied every event the store holds now: each of its segments is claimed,
 * healthy, and at or past the head. Exact, unlike waiting for a row to look right, which a row can do
 * halfway through a sequence.
 */
public final class ProcessorCatchUp {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public ProcessorCatchUp(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    public void await(String processorName) {
        StreamingEventProcessor processor = processing.eventProcessor(processorName, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("no streaming processor " + processorName));
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1);
        // a failing handler shows as a segment that stays unclaimed (the processor releases it and retries
        // later), so a failure ends in this timeout; the handler's exception is in the log
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> caughtUp(processor.processingStatus().values(), head));
    }

    private static boolean caughtUp(Collection<EventTrackerStatus> segments, long head) {
        double covered = segments.stream().mapToDouble(s -> 1.0 / (s.getSegment().getMask() + 1)).sum();
        return covered >= 0.999
                && segments.stream().allMatch(s -> !s.isErrorState() && s.getCurrentPosition().orElse(-1) >= head);
    }
}
