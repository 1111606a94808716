package dev.vigil.billing.domain;

import java.util.UUID;

/**
 * The users identity has registered, as billing has learnt them from identity's events.
 */
public interface KnownUsers {

    boolean isRegistered(UUID userId);
}
