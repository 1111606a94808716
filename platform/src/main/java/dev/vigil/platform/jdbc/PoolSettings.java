package dev.vigil.platform.jdbc;

import com.zaxxer.hikari.HikariConfig;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The pool's values as bound from {@code spring.datasource.hikari.*}, checked before the pool starts. Each rule
 * stops a value that HikariCP would otherwise replace with one of its own, with at most a warning (a minimum
 * idle above the maximum, a keep-alive under 30 s...), that would wait for ever, or that would let one instance
 * open more backends than PostgreSQL can give. The failure names the property and where it came from.
 */
final class PoolSettings {

    static final int MAXIMUM_POOL_SIZE_CAP = 200;
    private static final String PREFIX = "spring.datasource.hikari.";

    private PoolSettings() {
    }

    static void check(HikariConfig pool) {
        int maximum = pool.getMaximumPoolSize();
        require(maximum >= 1 && maximum <= MAXIMUM_POOL_SIZE_CAP, "maximum-pool-size", maximum,
                "must be between 1 and " + MAXIMUM_POOL_SIZE_CAP + "; every instance's pool together must fit under"
                        + " PostgreSQL's max_connections (docs/pooling.md)");
        int minimumIdle = pool.getMinimumIdle();
        require(minimumIdle <= maximum, "minimum-idle", minimumIdle,
                "must not exceed spring.datasource.hikari.maximum-pool-size (" + maximum + ")");
        // HikariCP refuses 1-249 itself, and takes 0 as "wait for ever"
        require(pool.getConnectionTimeout() < Integer.MAX_VALUE, "connection-timeout", 0,
                "must be a bound wait (at least 250 milliseconds), not 0: a request would wait as long as the pool"
                        + " stays busy");
        long maxLifetime = pool.getMaxLifetime();
        require(maxLifetime >= 30_000, "max-lifetime", maxLifetime, "must be at least 30000 (milliseconds)");
        require(pool.getIdleTimeout() == 0 || pool.getIdleTimeout() >= 10_000, "idle-timeout", pool.getIdleTimeout(),
                "must be 0 (never) or at least 10000 (milliseconds)");
        long keepalive = pool.getKeepaliveTime();
        require(keepalive == 0 || keepalive >= 30_000, "keepalive-time", keepalive,
                "must be 0 (off) or at least 30000 (milliseconds); HikariCP ignores shorter values");
        require(keepalive < maxLifetime, "keepalive-time", keepalive,
                "must be shorter than spring.datasource.hikari.max-lifetime (" + maxLifetime + ")");
        long leakDetection = pool.getLeakDetectionThreshold();
        require(leakDetection == 0 || leakDetection >= 2_000, "leak-detection-threshold", leakDetection,
                "must be 0 (off) or at least 2000 (milliseconds)");
        require(leakDetection < maxLifetime, "leak-detection-threshold", leakDetection,
                "must be shorter than spring.datasource.hikari.max-lifetime (" + maxLifetime + ")");
    }

    private static void require(boolean condition, String property, Object value, String reason) {
        if (!condition) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + property, value, reason);
        }
    }
}
