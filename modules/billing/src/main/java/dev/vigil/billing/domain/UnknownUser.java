package dev.vigil.billing.domain;

import java.util.UUID;

/**
 * No user with this id has registered.
 */
public class UnknownUser extends RuntimeException {

    public UnknownUser(UUID userId) {
        super("no registered user " + userId);
    }
}
