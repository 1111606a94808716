package dev.vigil.platform.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code platform.idempotency_key} table. Each call is its own short transaction, outside the command's:
 * the key is taken before the command runs and completed or released after it.
 */
class IdempotencyStore {

    private static final String CLAIM = """
            /* platform.idempotency_claim */
            INSERT INTO platform.idempotency_key (principal, key, request_hash, created_at)
            VALUES (:principal, :key, :hash, :now)
            ON CONFLICT (principal, key) DO NOTHING""";

    /** Takes over a key whose first request never finished, or whose record outlived its retention. */
    private static final String TAKE_OVER = """
            /* platform.idempotency_take_over */
            UPDATE platform.idempotency_key
            SET request_hash = :hash, status = NULL, content_type = NULL, location = NULL, body = NULL, created_at = :now
            WHERE principal = :principal AND key = :key
              AND ((status IS NULL AND created_at < :abandonedBefore) OR created_at < :expiredBefore)""";

    private static final String FIND = """
            /* platform.idempotency_find */
            SELECT request_hash, status, content_type, location, body
            FROM platform.idempotency_key WHERE principal = :principal AND key = :key""";

    private static final String COMPLETE = """
            /* platform.idempotency_complete */
            UPDATE platform.idempotency_key
            SET status = :status, content_type = :contentType, location = :location, body = :body
            WHERE principal = :principal AND key = :key""";

    private static final String RELEASE = """
            /* platform.idempotency_release */
            DELETE FROM platform.idempotency_key WHERE principal = :principal AND key = :key AND status IS NULL""";

    private static final String SWEEP = """
            /* platform.idempotency_sweep */
            DELETE FROM platform.idempotency_key WHERE created_at < :before""";

    private final JdbcClient jdbc;

    IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when this request now owns the key. */
    boolean claim(String principal, String key, byte[] hash, Instant now, Instant abandonedBefore, Instant expiredBefore) {
        if (jdbc.sql(CLAIM).param("principal", principal).param("key", key).param("hash", hash)
                .param("now", Timestamp.from(now)).update() == 1) {
            return true;
        }
        return jdbc.sql(TAKE_OVER).param("principal", principal).param("key", key).param("hash", hash)
                .param("now", Timestamp.from(now))
                .param("abandonedBefore", Timestamp.from(abandonedBefore))
                .param("expiredBefore", Timestamp.from(expiredBefore)).update() == 1;
    }

    Optional<IdempotencyRecord> find(String principal, String key) {
        return jdbc.sql(FIND).param("principal", principal).param("key", key)
                .query((rs, row) -> {
                    byte[] hash = rs.getBytes("request_hash");
                    int status = rs.getInt("status");
                    if (rs.wasNull()) {
                        return new IdempotencyRecord(hash, null);
                    }
                    return new IdempotencyRecord(hash, new StoredResponse(status, rs.getString("content_type"),
                            rs.getString("location"), rs.getBytes("body")));
                })
                .optional();
    }

    void complete(String principal, String key, StoredResponse response) {
        jdbc.sql(COMPLETE).param("principal", principal).param("key", key)
                .param("status", response.status()).param("contentType", response.contentType())
                .param("location", response.location()).param("body", response.body()).update();
    }

    void release(String principal, String key) {
        jdbc.sql(RELEASE).param("principal", principal).param("key", key).update();
    }

    int sweep(Instant before) {
        return jdbc.sql(SWEEP).param("before", Timestamp.from(before)).update();
    }
}
