package dev.vigil.alerting.domain;

import java.util.UUID;

/**
 * No alert with this id belongs to the user. Deliberately the same whether the alert is missing or another
 * user's, so a caller learns nothing about ids that are not theirs.
 */
public class AlertNotFound extends RuntimeException {

    public AlertNotFound(UUID alertId) {
        super("alert " + alertId + " not found");
    }
}
