package dev.vigil.platform.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * {@code vigil.projection.lag.events{processor}}: how many events each processor is behind the head of
 * the event store, over the segments this instance holds. The head is read at most once a second.
 */
final class ProjectionLagMeters implements ApplicationListener<ApplicationReadyEvent> {

    private static final long HEAD_TTL_NANOS = 1_000_000_000L;

    private final EventProcessingConfiguration processing;
    private final StreamableMessageSource<?> eventStore;
    private final MeterRegistry meters;
    private final AtomicLong head = new AtomicLong(-1);
    private volatile long headReadAt = System.nanoTime() - HEAD_TTL_NANOS;

    ProjectionLagMeters(EventProcessingConfiguration processing, StreamableMessageSource<?> eventStore, MeterRegistry meters) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.meters = meters;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("vigil.projection.lag.events", streaming, this::eventsBehind)
                        .description("Events between the head of the event store and the processor's position")
                        .tag("processor", name)
                        .register(meters);
            }
        });
    }

    private double eventsBehind(StreamingEventProcessor processor) {
        long position = Long.MAX_VALUE;
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            OptionalLong current = status.getCurrentPosition();
            position = Math.min(position, current.isPresent() ? current.getAsLong() : -1);
        }
        return position == Long.MAX_VALUE ? Double.NaN : Math.max(0, head() - position);
    }

    long head() {
        long now = System.nanoTime();
        if (now - headReadAt >= HEAD_TTL_NANOS) {
            TrackingToken token = eventStore.createHeadToken();
            head.set(token == null ? -1 : token.position().orElse(-1));
            headReadAt = now;
        }
        return head.get();
    }
}
