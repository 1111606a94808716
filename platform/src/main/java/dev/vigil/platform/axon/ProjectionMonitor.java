package dev.vigil.platform.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Wraps every read model's event handling: once the projection's transaction has committed, it records
 * the delay from the event's append to that commit ({@code vigil.projection.delay}) and tells the
 * {@link ProjectionBarrier} that the event has been applied (unless it was dead-lettered). Replayed events are not counted as delay.
 */
final class ProjectionMonitor implements MessageHandlerInterceptor<EventMessage<?>> {

    private final String processorName;
    private final ProjectionBarrier barrier;
    private final Timer delay;
    private final Clock clock;

    ProjectionMonitor(String processorName, ProjectionBarrier barrier, MeterRegistry meters, Clock clock) {
        this.processorName = processorName;
        this.barrier = barrier;
        this.clock = clock;
        this.delay = Timer.builder("vigil.projection.delay")
                .description("Time from an event's append to the commit of the read model that applied it")
                .tag("processor", processorName)
                .publishPercentileHistogram()
                .register(meters);
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain) throws Exception {
        EventMessage<?> event = unitOfWork.getMessage();
        unitOfWork.afterCommit(committed -> {
            if (ReportingDeadLetterQueue.parked(committed, event)) {
                return; // the queue has told the barrier
            }
            barrier.applied(processorName, event.getIdentifier());
            Duration sinceAppend = Duration.between(event.getTimestamp(), clock.instant());
            // replays measure history, not lag; an event stamped ahead of this clock (another node's skew) says nothing
            if (!ReplayToken.isReplay(event) && !sinceAppend.isNegative()) {
                delay.record(sinceAppend);
            }
        });
        return interceptorChain.proceed();
    }
}
