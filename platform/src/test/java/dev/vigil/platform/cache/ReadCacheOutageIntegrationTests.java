package dev.vigil.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.platform.PlatformTestApplication;
import dev.vigil.platform.redis.RedisClientProperties;
import dev.vigil.platform.testing.ExpectedLogs;
import dev.vigil.platform.testing.RedisRelay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * A second cache, on its own client, reaching the real Redis through a relay the tests can take away, freeze
 * and bring back. (Same context configuration as {@link ReadCacheIntegrationTests}, so the context is shared.)
 */
@SpringBootTest(classes = PlatformTestApplication.class)
@AutoConfigureMockMvc
class ReadCacheOutageIntegrationTests {

    private static final Duration BACKOFF = Duration.ofSeconds(1);
    private static final Duration SOCKET_TIMEOUT = Duration.ofMillis(200);
    private static final CacheSpace PAGES = new CacheSpace("test.outage-pages", Duration.ofMinutes(1));

    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.from(GuardedRedis.class, ReadCache.class,
            MissedInvalidations.class);

    @Autowired
    RedisClientProperties redis;

    @Autowired
    ObjectMapper json;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final int relayPort = RedisRelay.freePort();
    private final UUID user = UUID.randomUUID();
    private final AtomicInteger loads = new AtomicInteger();
    private JedisPooled client;
    private ReadCache cache;
    private RedisRelay relay;

    @BeforeEach
    void cacheBehindTheRelay() {
        URI url = redis.url();
        DefaultJedisClientConfig config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) SOCKET_TIMEOUT.toMillis())
                .socketTimeoutMillis((int) SOCKET_TIMEOUT.toMillis())
                .database(JedisURIHelper.getDBIndex(url))
                .user(JedisURIHelper.getUser(url))
                .password(JedisURIHelper.getPassword(url))
                .build();
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(4);
        pool.setMaxWait(Duration.ofMillis(100));
        client = new JedisPooled(new HostAndPort("127.0.0.1", relayPort), config, pool);
        cache = new ReadCache(client, redis.keyPrefix() + "outage:", new ReadCacheProperties(true, BACKOFF), json, meters);
    }

    @AfterEach
    void closeRelayAndClient() throws IOException {
        if (relay != null) {
            relay.close();
        }
        client.close();
    }

    @Test
    void whileRedisIsUnreachableReadsAreServedByTheLoaderAndCountedAsErrors() {
        assertThat(read("page")).isEqualTo("page, load 1");
        assertThat(requests("error")).isEqualTo(1);
        assertThat(redisRoundTrips("read", "error")).isEqualTo(1);
        assertThat(bypassed()).isEqualTo(1);

        // within the back-off, Redis is not even tried
        assertThat(read("page")).isEqualTo("page, load 2");
        assertThat(requests("error")).isEqualTo(2);
        assertThat(redisRoundTrips("read", "error")).isEqualTo(1);
        assertThat(skipped("read")).isEqualTo(1);
        logs.assertLogged(Level.WARN, "Redis read failed");
    }

    @Test
    void theCacheComesBackByItselfAfterTheBackoff() throws Exception {
        read("page");
        relay = RedisRelay.start(relayPort, redisAddress());

        Thread.sleep(BACKOFF.plusMillis(100));
        assertThat(read("page")).isEqualTo("page, load 2"); // the probe: Redis answers, nothing cached yet
        assertThat(read("page")).isEqualTo("page, load 2"); // a hit
        assertThat(loads).hasValue(2);
        assertThat(requests("hit")).isEqualTo(1);
        assertThat(bypassed()).isZero();
        logs.assertLogged(Level.WARN, "Redis read failed");
        logs.assertLogged(Level.INFO, "Redis answers again");
    }

    @Test
    void aRedisThatStopsAnsweringCostsOneSocketTimeoutAndIsThenSkipped() throws Exception {
        relay = RedisRelay.start(relayPort, redisAddress());
        read("page");
        assertThat(read("page")).isEqualTo("page, load 1");

        relay.freeze();
        long started = System.nanoTime();
        assertThat(read("page")).isEqualTo("page, load 2");
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(waited).isBetween(SOCKET_TIMEOUT.minusMillis(50), Duration.ofSeconds(2));
        assertThat(requests("error")).isEqualTo(1);

        assertThat(read("page")).isEqualTo("page, load 3");
        assertThat(redisRoundTrips("read", "error")).isEqualTo(1);
        logs.assertLogged(Level.WARN, "Redis read failed");
    }

    @Test
    void aStoreThatFailsIsCountedAndTheReadStillSucceeds() throws Exception {
        relay = RedisRelay.start(relayPort, redisAddress());
        String value = cache.get(PAGES, user, "page", String.class, () -> {
            closeRelay(); // Redis goes away between the read that missed and the store
            return "loaded";
        });
        assertThat(value).isEqualTo("loaded");
        assertThat(requests("miss")).isEqualTo(1);
        assertThat(redisRoundTrips("store", "error")).isEqualTo(1);
        assertThat(bypassed()).isEqualTo(1);
        logs.assertLogged(Level.WARN, "Redis store failed");
    }

    @Test
    void aFailedInvalidationIsLoggedAndNeverThrows() {
        cache.invalidate(PAGES, user);
        cache.invalidate(PAGES, user);

        assertThat(redisRoundTrips("invalidate", "error")).isEqualTo(1);
        assertThat(skipped("invalidate")).isEqualTo(1);
        logs.assertLogged(Level.WARN, "Redis invalidate failed");
        logs.assertLogged(Level.WARN, "Could not invalidate cache space test.outage-pages for user " + user
                + ": its reads bypass Redis until Redis answers again and the invalidation is replayed");
    }

    @Test
    void anInvalidationMissedDuringAnOutageIsReplayedWhenRedisReturnsAndNoStaleEntryIsServed() throws Exception {
        relay = RedisRelay.start(relayPort, redisAddress());
        read("page");
        assertThat(read("page")).as("cached").isEqualTo("page, load 1");

        closeRelay();
        cache.invalidate(PAGES, user); // the data changed, and Redis did not hear of it
        relay = RedisRelay.start(relayPort, redisAddress());

        List<String> served = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            served.add(read("page"));
            int last = served.size() - 1;
            return last > 0 && served.get(last).equals(served.get(last - 1)); // a hit again
        });
        assertThat(served).as("never the entry cached before the invalidation").doesNotContain("page, load 1");
        logs.assertLogged(Level.WARN, "Redis invalidate failed");
        logs.assertLogged(Level.WARN, "Could not invalidate cache space test.outage-pages for user " + user);
        logs.assertLogged(Level.INFO, "Replayed 1 cache invalidations missed while Redis was unreachable");
    }

    private String read(String entryKey) {
        return cache.get(PAGES, user, entryKey, String.class, () -> entryKey + ", load " + loads.incrementAndGet());
    }

    private InetSocketAddress redisAddress() {
        return RedisRelay.addressOf(redis.url());
    }

    private void closeRelay() {
        try {
            relay.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private double requests(String result) {
        Counter counter = meters.find(CacheMetrics.REQUESTS).tags("space", PAGES.name(), "result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    private long redisRoundTrips(String operation, String outcome) {
        Timer timer = meters.find(CacheMetrics.REDIS).tags("operation", operation, "outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private double skipped(String operation) {
        Counter counter = meters.find(CacheMetrics.SKIPPED).tags("operation", operation).counter();
        return counter == null ? 0 : counter.count();
    }

    private double bypassed() {
        Gauge gauge = meters.find(CacheMetrics.BYPASSED).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }
}
