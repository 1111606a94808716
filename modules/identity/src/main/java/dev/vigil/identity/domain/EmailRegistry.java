package dev.vigil.identity.domain;

import java.util.UUID;

/**
 * The set of registered email addresses, kept consistently with the event store (same transaction).
 */
public interface EmailRegistry {

    /**
     * Reserves {@code email} for {@code userId}.
     *
     * @throws EmailAlreadyRegistered if another user holds it
     */
    void claim(EmailAddress email, UUID userId);
}
