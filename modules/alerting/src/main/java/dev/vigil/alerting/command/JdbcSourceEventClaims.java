package dev.vigil.alerting.command;

import dev.vigil.alerting.domain.SourceEventClaims;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Claims in {@code alerting.alert_source_claim}, written in the policy processor's transaction. ON CONFLICT DO
 * NOTHING rather than catching a duplicate-key error: a failed statement would abort the PostgreSQL transaction,
 * the processor's token update would fail with it, and the batch would be retried forever.
 */
@Component
class JdbcSourceEventClaims implements SourceEventClaims {

    private static final String CLAIM = """
            /* alerting.alert_source_claim */
            INSERT INTO alerting.alert_source_claim (source_event_id, alert_id)
            VALUES (:sourceEventId, :alertId)
            ON CONFLICT (source_event_id) DO NOTHING""";

    private final JdbcClient jdbc;

    JdbcSourceEventClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String sourceEventId, UUID alertId) {
        Transactions.requireActive("a source event claim");
        return jdbc.sql(CLAIM).param("sourceEventId", sourceEventId).param("alertId", alertId).update() == 1;
    }
}
