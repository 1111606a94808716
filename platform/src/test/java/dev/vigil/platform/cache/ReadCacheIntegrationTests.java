package dev.vigil.platform.cache;

import static dev.vigil.platform.cache.Loaders.mustNotRun;
import static dev.vigil.platform.cache.Loaders.slow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.vigil.platform.PlatformTestApplication;
import dev.vigil.platform.redis.RedisClientProperties;
import dev.vigil.platform.sql.RequestStatements;
import dev.vigil.platform.testing.ExpectedLogs;
import dev.vigil.platform.testing.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import redis.clients.jedis.JedisPooled;

/** Read-through: hits, misses, the statement budget, isolation, key layout, TTL, JSON and single-flight. */
@SpringBootTest(classes = PlatformTestApplication.class)
@AutoConfigureMockMvc
class ReadCacheIntegrationTests {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.from(ReadCache.class);

    @Autowired
    ReadCache cache;

    @Autowired
    JedisPooled jedis;

    @Autowired
    RedisClientProperties redis;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MockMvc mvc;

    private final UUID user = UUID.randomUUID();

    @Test
    void aMissLoadsAndStoresAndAHitNeverCallsTheLoader() {
        CacheSpace space = new CacheSpace("test.hit-miss", MINUTE);
        assertThat(cache.get(space, user, "profile", String.class, () -> "Ada")).isEqualTo("Ada");
        assertThat(cache.get(space, user, "profile", String.class, mustNotRun())).isEqualTo("Ada");
        assertThat(cache.get(space, user, "profile", String.class, mustNotRun())).isEqualTo("Ada");

        assertThat(requests(space, "miss")).isEqualTo(1);
        assertThat(requests(space, "hit")).isEqualTo(2);
        assertThat(requests(space, "error")).isZero();
        assertThat(counter(CacheMetrics.LOADS, "space", space.name())).isEqualTo(1);
    }

    @Test
    void aHitRunsNoSqlStatementAndAMissRunsOne() throws Exception {
        MvcResult miss = probe(user);
        MvcResult hit = probe(user);

        assertThat(miss.getRequest().getAttribute(RequestStatements.REQUEST_ATTRIBUTE)).isEqualTo(1);
        assertThat(hit.getRequest().getAttribute(RequestStatements.REQUEST_ATTRIBUTE)).isEqualTo(0);
        assertThat(hit.getResponse().getContentAsString()).isEqualTo(miss.getResponse().getContentAsString());
    }

    @Test
    void oneUsersEntriesAreNeverServedToAnother() throws Exception {
        UUID other = UUID.randomUUID();
        CacheSpace space = new CacheSpace("test.isolation", MINUTE);
        cache.get(space, user, "page:1", String.class, () -> "mine");

        assertThat(cache.get(space, other, "page:1", String.class, () -> "theirs")).isEqualTo("theirs");
        assertThat(cache.get(space, user, "page:1", String.class, mustNotRun())).isEqualTo("mine");

        probe(user);
        probe(other); // answers with the other user's own greeting, not the one just cached
    }

    @Test
    void eachSpaceAndUserIsOneHashWithAFieldPerEntry() {
        CacheSpace space = new CacheSpace("test.layout", MINUTE);
        cache.get(space, user, "page:first", String.class, () -> "one");
        cache.get(space, user, "page:second", String.class, () -> "two");

        String namespace = redis.keyPrefix() + "cache:test.layout:" + user;
        assertThat(jedis.hgetAll(namespace)).isEqualTo(Map.of("e:page:first", "\"one\"", "e:page:second", "\"two\""));
    }

    @Test
    void theTtlCountsFromTheFirstWriteAndLaterWritesNeverExtendIt() {
        CacheSpace space = new CacheSpace("test.ttl", MINUTE);
        String namespace = namespace(space, user);
        cache.get(space, user, "first", String.class, () -> "one");
        assertThat(jedis.pttl(namespace)).isBetween(MINUTE.toMillis() / 2, MINUTE.toMillis());

        jedis.pexpire(namespace, 30_000); // as if 30 seconds had passed
        cache.get(space, user, "second", String.class, () -> "two");
        assertThat(jedis.pttl(namespace)).isLessThanOrEqualTo(30_000);
    }

