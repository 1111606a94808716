package dev.vigil.monitoring.domain;

import java.util.UUID;

/** Findings were reported for a user identity never registered. */
public class UnknownUser extends MonitoringRejection {

    private final UUID userId;

    public UnknownUser(UUID userId) {
        super("user " + userId + " is not registered");
        this.userId = userId;
    }

    public UUID userId() {
        return userId;
    }
}
