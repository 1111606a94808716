package dev.vigil.platform.redis;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Where Redis is and how long Vigil waits for it. Redis is a cache here: every wait is short, because
 * a slow cache must fall back to PostgreSQL rather than hold a request.
 *
 * @param url {@code redis://[user:password@]host:port/db} or {@code rediss://} ({@code VIGIL_REDIS_URL})
 * @param keyPrefix prepended to every key, so several deployments or test runs can share one server
 */
@Validated
@ConfigurationProperties("vigil.redis")
public record RedisClientProperties(
        @DefaultValue(DEFAULT_URL) @NotNull URI url,
        @DefaultValue("500ms") @NotNull Duration connectTimeout,
        @DefaultValue("250ms") @NotNull Duration socketTimeout,
        @DefaultValue("vigil:") @NotNull String keyPrefix,
        @DefaultValue @Valid Pool pool) {

    public static final String DEFAULT_URL = "redis://localhost:6379/0";

    public RedisClientProperties {
        if (!JedisURIHelper.isValid(url)) {
            throw new IllegalArgumentException(
                    "vigil.redis.url must look like redis://host:port/db, got " + url.getScheme() + "://" + url.getHost());
        }
    }

    /**
     * The connection pool; Jedis's own defaults (8 connections, wait forever) do not fit 1000 virtual threads.
     */
    public record Pool(
            @DefaultValue("64") @Min(1) int maxTotal,
            @DefaultValue("64") @Min(0) int maxIdle,
            @DefaultValue("8") @Min(0) int minIdle,
            @DefaultValue("100ms") @NotNull Duration maxWait) {
    }
}
