package dev.vigil.monitoring.domain;

import java.util.UUID;

/** The users identity has registered: findings for anyone else are rejected. */
public interface KnownUsers {

    boolean isKnown(UUID userId);
}
