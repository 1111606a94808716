package dev.vigil.alerting.command;

import dev.vigil.alerting.domain.UserAlertLock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A PostgreSQL transaction-level advisory lock per user: held until the command's events are committed, and
 * re-entrant, so a policy batch raising several alerts for one user takes it once. Keys are (namespace, hash of
 * the user id): two users sharing a hash only wait for each other, they are never wrong.
 */
@Component
class JdbcUserAlertLock implements UserAlertLock {

    /** "ALRT": keeps alerting's advisory locks apart from any other module's. */
    static final int NAMESPACE = 0x414C5254;

    private static final String LOCK = """
            /* alerting.user_alert_lock */
            SELECT pg_advisory_xact_lock(:namespace, :key)""";

    private final JdbcClient jdbc;

    JdbcUserAlertLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lock(UUID userId) {
        Transactions.requireActive("the user alert lock");
        jdbc.sql(LOCK).param("namespace", NAMESPACE).param("key", userId.hashCode()).query(rows -> { });
    }
}
