package dev.vigil.monitoring.command;

import dev.vigil.monitoring.api.Fingerprint;
import dev.vigil.monitoring.domain.FingerprintClaims;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fingerprint claims in {@code monitoring.finding_claim}, written inside the command's transaction: the
 * claim and the ExposureDetected event commit together or not at all.
 */
@Component
class JdbcFingerprintClaims implements FingerprintClaims {

    /**
     * Waits for a concurrent uncommitted claim of the same key; returns no row if a claim exists (ours
     * lost), so the holder is then read by a second statement, which sees what the other transaction
     * committed. (One statement could not: it reads from a snapshot taken before the wait.)
     */
    private static final String CLAIM = """
            /* monitoring.finding_claim_insert */
            INSERT INTO monitoring.finding_claim (user_id, fingerprint, exposure_id)
            VALUES (:userId, :fingerprint, :exposureId)
            ON CONFLICT (user_id, fingerprint) DO NOTHING
            RETURNING exposure_id""";

    private static final String HOLDER = """
            /* monitoring.finding_claim_holder */
            SELECT exposure_id FROM monitoring.finding_claim
            WHERE user_id = :userId AND fingerprint = :fingerprint""";

    private final JdbcClient jdbc;

    JdbcFingerprintClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public FingerprintClaim claim(UUID userId, Fingerprint fingerprint, UUID exposureId) {
        Optional<UUID> claimed = jdbc.sql(CLAIM)
                .param("userId", userId)
                .param("fingerprint", fingerprint.bytes())
                .param("exposureId", exposureId)
                .query(UUID.class)
                .optional();
        if (claimed.isPresent()) {
            return new FingerprintClaim(claimed.get(), true);
        }
        UUID holder = jdbc.sql(HOLDER)
                .param("userId", userId)
                .param("fingerprint", fingerprint.bytes())
                .query(UUID.class)
                .single();
        return new FingerprintClaim(holder, false);
    }
}
