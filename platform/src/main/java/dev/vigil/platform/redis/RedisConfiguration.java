package dev.vigil.platform.redis;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * One pooled Jedis client per instance and the {@code redis} health component.
 */
@AutoConfiguration
@EnableConfigurationProperties(RedisClientProperties.class)
public class RedisConfiguration {

    /** How often the health component pings Redis: how soon health shows an outage and a recovery. */
    private static final Duration HEALTH_PING_INTERVAL = Duration.ofSeconds(1);

    @Bean(destroyMethod = "close")
    JedisPooled jedis(RedisClientProperties properties) {
        URI url = properties.url();
        DefaultJedisClientConfig client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) properties.connectTimeout().toMillis())
                .socketTimeoutMillis((int) properties.socketTimeout().toMillis())
                .database(JedisURIHelper.getDBIndex(url))
                .user(JedisURIHelper.getUser(url))
                .password(JedisURIHelper.getPassword(url))
                .ssl(JedisURIHelper.isRedisSSLScheme(url))
                .clientName("vigil")
                .build();
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(properties.pool().maxTotal());
        pool.setMaxIdle(properties.pool().maxIdle());
        pool.setMinIdle(properties.pool().minIdle());
        pool.setMaxWait(properties.pool().maxWait());
        pool.setBlockWhenExhausted(true);
        return new JedisPooled(JedisURIHelper.getHostAndPort(url), client, pool);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    HealthIndicator redisHealthIndicator(JedisPooled jedis, RedisClientProperties properties) {
        return new RedisHealthIndicator(jedis, RedisUrls.redacted(properties.url()), HEALTH_PING_INTERVAL);
    }
}
