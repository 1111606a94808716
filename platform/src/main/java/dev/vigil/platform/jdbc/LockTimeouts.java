package dev.vigil.platform.jdbc;

import java.sql.SQLException;

/**
 * Recognises PostgreSQL's {@code lock_not_available} (SQLSTATE 55P03, a wait past {@code lock_timeout}), which
 * Spring 6 leaves uncategorized: it translates by SQL state class, and class 55 has no category of its own.
 */
public final class LockTimeouts {

    static final String LOCK_NOT_AVAILABLE = "55P03";

    private LockTimeouts() {
    }

    /** Whether the failure, or any of its causes, is a lock not granted within {@code lock_timeout}. */
    public static boolean isLockNotAvailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
