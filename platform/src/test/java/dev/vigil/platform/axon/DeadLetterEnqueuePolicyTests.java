package dev.vigil.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class DeadLetterEnqueuePolicyTests {

    private final DeadLetterEnqueuePolicy policy = new DeadLetterEnqueuePolicy();

    @Nested
    class AFailureThatRepeatsIsParked {

        @Test
        void aValueTheTableRefuses() {
            SQLException refused = new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
            EnqueueDecision<EventMessage<?>> decision =
                    policy.decide(letter(), new DataIntegrityViolationException("update failed", refused));
            assertThat(decision.shouldEnqueue()).isTrue();
            assertThat(decision.enqueueCause()).get().extracting(Throwable::getMessage).isEqualTo("update failed");
        }

        @Test
        void aBugInTheHandler() {
            assertThat(policy.decide(letter(), new NullPointerException("displayName")).shouldEnqueue()).isTrue();
        }

        @Test
        void aCauseMessageIsKeptStorable() {
            EnqueueDecision<EventMessage<?>> decision =
                    policy.decide(letter(), new IllegalArgumentException("bad \u0000 value " + "x".repeat(2000)));
            String message = decision.enqueueCause().orElseThrow().getMessage();
            assertThat(message).doesNotContain("\u0000").hasSizeLessThanOrEqualTo(1023);
        }
    }

    @Nested
    class ATransientFailureIsThrownSoTheBatchIsRetried {

        @Test
        void theDatabaseUnreachable() {
            CannotGetJdbcConnectionException down = new CannotGetJdbcConnectionException("down",
                    new SQLException("Connection refused", "08001"));
            assertThatThrownBy(() -> policy.decide(letter(), down)).isSameAs(down);
            assertThatThrownBy(() -> policy.decide(letter(), new CannotCreateTransactionException("no connection")))
                    .isInstanceOf(CannotCreateTransactionException.class);
        }

        @Test
        void aStatementOrLockTimeout() {
            assertThatThrownBy(() -> policy.decide(letter(), new QueryTimeoutException("statement timeout")))
                    .isInstanceOf(QueryTimeoutException.class);
            assertThatThrownBy(() -> policy.decide(letter(), new CannotAcquireLockException("lock timeout")))
                    .isInstanceOf(CannotAcquireLockException.class);
        }

        @Test
        void aRawSqlStateOfATransientClass() {
            for (String state : new String[] {"57014", "55P03", "40001", "40P01", "08006", "53300"}) {
                SQLException failure = new SQLException("transient", state);
                assertThatThrownBy(() -> policy.decide(letter(), failure))
                        .as(state).isInstanceOf(DeadLetterEnqueuePolicy.RetryLater.class).hasCause(failure);
            }
        }
    }

    private static DeadLetter<EventMessage<?>> letter() {
        return new GenericDeadLetter<>(UUID.randomUUID(), GenericEventMessage.asEventMessage("payload"));
    }
}
