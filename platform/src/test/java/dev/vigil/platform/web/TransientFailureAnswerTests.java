package dev.vigil.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.vigil.platform.testing.ExpectedLogs;
import org.axonframework.common.jdbc.JdbcException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A database failure that passes by itself is a 503 with {@code Retry-After} even when a library wraps it in an
 * exception no handler knows: Axon's event store answered a restarting PgBouncer with a {@link JdbcException} around
 * the driver's connection failure, and the request got a 500 (bin/cluster-faults).
 */
class TransientFailureAnswerTests {

    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.from(ProblemDetailsAdvice.class);

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void aLostConnectionInsideAxonsJdbcExceptionIsA503DatabaseUnavailable() throws Exception {
        logs.expect(Level.ERROR, "Database connection failure, answered 503");
        JdbcException wrapped = new JdbcException("Failed to create a SQL statement",
                new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE));

        ResponseEntity<ProblemDetail> answer = advice.unexpectedFailure(wrapped);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(answer.getBody().getType()).isEqualTo(ProblemDetailsAdvice.DATABASE_UNAVAILABLE);
        assertThat(answer.getBody().getDetail()).doesNotContain("I/O error");
    }

    @Test
    void anyOtherFailureStaysA500() throws Exception {
        logs.expect(Level.ERROR, "Unexpected failure");

        ResponseEntity<ProblemDetail> answer = advice.unexpectedFailure(
                new JdbcException("Failed to create a SQL statement", new IllegalStateException("a bug")));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getType()).isEqualTo(ProblemDetailsAdvice.UNEXPECTED);
    }
}
