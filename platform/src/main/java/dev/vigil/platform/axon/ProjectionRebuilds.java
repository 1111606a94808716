package dev.vigil.platform.axon;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;

/**
 * Rebuilds one read model from the event store: stops its processor, resets its tokens (its
 * {@code @ResetHandler} empties its tables), starts it again and follows the replay until it has caught
 * up with the head the event store had when the rebuild began, reporting progress along the way.
 * <p>
 * Every instance must release the processor first (Axon cannot reset tokens another node claims): with
 * several instances, stop the processor elsewhere or run the rebuild during a deploy (docs/projections.md).
 */
public class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(1);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final EventProcessingConfiguration processing;
    private final StreamableMessageSource<?> eventStore;
    private final Map<String, Boolean> running = new ConcurrentHashMap<>();

    ProjectionRebuilds(EventProcessingConfiguration processing, StreamableMessageSource<?> eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /**
     * Progress of a running rebuild. {@code share} is the part of the processor's segments this instance replays
     * (1.0: all of them); another instance holds the rest.
     */
    public record Progress(String processor, long position, long head, double eventsPerSecond, Duration elapsed,
            double share) {
        public double percent() {
            return head <= 0 ? 100.0 : Math.min(100.0, 100.0 * Math.max(0, position) / head);
        }
    }

    /** Outcome of a finished rebuild. */
    public record Report(String processor, long events, Duration took, double eventsPerSecond) {
    }

    /**
     * Thrown when the rebuild can no longer follow its replay: the processor was stopped (a shutdown), or the
     * database cannot be reached. The replay itself is the processor's and goes on once it runs again.
     */
    public static class ReplayOutOfSight extends RuntimeException {
        ReplayOutOfSight(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Thrown when the named processor does not exist. */
    public static class UnknownProjection extends RuntimeException {
        UnknownProjection(String name) {
            super("no read model processor named '" + name + "'");
        }
    }

    /** Thrown when a rebuild of the same processor is already running here. */
    public static class RebuildInProgress extends RuntimeException {
        RebuildInProgress(String name) {
            super("a rebuild of '" + name + "' is already running");
        }
    }

    public Set<String> processorNames() {
        return new TreeSet<>(processing.eventProcessors().keySet());
    }

    /** Rebuilds {@code processorName} and blocks until the replay has caught up. */
    public Report rebuild(String processorName, Consumer<Progress> progress) throws InterruptedException {
        StreamingEventProcessor processor = processing.eventProcessor(processorName, StreamingEventProcessor.class)
                .orElseThrow(() -> new UnknownProjection(processorName));
        if (running.putIfAbsent(processorName, Boolean.TRUE) != null) {
            throw new RebuildInProgress(processorName);
        }
        try {
            long head = position(eventStore.createHeadToken());
            log.info("event=projection_rebuild_started processor={} head={}", processorName, head);
            long started = System.nanoTime();
            stop(processor);
            try {
                processor.resetTokens();
            } finally {
                // refused (another instance holds a segment) or not: the processor runs again either way
                processor.start();
            }

            long lastReport = started;
            long position = -1;
            while (!caughtUp(processor, head)) {
                Thread.sleep(100);
                if (System.nanoTime() - lastReport >= REPORT_EVERY.toNanos()) {
                    lastReport = System.nanoTime();
                    checkStillFollowable(processor);
                    position = position(processor);
                    Progress now = progress(processorName, position, head, started, share(processor));
                    progress.accept(now);
                    log.info("event=projection_rebuild_progress processor={} position={} head={} percent={} events_per_s={}",
                            processorName, position, head, String.format("%.1f", now.percent()),
                            Math.round(now.eventsPerSecond()));
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            Report report = new Report(processorName, head, took, head / Math.max(1e-9, took.toNanos() / 1e9));
            progress.accept(progress(processorName, head, head, started, 1.0));
            log.info("event=projection_rebuild_finished processor={} events={} took_ms={} events_per_s={}",
                    processorName, report.events(), took.toMillis(), Math.round(report.eventsPerSecond()));
            return report;
        } finally {
            running.remove(processorName);
        }
    }

    /** A processor whose handler hangs would never stop: the rebuild gives up rather than wait forever. */
    private static void stop(StreamingEventProcessor processor) throws InterruptedException {
        try {
            processor.shutdownAsync().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("processor " + processor.getName() + " did not stop within " + STOP_TIMEOUT
                    + "; see its handler threads before rebuilding", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("processor " + processor.getName() + " failed to stop", e.getCause());
        }
    }

    /**
     * The loop watches the processor's status in memory, which neither a shutdown nor a lost database changes
     * by itself: a stopped processor reports no segments and an unreachable database leaves them unclaimed, so
     * the loop would wait forever. One cheap statement a second (the event store's head) finds the database gone.
     */
    private void checkStillFollowable(StreamingEventProcessor processor) {
        if (!processor.isRunning()) {
            throw new ReplayOutOfSight("processor " + processor.getName() + " was stopped (the instance is shutting"
                    + " down?); its tokens keep the replay's place and it goes on when the processor runs again", null);
        }
        try {
            eventStore.createHeadToken();
        } catch (RuntimeException e) {
            throw new ReplayOutOfSight("the event store cannot be read (" + rootMessage(e) + "); the processor"
                    + " retries by itself and the replay goes on once the database is back", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static Progress progress(String name, long position, long head, long startedNanos, double share) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
        double seconds = Math.max(1e-9, elapsed.toNanos() / 1e9);
        return new Progress(name, position, head, Math.max(0, position) / seconds, elapsed, share);
    }

    /** The part of the key space whose segments this instance holds: their masks add up to 1 when it holds all. */
    private static double share(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .mapToDouble(s -> 1.0 / (s.getSegment().getMask() + 1)).sum();
    }

    private static boolean caughtUp(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> statuses = processor.processingStatus();
        // not isReplaying(): a replay token only turns back into a plain one when an event past the reset
        // point arrives, which on a quiet store may be never
        boolean allAtHead = statuses.values().stream()
                .allMatch(s -> !s.isErrorState() && s.getCurrentPosition().orElse(-1) >= head);
        // every segment must be claimed here: together their masks cover the whole key space
        return !statuses.isEmpty() && allAtHead && share(processor) >= 0.999;
    }

    private static long position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(p -> p.orElse(-1))
                .min().orElse(-1);
    }

    private static long position(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        OptionalLong position = token.position();
        return position.orElse(-1);
    }
}
