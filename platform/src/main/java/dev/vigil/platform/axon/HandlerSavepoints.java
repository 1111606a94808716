package dev.vigil.platform.axon;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each event handler of an event processor inside a savepoint of the processor's transaction. A statement
 * PostgreSQL refuses aborts the whole transaction ("current transaction is aborted"): without the savepoint the
 * dead letter could not be written, and the other events of the batch (other users') would fail with it
 * (AxonFramework#3289). Rolling back to the savepoint undoes only the failed handler's statements.
 * <p>
 * A savepoint costs two round trips per handled event: live events pay them (a write waits for its event to be
 * applied or parked, docs/projections.md), replays do not (a rebuild ran about 40% slower with them). A replayed
 * event that fails without a savepoint fails its batch; the processor retries the batch, and this time that
 * event runs in a savepoint and is parked. Aggregates' event-sourcing handlers (run inside a command) and
 * handlers called outside a transaction are left alone.
 */
final class HandlerSavepoints implements HandlerEnhancerDefinition {

    private static final int REMEMBERED_FAILURES = 1024;

    private final TransactionTemplate savepoint;
    /** Replayed events that failed without a savepoint: their next try gets one. */
    private final Set<String> failedWithoutSavepoint = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_FAILURES;
                }
            }));

    HandlerSavepoints(PlatformTransactionManager transactions) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!inEventProcessor()) {
                    return super.handle(message, target);
                }
                if (ReplayToken.isReplay(message) && !failedWithoutSavepoint.contains(message.getIdentifier())) {
                    try {
                        return super.handle(message, target);
                    } catch (Exception e) {
                        failedWithoutSavepoint.add(message.getIdentifier());
                        throw e;
                    }
                }
                try {
                    return savepoint.execute(status -> {
                        try {
                            return original.handle(message, target);
                        } catch (Exception e) {
                            throw new HandlerFailed(e);
                        }
                    });
                } catch (HandlerFailed failed) {
                    throw failed.exception;
                }
            }
        };
    }

    /** An event processor's unit of work handles an event; a command's (event sourcing) handles a command. */
    private static boolean inEventProcessor() {
        return TransactionSynchronizationManager.isActualTransactionActive() && CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().getMessage() instanceof EventMessage<?>;
    }

    /** Lets a checked exception through the template, which rolls back to the savepoint on runtime exceptions. */
    private static final class HandlerFailed extends RuntimeException {
        private final Exception exception;

        HandlerFailed(Exception exception) {
            super(exception.getMessage(), exception, false, false);
            this.exception = exception;
        }
    }
}
