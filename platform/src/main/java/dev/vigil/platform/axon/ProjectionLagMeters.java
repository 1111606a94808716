package dev.vigil.platform.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * {@code vigil.projection.lag.events{processor}}: how many events each processor is behind the head of
 * the event store, over the segments this instance holds. The head is read once a second on a thread of its own, so
 * a scrape only compares numbers in memory and never waits for a connection or the database; while the head cannot
 * be read the last one stays.
 */
final class ProjectionLagMeters implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionLagMeters.class);
    private static final long HEAD_INTERVAL_MILLIS = 1_000;

    private final EventProcessingConfiguration processing;
    private final StreamableMessageSource<?> eventStore;
    private final MeterRegistry meters;
    private final ScheduledExecutorService headReader = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("vigil-projection-head").daemon().factory());
    private volatile long head = -1;

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
        headReader.scheduleWithFixedDelay(this::readHead, 0, HEAD_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private double eventsBehind(StreamingEventProcessor processor) {
        long position = Long.MAX_VALUE;
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            OptionalLong current = status.getCurrentPosition();
            position = Math.min(position, current.isPresent() ? current.getAsLong() : -1);
        }
        return position == Long.MAX_VALUE || head < 0 ? Double.NaN : Math.max(0, head - position);
    }

    /** The head of the event store as last read: at most about a second old while the database answers. */
    long head() {
        return head;
    }

    private void readHead() {
        try {
            TrackingToken token = eventStore.createHeadToken();
            head = token == null ? -1 : token.position().orElse(-1);
        } catch (RuntimeException e) {
            log.debug("event=projection_head_read_failed error=\"{}\"", e.toString());
        }
    }

    @Override
    public void destroy() {
        headReader.shutdownNow();
    }
}
