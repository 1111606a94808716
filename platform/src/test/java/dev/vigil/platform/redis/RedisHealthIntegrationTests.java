package dev.vigil.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.platform.PlatformTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import redis.clients.jedis.JedisPooled;

@SpringBootTest(classes = PlatformTestApplication.class)
class RedisHealthIntegrationTests {

    @Autowired
    JedisPooled jedis;

    @Autowired
    @Qualifier("redisHealthIndicator")
    HealthIndicator health;

    @Autowired
    HttpCodeStatusMapper statusCodes;

    @Test
    void aDegradedRedisLeavesHealthAt200WhileDownAndOutOfServiceStay503ForLoadBalancers() {
        assertThat(statusCodes.getStatusCode(RedisHealthIndicator.DEGRADED)).isEqualTo(200);
        assertThat(statusCodes.getStatusCode(Status.UP)).isEqualTo(200);
        assertThat(statusCodes.getStatusCode(Status.DOWN)).isEqualTo(503);
        assertThat(statusCodes.getStatusCode(Status.OUT_OF_SERVICE)).isEqualTo(503);
    }

    @Test
    void reportsUpWhenRedisAnswers() {
        await().until(() -> health.health().getStatus().equals(Status.UP));
        assertThat(health.health().getDetails()).containsEntry("reply", "PONG");
    }

    @Test
    void reportsDegradedWithoutCredentialsWhenRedisIsUnreachable() {
        RedisClientProperties unreachable = new RedisClientProperties(java.net.URI.create("redis://:secret@127.0.0.1:1/0"),
                java.time.Duration.ofMillis(200), java.time.Duration.ofMillis(200), "x:",
                new RedisClientProperties.Pool(1, 1, 0, java.time.Duration.ofMillis(100)));
        try (JedisPooled client = new RedisConfiguration().jedis(unreachable)) {
            RedisHealthIndicator indicator = new RedisHealthIndicator(client, RedisUrls.redacted(unreachable.url()),
                    java.time.Duration.ofHours(1));
            indicator.ping();
            assertThat(indicator.health().getStatus()).isEqualTo(RedisHealthIndicator.DEGRADED);
            assertThat(indicator.health().getDetails().toString()).doesNotContain("secret");
        }
    }
}
