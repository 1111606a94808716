package dev.vigil.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.axonframework.common.jdbc.JdbcException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.transaction.TransactionSystemException;

/** What passes by itself, however deep a library wraps it; what repeats does not count. */
class TransientFailuresTests {

    @Test
    void aConnectionFailureInsideAxonsWrapperPasses() {
        assertThat(TransientFailures.isTransient(new JdbcException("Failed to create a SQL statement",
                new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE))))
                .isTrue();
    }

    /** A unit of work still holding a connection HikariCP evicted as broken meets this, with no SQLSTATE. */
    @Test
    void hikarisAnswerOnAnEvictedConnectionPasses() {
        assertThat(TransientFailures.isTransient(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void aStatementTimeoutAndALockTimeoutPass() {
        assertThat(TransientFailures.isTransient(new SQLException("canceling statement due to statement timeout", "57014")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("canceling statement due to lock timeout", "55P03")))
                .isTrue();
    }

    @Test
    void aRefusedValueAndAnUnknownFailureDoNot() {
        assertThat(TransientFailures.isTransient(new SQLException("duplicate key value violates unique constraint", "23505")))
                .isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("something else"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("a bug"))).isFalse();
    }
}
