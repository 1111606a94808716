package dev.vigil.platform.axon;

import dev.vigil.platform.logging.RateLimitedLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a command and returns once the read models have applied the events it produced, on whichever instance
 * holds their segments, so the caller's next read shows its own write. The wait is bounded: past {@code timeout}
 * the call throws {@link WriteNotConfirmedException} (the command has committed, but it is not known to be visible:
 * answered as a 503, never as a success), a counter goes up and a rate-limited warning is logged.
 * If a read model dead-lettered one of the events, the call throws {@link WriteNotVisibleException} instead
 * (the command has committed, but its result must not be reported as visible).
 * Commands are handled in the calling thread (Axon's local command bus), which is what lets the events
 * published by this command be attributed to this call.
 * <p>
 * A command that changed nothing (marking read an alert already read) publishes no event, yet its caller was told
 * the change is made: when another caller made it a moment earlier, the read models may not show it yet. Such a
 * command waits for its target aggregate's last event instead ({@link TargetsLastEvent}), which costs two indexed
 * statements and, when that event has long been applied, one look at the token store.
 */
public class ConsistentCommandGateway {

    private static final Logger log = LoggerFactory.getLogger(ConsistentCommandGateway.class);
    private static final ThreadLocal<List<Published>> PUBLISHED = new ThreadLocal<>();
    private static final Duration WARN_EVERY = Duration.ofSeconds(10);

    private final CommandGateway commands;
    private final ProjectionBarrier barrier;
    private final Duration timeout;
    private final Timer waited;
    private final Counter timeouts;
    private final RateLimitedLog timeoutWarnings = new RateLimitedLog(log, WARN_EVERY, System::nanoTime);
    private final List<WritesAppliedListener> listeners;
    private final TargetsLastEvent targetsLastEvent;

    ConsistentCommandGateway(CommandGateway commands, ProjectionBarrier barrier, Duration timeout, MeterRegistry meters,
            List<WritesAppliedListener> listeners, TargetsLastEvent targetsLastEvent) {
        this.commands = commands;
        this.targetsLastEvent = targetsLastEvent;
        this.listeners = List.copyOf(listeners);
        this.barrier = barrier;
        this.timeout = timeout;
        this.waited = Timer.builder("vigil.projection.wait")
                .description("Time a command waited for the read models to apply its events")
                .publishPercentileHistogram()
                .register(meters);
        this.timeouts = Counter.builder("vigil.projection.wait.timeouts")
                .description("Commands that gave up waiting for the read models to apply their events (answered 503)")
                .register(meters);
    }

    /** Sends {@code command}, waits for its events to reach the read models, and returns the handler's result. */
    public <R> R send(Object command) {
        List<Published> published = PUBLISHED.get();
        if (published == null) {
            return together(() -> send(command)); // inside together(): the outermost call waits once
        }
        int before = published.size();
        R result = commands.sendAndWait(command);
        if (published.size() == before) {
            targetsLastEvent.of(command).ifPresent(found -> published.add(new Published(found.getIdentifier(),
                    barrier.expectStored(found), EventUsers.userIdOf(found.getPayload()).orElse(null))));
        }
        return result;
    }

    /**
     * Runs {@code work}, which sends several commands (each in its own transaction) through {@link #send},
     * and waits once, at the end, for the read models to apply all their events: a batch of N commands
     * costs one wait instead of N.
     */
    public <T> T together(Supplier<T> work) {
        if (PUBLISHED.get() != null) {
            return work.get();
        }
        List<Published> published = new ArrayList<>();
        PUBLISHED.set(published);
        try {
            T result = work.get();
            awaitProjections(published);
            return result;
        } finally {
            // what committed is told even when the wait failed (503) or a later command of the batch did: a user whose
            // write is not confirmed must not read an older copy next
            tellListeners(published);
            PUBLISHED.remove();
            published.forEach(each -> barrier.forget(each.eventIdentifier(), each.applied()));
        }
    }

    /** Called by the event bus for every event published in a unit of work on this thread. */
    void onPublish(EventMessage<?> event) {
        List<Published> published = PUBLISHED.get();
        if (published != null) {
            published.add(new Published(event.getIdentifier(), barrier.expect(event),
                    EventUsers.userIdOf(event.getPayload()).orElse(null)));
        }
    }

    private void awaitProjections(List<Published> published) {
        if (published.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try {
            CompletableFuture.allOf(published.stream().map(Published::applied).toArray(CompletableFuture[]::new))
                    .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            timeouts.increment();
            timeoutWarnings.warn("event=projection_wait_timeout timeout_ms={} events={} "
                    + "hint=\"read models lag behind or a segment is changing hands; see vigil_projection_lag\"",
                    timeout.toMillis(), published.size());
            throw new WriteNotConfirmedException(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WriteNotConfirmedException(timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WriteNotVisibleException notVisible) {
                throw notVisible;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            waited.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private void tellListeners(List<Published> published) {
        if (listeners.isEmpty()) {
            return;
        }
        Set<UUID> users = new LinkedHashSet<>();
        published.stream().map(Published::userId).filter(java.util.Objects::nonNull).forEach(users::add);
        if (!users.isEmpty()) {
            listeners.forEach(listener -> listener.applied(users));
        }
    }

    private record Published(String eventIdentifier, CompletableFuture<Void> applied, UUID userId) {
    }
}
