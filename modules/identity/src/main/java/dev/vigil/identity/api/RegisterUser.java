package dev.vigil.identity.api;

import java.util.UUID;

/**
 * Register a new user. The caller chooses the id (UUIDv7), so a retried command names the same user.
 */
public record RegisterUser(UUID userId, String email, String displayName, String timeZone) {
}
