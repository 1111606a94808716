package dev.vigil.platform.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import redis.clients.jedis.JedisPooled;

/**
 * The {@code redis} component: what the last PING, sent every {@code interval} on a thread of its own, got back, so
 * a health request never waits on a hung Redis. Vigil serves every read without Redis, so while Redis does not answer
 * the component is {@link #DEGRADED}, which the health endpoint answers with 200 (docs/reliability.md, "Probes"),
 * and readiness leaves it out: a Redis outage must not take every instance out of its load balancer.
 */
final class RedisHealthIndicator implements HealthIndicator, AutoCloseable {

    /** Redis does not answer; the cache is bypassed and reads go to PostgreSQL. */
    static final Status DEGRADED = new Status("DEGRADED", "Redis does not answer; reads go to PostgreSQL");

    private record Verdict(Health health, Instant since) {
    }

    private final JedisPooled jedis;
    private final String address;
    private final Duration interval;
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("vigil-redis-health").daemon().factory());
    private volatile Verdict last;

    RedisHealthIndicator(JedisPooled jedis, String address, Duration interval) {
        this.jedis = jedis;
        this.address = address;
        this.interval = interval;
        this.last = new Verdict(Health.unknown().withDetail("address", address).build(), Instant.now());
    }

    void start() {
        pinger.scheduleWithFixedDelay(this::ping, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Health health() {
        Verdict verdict = last;
        return Health.status(verdict.health().getStatus()).withDetails(verdict.health().getDetails())
                .withDetail("since", verdict.since().toString()).build();
    }

    /** Sends one PING and keeps what it got (also what the schedule runs). */
    void ping() {
        Health health;
        try {
            health = Health.up().withDetail("address", address).withDetail("reply", jedis.ping()).build();
        } catch (RuntimeException e) {
            health = Health.status(DEGRADED).withDetail("address", address)
                    .withDetail("error", String.valueOf(e.getMessage())).build();
        }
        Verdict previous = last;
        last = new Verdict(health, health.getStatus().equals(previous.health().getStatus()) ? previous.since() : Instant.now());
    }

    @Override
    public void close() {
        pinger.shutdownNow();
    }
}
