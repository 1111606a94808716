package dev.vigil.platform.jdbc;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The streaming read replica that serves the user-facing reads (docs/scaling.md, "Read replica"). Without a
 * {@code url}, every read runs on the primary.
 *
 * @param url the standby's JDBC URL, same database name as the primary's; absent: no replica
 * @param username defaults to the primary's
 * @param password defaults to the primary's
 * @param maximumPoolSize the replica pool's bound; 0 (default): the primary pool's maximum
 * @param connectionTimeout how long a read waits for a replica connection before it runs on the primary instead
 * @param pollInterval how often one background task per instance reads the standby's replay position
 * @param writeMemory how long a user's last write position is remembered (in Redis): their reads stay on the
 *        primary until the standby has replayed it, or this long at most
 */
@ConfigurationProperties("vigil.replica")
public record ReplicaProperties(
        String url,
        String username,
        String password,
        @DefaultValue("0") int maximumPoolSize,
        @DefaultValue("250ms") Duration connectionTimeout,
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("60s") Duration writeMemory) {
}
