package dev.vigil.identity.query;

import java.time.Instant;
import java.util.UUID;

/** The caller's profile as {@code GET /api/v1/me} shows it. */
public record UserProfileView(UUID userId, String email, String displayName, String timeZone, Instant registeredAt,
        Instant updatedAt) {
}
