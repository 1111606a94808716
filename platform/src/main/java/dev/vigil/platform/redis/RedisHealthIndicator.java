package dev.vigil.platform.redis;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import redis.clients.jedis.JedisPooled;

/**
 * UP when Redis answers PING. Vigil serves reads without Redis, so an operator may choose to leave
 * this component out of readiness; it still shows here so the outage is visible.
 */
final class RedisHealthIndicator implements HealthIndicator {

    private final JedisPooled jedis;
    private final String address;

    RedisHealthIndicator(JedisPooled jedis, String address) {
        this.jedis = jedis;
        this.address = address;
    }

    @Override
    public Health health() {
        try {
            String reply = jedis.ping();
            return Health.up().withDetail("address", address).withDetail("reply", reply).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("address", address).withDetail("error", e.getMessage()).build();
        }
    }
}
