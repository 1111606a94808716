package dev.vigil.platform.axon;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A rebuild follows its replay until it has caught up, or says why it cannot any longer: it never waits forever on
 * a processor that was stopped or a database that went away, and a refused reset leaves the processor running.
 */
class ProjectionRebuildsTests {

    private static final String NAME = "test-read-model";

    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    @SuppressWarnings("unchecked")
    private final StreamableMessageSource<?> eventStore = mock(StreamableMessageSource.class);
    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final ProjectionRebuilds rebuilds = new ProjectionRebuilds(processing, eventStore);

    @BeforeEach
    void aProcessorHalfWayThroughItsReplay() {
        when(processing.eventProcessor(NAME, StreamingEventProcessor.class)).thenReturn(Optional.of(processor));
        when(processor.getName()).thenReturn(NAME);
        when(processor.shutdownAsync()).thenReturn(CompletableFuture.completedFuture(null));
        EventTrackerStatus halfWay = mock(EventTrackerStatus.class);
        when(halfWay.getSegment()).thenReturn(Segment.ROOT_SEGMENT);
        when(halfWay.getCurrentPosition()).thenReturn(OptionalLong.of(5));
        when(processor.processingStatus()).thenReturn(Map.of(0, halfWay));
        when(processor.isRunning()).thenReturn(true);
    }

    @Test
    void endsWithACauseWhenTheEventStoreCannotBeReadMidReplay() {
        TrackingToken head = new GlobalSequenceTrackingToken(10);
        when(eventStore.createHeadToken()).thenReturn(head)
                .thenThrow(new DataAccessResourceFailureException("connection refused"));

        assertThatThrownBy(() -> rebuilds.rebuild(NAME, progress -> { }))
                .isInstanceOf(ProjectionRebuilds.ReplayOutOfSight.class)
                .hasMessageContaining("the event store cannot be read")
                .hasMessageContaining("connection refused")
                .hasMessageContaining("the replay goes on once the database is back");
    }

    @Test
    void endsWithACauseWhenTheProcessorIsStoppedMidReplay() {
        when(eventStore.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(10));
        when(processor.isRunning()).thenReturn(false);

        assertThatThrownBy(() -> rebuilds.rebuild(NAME, progress -> { }))
                .isInstanceOf(ProjectionRebuilds.ReplayOutOfSight.class)
                .hasMessageContaining("processor " + NAME + " was stopped");
    }

    @Test
    void startsTheProcessorAgainWhenAnotherInstanceRefusesTheReset() {
        when(eventStore.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(10));
        doThrow(new UnableToClaimTokenException("segment 1 is claimed by another node")).when(processor).resetTokens();

        assertThatThrownBy(() -> rebuilds.rebuild(NAME, progress -> { }))
                .isInstanceOf(UnableToClaimTokenException.class);
        verify(processor).start();
        assertThatThrownBy(() -> rebuilds.rebuild(NAME, progress -> { })) // and a later rebuild is not refused
                .isInstanceOf(UnableToClaimTokenException.class);
    }
}
