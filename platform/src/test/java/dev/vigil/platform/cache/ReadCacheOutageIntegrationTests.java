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
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * The cache's back-off runs on the test's clock, so no test waits for it or depends on how fast the machine is;
 * the client's socket timeout is generous except where a test measures it.
 */
@SpringBootTest(classes = PlatformTestApplication.class)
@AutoConfigureMockMvc
class ReadCacheOutageIntegrationTests {

    private static final Duration BACKOFF = Duration.ofSeconds(1);
    /** Only a hang reaches it: a relay that is down resets connections at once. */
    private static final Duration GENEROUS_TIMEOUT = Duration.ofSeconds(10);
    /** What a Redis that stopped answering costs, in the one test that measures it. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(1);
    private static final CacheSpace PAGES = new CacheSpace("test.outage-pages", Duration.ofMinutes(1));

    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.from(GuardedRedis.class, ReadCache.class,
            MissedInvalidations.class);

    @Autowired
    RedisClientProperties redis;

    @Autowired
    ObjectMapper json;

    private final UUID user = UUID.randomUUID();
    private final AtomicInteger loads = new AtomicInteger();
    /** The cache's clock: only the test moves it. */
    private final AtomicLong now = new AtomicLong(System.nanoTime());
    private RedisRelay relay;
    private JedisPooled client;
    private ReadCache cache;
    private SimpleMeterRegistry meters;

    @BeforeEach
    void cacheBehindTheRelay() throws IOException {
        relay = RedisRelay.start(RedisRelay.addressOf(redis.url()));
        useClientWithSocketTimeout(GENEROUS_TIMEOUT);
    }

    /** A new client and cache (with meters of its own, as its gauges read it) behind the relay. */
    private void useClientWithSocketTimeout(Duration timeout) {
        if (client != null) {
            client.close();
        }
        meters = new SimpleMeterRegistry();
        URI url = redis.url();
        DefaultJedisClientConfig config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) timeout.toMillis())
                .socketTimeoutMillis((int) timeout.toMillis())
                .database(JedisURIHelper.getDBIndex(url))
                .user(JedisURIHelper.getUser(url))
                .password(JedisURIHelper.getPassword(url))
                .build();
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(4);
        pool.setMaxWait(GENEROUS_TIMEOUT);
        client = new JedisPooled(new HostAndPort("127.0.0.1", relay.port()), config, pool);
        cache = new ReadCache(client, redis.keyPrefix() + "outage:", new ReadCacheProperties(true, BACKOFF), json, meters,
                now::get);
    }

    @AfterEach
    void closeRelayAndClient() throws IOException {
        relay.close();
        client.close();
    }

    @Test
    void whileRedisIsUnreachableReadsAreServedByTheLoaderAndCountedAsErrors() {
        relay.takeDown();
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
    void theCacheComesBackByItselfAfterTheBackoff() {
        relay.takeDown();
        read("page");
        relay.bringBack();

        now.addAndGet(BACKOFF.toNanos());
        assertThat(read("page")).isEqualTo("page, load 2"); // the probe: Redis answers, nothing cached yet
        assertThat(read("page")).isEqualTo("page, load 2"); // a hit
        assertThat(loads).hasValue(2);
        assertThat(requests("hit")).isEqualTo(1);
        assertThat(bypassed()).isZero();
        logs.assertLogged(Level.WARN, "Redis read failed");
        logs.assertLogged(Level.INFO, "Redis answers again");
    }

    @Test
    void aRedisThatStopsAnsweringCostsOneSocketTimeoutAndIsThenSkipped() {
        useClientWithSocketTimeout(SOCKET_TIMEOUT);
        String cached = servedFromRedis("page");
        double errors = requests("error");
        long failedReads = redisRoundTrips("read", "error");

        relay.freeze();
        long started = System.nanoTime();
        assertThat(read("page")).isNotEqualTo(cached);
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(waited).isBetween(SOCKET_TIMEOUT.minusMillis(50), SOCKET_TIMEOUT.plus(GENEROUS_TIMEOUT));
        assertThat(requests("error")).isEqualTo(errors + 1);

        read("page"); // within the back-off: Redis is not tried
        assertThat(requests("error")).isEqualTo(errors + 2);
        assertThat(redisRoundTrips("read", "error")).isEqualTo(failedReads + 1);
        logs.assertLogged(Level.WARN, "Redis read failed");
    }

    @Test
    void aStoreThatFailsIsCountedAndTheReadStillSucceeds() {
        String value = cache.get(PAGES, user, "page", String.class, () -> {
            relay.takeDown(); // Redis goes away between the read that missed and the store
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
        relay.takeDown();
        cache.invalidate(PAGES, user);
        cache.invalidate(PAGES, user);

        assertThat(redisRoundTrips("invalidate", "error")).isEqualTo(1);
        assertThat(skipped("invalidate")).isEqualTo(1);
        logs.assertLogged(Level.WARN, "Redis invalidate failed");
        logs.assertLogged(Level.WARN, "Could not invalidate cache space test.outage-pages for user " + user
                + ": its reads bypass Redis until Redis answers again and the invalidation is replayed");
    }

    @Test
    void anInvalidationMissedDuringAnOutageIsReplayedWhenRedisReturnsAndNoStaleEntryIsServed() {
        read("page");
        assertThat(read("page")).as("cached").isEqualTo("page, load 1");

        relay.takeDown();
        cache.invalidate(PAGES, user); // the data changed, and Redis did not hear of it
        relay.bringBack();
        now.addAndGet(BACKOFF.toNanos()); // the next read starts the replay, in the background

        List<String> served = new ArrayList<>();
        Awaitility.await().atMost(GENEROUS_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            served.add(read("page"));
            int last = served.size() - 1;
            return last > 0 && served.get(last).equals(served.get(last - 1)); // a hit again
        });
        assertThat(served).as("never the entry cached before the invalidation").doesNotContain("page, load 1");
        logs.assertLogged(Level.WARN, "Redis invalidate failed");
        logs.assertLogged(Level.WARN, "Could not invalidate cache space test.outage-pages for user " + user);
        logs.assertLogged(Level.INFO, "Replayed 1 cache invalidations missed while Redis was unreachable");
    }

    /**
     * Reads the entry until Redis serves it: a round trip the machine made slower than the short socket timeout
     * costs another try after the back-off, not the test.
     */
    private String servedFromRedis(String entryKey) {
        return Awaitility.await().atMost(GENEROUS_TIMEOUT).until(() -> {
            now.addAndGet(BACKOFF.toNanos());
            String first = read(entryKey);
            return read(entryKey).equals(first) ? first : null; // every load gives a new value: equal is a hit
        }, value -> value != null);
    }

    private String read(String entryKey) {
        return cache.get(PAGES, user, entryKey, String.class, () -> entryKey + ", load " + loads.incrementAndGet());
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
