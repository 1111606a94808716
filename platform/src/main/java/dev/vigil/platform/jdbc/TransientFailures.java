package dev.vigil.platform.jdbc;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure that goes away by itself (the database unreachable, a lock or statement timeout, a
 * serialization conflict) from one that repeats on every try (a value the read table refuses, a bug). Only the
 * second kind is dead-lettered: parking a user's events because the database blinked would park everyone's. A
 * request that meets the first kind is answered 503 with {@code Retry-After}, never 500, whichever layer wraps it
 * (Axon's event store wraps a lost connection in its own {@code JdbcException}).
 */
public final class TransientFailures {

    /** SQLSTATE classes: connection exception, transaction rollback, insufficient resources, operator intervention, system error. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");
    /** lock_not_available ({@code lock_timeout}, {@code NOWAIT}) */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    /**
     * What HikariCP's proxy answers, with no SQLSTATE, once the pool has evicted its connection as broken: code that
     * still holds it (a unit of work rolling back) meets this instead of the connection failure itself.
     */
    private static final String EVICTED_CONNECTION = "Connection is closed";

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && (isTransientState(sql.getSQLState())
                    || sql.getSQLState() == null && EVICTED_CONNECTION.equals(sql.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientState(String state) {
        return state != null && state.length() == 5
                && (TRANSIENT_CLASSES.contains(state.substring(0, 2)) || LOCK_NOT_AVAILABLE.equals(state));
    }
}
