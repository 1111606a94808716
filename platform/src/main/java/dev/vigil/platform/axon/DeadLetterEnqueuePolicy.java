package dev.vigil.platform.axon;

import dev.vigil.platform.jdbc.TransientFailures;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * Which failed events are parked. A failure that repeats on every try is dead-lettered (its user's later events
 * queue behind it, everyone else's go on). A transient one ({@link TransientFailures}) is thrown on: Axon's
 * dead-lettering invoker then fails the batch, which rolls back and is retried with back-off, exactly as without
 * a dead-letter queue. (Axon's {@code doNotEnqueue} would skip the event instead: a read model must never miss one.)
 * The same rule decides when an operator's retry fails again: it stays parked, or the retry itself fails.
 */
final class DeadLetterEnqueuePolicy implements EnqueuePolicy<EventMessage<?>> {

    /** Carries a transient failure out of Axon's invoker so the processor retries the batch. */
    static final class RetryLater extends RuntimeException {
        RetryLater(Throwable cause) {
            super("transient failure, retrying: " + cause, cause);
        }
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (TransientFailures.isTransient(cause)) {
            throw cause instanceof RuntimeException runtime ? runtime : new RetryLater(cause);
        }
        return Decisions.requeue(new ThrowableCause(cause.getClass().getName(), storable(cause.getMessage())));
    }

    /** The cause column holds 1023 characters of text: no NUL (PostgreSQL refuses it), which a message may quote. */
    private static String storable(String message) {
        if (message == null) {
            return "";
        }
        String text = message.replace('\u0000', '\uFFFD');
        return text.length() <= ThrowableCause.TRUNCATED_MESSAGE_SIZE
                ? text : text.substring(0, ThrowableCause.TRUNCATED_MESSAGE_SIZE);
    }
}
