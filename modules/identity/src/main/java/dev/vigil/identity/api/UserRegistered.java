package dev.vigil.identity.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A user registered. {@code email} is normalized (trimmed, lower case); {@code timeZone} is an IANA zone id.
 */
public record UserRegistered(UUID userId, String email, String displayName, String timeZone, Instant registeredAt) {
}