    @Test
    void entriesExpireAfterTheirTtl() {
        CacheSpace space = new CacheSpace("test.expiry", Duration.ofSeconds(1));
        String namespace = namespace(space, user);
        cache.get(space, user, "page", String.class, () -> "old");
        assertThat(jedis.pttl(namespace)).isBetween(1L, 1_000L);
        // Redis expires it on its own clock; the bound only limits a hang
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !jedis.exists(namespace));
        assertThat(cache.get(space, user, "page", String.class, () -> "new")).isEqualTo("new");
    }

    @Test
    void concurrentMissesForOneEntryRunTheLoaderOnce() throws Exception {
        CacheSpace space = new CacheSpace("test.single-flight", MINUTE);
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> readers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 64; i++) {
                readers.add(threads.submit(() -> {
                    start.await();
                    return cache.get(space, user, "page", String.class,
                            slow(Duration.ofMillis(300), () -> "page, load " + loads.incrementAndGet()));
                }));
            }
            start.countDown();
            for (Future<String> reader : readers) {
                assertThat(reader.get(30, TimeUnit.SECONDS)).isEqualTo("page, load 1");
            }
        }
        assertThat(loads).hasValue(1);
        assertThat(counter(CacheMetrics.LOADS, "space", space.name())).isEqualTo(1);
    }

    @Test
    void aFailedLoadReachesTheCallerAndIsNotCached() {
        CacheSpace space = new CacheSpace("test.failed-load", MINUTE);
        IllegalStateException failure = new IllegalStateException("statement timeout");
        assertThatThrownBy(() -> cache.get(space, user, "page", String.class, () -> {
            throw failure;
        })).isSameAs(failure);
        assertThat(cache.get(space, user, "page", String.class, () -> "loaded")).isEqualTo("loaded");
    }

    @Test
    void genericValuesOptionalsAndNullRoundTripThroughJson() {
        CacheSpace space = new CacheSpace("test.json", MINUTE);
        List<AlertRow> page = List.of(new AlertRow(UUID.randomUUID(), "Password found in a breach",
                Instant.now().truncatedTo(ChronoUnit.MICROS)), new AlertRow(UUID.randomUUID(), "New data broker", Instant.EPOCH));
        TypeReference<List<AlertRow>> rows = new TypeReference<>() {
        };
        cache.get(space, user, "alerts", rows, () -> page);
        assertThat(cache.get(space, user, "alerts", rows, mustNotRun())).isEqualTo(page);

        assertThat(cache.get(space, user, "missing", AlertRow.class, () -> null)).isNull();
        assertThat(cache.get(space, user, "missing", AlertRow.class, mustNotRun())).isNull();

        // query services answer Optional: "not found" is cached too
        TypeReference<Optional<AlertRow>> maybeRow = new TypeReference<>() {
        };
        cache.get(space, user, "row:present", maybeRow, () -> Optional.of(page.get(0)));
        cache.get(space, user, "row:absent", maybeRow, Optional::empty);
        assertThat(cache.get(space, user, "row:present", maybeRow, mustNotRun())).contains(page.get(0));
        assertThat(cache.get(space, user, "row:absent", maybeRow, mustNotRun())).isEmpty();
    }

    @Test
    void anEntryThatNoLongerReadsAsItsTypeIsLoadedAgainAndOverwritten() {
        CacheSpace space = new CacheSpace("test.unreadable", MINUTE);
        String namespace = namespace(space, user);
        jedis.hset(namespace, "e:row", "{\"id\": \"not a uuid\"}"); // written by an older version of the type
        AlertRow row = new AlertRow(UUID.randomUUID(), "title", Instant.EPOCH);

        assertThat(cache.get(space, user, "row", AlertRow.class, () -> row)).isEqualTo(row);
        assertThat(cache.get(space, user, "row", AlertRow.class, mustNotRun())).isEqualTo(row);
        assertThat(jedis.pttl(namespace)).isPositive();
        logs.assertLogged(Level.WARN, "Cached entry row in space test.unreadable does not read as");
    }

    private MvcResult probe(UUID caller) throws Exception {
        return mvc.perform(get("/api/v1/cache-probe").header(HttpHeaders.AUTHORIZATION, TestTokens.user(caller)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(caller.toString()))
                .andExpect(jsonPath("$.text").value("hello " + caller))
                .andReturn();
    }

    private String namespace(CacheSpace space, UUID userId) {
        return redis.keyPrefix() + "cache:" + space.name() + ":" + userId;
    }

    private double requests(CacheSpace space, String result) {
        return counter(CacheMetrics.REQUESTS, "space", space.name(), "result", result);
    }

    private double counter(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    record AlertRow(UUID id, String title, Instant createdAt) {
    }
}
