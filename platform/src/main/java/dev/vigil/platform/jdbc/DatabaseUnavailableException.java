package dev.vigil.platform.jdbc;

import java.sql.SQLTransientConnectionException;

/**
 * What a request gets, at once, for a connection while {@link DatabaseAvailability} knows the database cannot be
 * reached: the same failure the pool would have reported after its connection timeout, without the wait. Answered
 * 503 {@code database-unavailable} with {@code Retry-After}.
 */
public final class DatabaseUnavailableException extends SQLTransientConnectionException {

    /** SQLSTATE {@code 08001}: the client could not establish the connection. */
    private static final String CANNOT_CONNECT = "08001";

    DatabaseUnavailableException(String lastFailure) {
        super("The database cannot be reached (" + lastFailure + ")", CANNOT_CONNECT);
    }

    /** Whether the failure, or any of its causes, is a request refused because the database is known to be down. */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DatabaseUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
