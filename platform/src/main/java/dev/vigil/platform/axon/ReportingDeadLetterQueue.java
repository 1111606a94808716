package dev.vigil.platform.axon;

import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's JDBC dead-letter queue of one processing group that also says when an event was parked: once the
 * projection's transaction commits, one ERROR line (processor, user, event, cause; no stack trace) and the
 * {@link ProjectionBarrier} learns that the event will not become visible, so the write that waits for it does
 * not answer as if it had. The event is marked in the unit of work so that {@link ProjectionMonitor} does not
 * report it as applied.
 */
final class ReportingDeadLetterQueue extends JdbcSequencedDeadLetterQueue<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ReportingDeadLetterQueue.class);
    private static final String PARKED = ReportingDeadLetterQueue.class.getName() + ".parked:";

    private final String processorName;
    private final ProjectionBarrier barrier;

    ReportingDeadLetterQueue(Builder<EventMessage<?>> builder, String processorName, ProjectionBarrier barrier) {
        super(builder);
        this.processorName = processorName;
        this.barrier = barrier;
    }

    /** Whether {@code event} was parked in the unit of work that handles it. */
    static boolean parked(UnitOfWork<?> unitOfWork, EventMessage<?> event) {
        return unitOfWork.resources().containsKey(PARKED + event.getIdentifier());
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter)
            throws DeadLetterQueueOverflowException {
        super.enqueue(sequenceIdentifier, letter);
        EventMessage<?> event = letter.message();
        Optional<Cause> cause = letter.cause();
        Runnable report = () -> {
            barrier.parked(processorName, event.getIdentifier());
            String user = EventUsers.userIdOf(event.getPayload()).map(UUID::toString).orElse("-");
            if (cause.isPresent()) {
                log.error("event=projection_dead_lettered processor={} user={} event_id={} event_type={} cause={} "
                                + "message=\"{}\" hint=\"see docs/projections.md, Dead letters\"", processorName, user,
                        event.getIdentifier(), event.getPayloadType().getSimpleName(), cause.get().type(),
                        cause.get().message().replaceAll("\\s+", " ")); // one line: the message quotes the SQL
            } else {
                log.error("event=projection_dead_lettered processor={} user={} event_id={} event_type={} "
                                + "cause=queued_behind_earlier_dead_letter sequence={}", processorName, user,
                        event.getIdentifier(), event.getPayloadType().getSimpleName(), sequenceIdentifier);
            }
        };
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
            unitOfWork.resources().put(PARKED + event.getIdentifier(), Boolean.TRUE);
            unitOfWork.afterCommit(committed -> report.run());
        } else {
            report.run();
        }
    }
}
