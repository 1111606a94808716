package dev.vigil.monitoring.domain;

import dev.vigil.monitoring.api.Fingerprint;
import java.util.UUID;

/**
 * Which exposure holds each finding fingerprint of a user, kept consistently with the event store (written
 * in the command's transaction, so a claim and its ExposureDetected event commit together or not at all).
 */
public interface FingerprintClaims {

    /**
     * Claims {@code fingerprint} of {@code userId} for {@code exposureId}, unless an exposure holds it already.
     * A concurrent claim of the same fingerprint waits for the other transaction and then sees its outcome.
     *
     * @return the exposure that holds the fingerprint now, and whether it is {@code exposureId}, newly claimed
     */
    FingerprintClaim claim(UUID userId, Fingerprint fingerprint, UUID exposureId);

    /** The exposure holding a fingerprint of a user; {@code newlyClaimed} if this call claimed it. */
    record FingerprintClaim(UUID exposureId, boolean newlyClaimed) {
    }
}
