package dev.vigil.identity.api;

import java.time.Instant;
import java.util.UUID;

/** A user's display name or time zone changed (an IANA zone id). */
public record ProfileUpdated(UUID userId, String displayName, String timeZone, Instant updatedAt) {
}
