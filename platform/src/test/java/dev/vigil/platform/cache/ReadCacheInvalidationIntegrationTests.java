package dev.vigil.platform.cache;

import static dev.vigil.platform.cache.Loaders.mustNotRun;
import static dev.vigil.platform.cache.Loaders.slow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.platform.PlatformTestApplication;
import dev.vigil.platform.redis.RedisClientProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.JedisPooled;

/** Invalidation, and the guard against a value loaded before an invalidation landing after it. */
@SpringBootTest(classes = PlatformTestApplication.class)
@AutoConfigureMockMvc // the same context as ReadCacheIntegrationTests
class ReadCacheInvalidationIntegrationTests {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Autowired
    ReadCache cache;

    @Autowired
    JedisPooled jedis;

    @Autowired
    RedisClientProperties redis;

    @Autowired
    MeterRegistry meters;

    @Autowired
    PlatformTransactionManager transactions;

    private final UUID user = UUID.randomUUID();

    @Test
    void afterAnInvalidationTheTtlCountsFromTheNextFirstWrite() {
        CacheSpace space = new CacheSpace("test.ttl-after-invalidation", MINUTE);
        String namespace = namespace(space, user);
        cache.get(space, user, "first", String.class, () -> "one");
        cache.invalidate(space, user);
        jedis.pexpire(namespace, 30_000); // the invalidation's generation has been waiting for a while

        cache.get(space, user, "first", String.class, () -> "one again");
        assertThat(jedis.pttl(namespace)).isGreaterThan(MINUTE.toMillis() - 5_000);
        jedis.pexpire(namespace, 20_000);
        cache.get(space, user, "second", String.class, () -> "two");
        assertThat(jedis.pttl(namespace)).isLessThanOrEqualTo(20_000);
    }

    @Test
    void invalidationDropsEveryEntryOfThatUserInThatSpaceAndNothingElse() {
        CacheSpace pages = new CacheSpace("test.invalidation-pages", MINUTE);
        CacheSpace profile = new CacheSpace("test.invalidation-profile", MINUTE);
        UUID other = UUID.randomUUID();
        cache.get(pages, user, "page:1", String.class, () -> "p1");
        cache.get(pages, user, "page:2", String.class, () -> "p2");
        cache.get(profile, user, "profile", String.class, () -> "me");
        cache.get(pages, other, "page:1", String.class, () -> "their p1");

        cache.invalidate(pages, user);

        assertThat(cache.get(pages, user, "page:1", String.class, () -> "p1 fresh")).isEqualTo("p1 fresh");
        assertThat(cache.get(pages, user, "page:2", String.class, () -> "p2 fresh")).isEqualTo("p2 fresh");
        assertThat(cache.get(profile, user, "profile", String.class, mustNotRun())).isEqualTo("me");
        assertThat(cache.get(pages, other, "page:1", String.class, mustNotRun())).isEqualTo("their p1");
    }

    @Test
    void aValueLoadedBeforeAnInvalidationIsServedButNotStored() {
        CacheSpace space = new CacheSpace("test.race-empty", MINUTE);
        assertRaceLosesTheStaleValue(space);
        assertThat(counter(CacheMetrics.STORES, "space", space.name(), "result", "superseded")).isEqualTo(1);
    }

    @Test
    void aValueLoadedBeforeAnInvalidationIsNotStoredBesideExistingEntries() {
        CacheSpace space = new CacheSpace("test.race-populated", MINUTE);
        cache.get(space, user, "other-page", String.class, () -> "other");
        assertRaceLosesTheStaleValue(space);
    }

    @Test
    void aValueLoadedBeforeASecondInvalidationIsNotStored() {
        CacheSpace space = new CacheSpace("test.race-reinvalidated", MINUTE);
        cache.invalidate(space, user);
        assertRaceLosesTheStaleValue(space);
    }

    @Test
    void aLoadSlowerThanHalfTheTtlIsServedButNotStored() {
        CacheSpace space = new CacheSpace("test.slow-load", Duration.ofSeconds(1));
        assertThat(cache.get(space, user, "page", String.class, slow(Duration.ofMillis(600), () -> "slow")))
                .isEqualTo("slow");
        assertThat(cache.get(space, user, "page", String.class, () -> "again")).isEqualTo("again");
        assertThat(counter(CacheMetrics.STORES, "space", space.name(), "result", "too_slow")).isEqualTo(1);
    }

    @Test
    void invalidateAfterCommitWaitsForTheCommitAndInvalidatesEachNamespaceOnce() {
        CacheSpace space = new CacheSpace("test.after-commit", MINUTE);
        cache.get(space, user, "page", String.class, () -> "before");
        long invalidations = invalidations();

        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            cache.invalidateAfterCommit(space, user);
            cache.invalidateAfterCommit(space, user);
            cache.invalidateAfterCommit(space, user);
            assertThat(cache.get(space, user, "page", String.class, mustNotRun())).isEqualTo("before");
        });

        assertThat(invalidations()).isEqualTo(invalidations + 1);
        assertThat(cache.get(space, user, "page", String.class, () -> "after")).isEqualTo("after");
    }

    @Test
    void invalidateAfterCommitDoesNothingOnRollback() {
        CacheSpace space = new CacheSpace("test.rollback", MINUTE);
        cache.get(space, user, "page", String.class, () -> "unchanged");

        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            cache.invalidateAfterCommit(space, user);
            transaction.setRollbackOnly();
        });

        assertThat(cache.get(space, user, "page", String.class, mustNotRun())).isEqualTo("unchanged");
    }

    @Test
    void invalidateAfterCommitOutsideATransactionInvalidatesAtOnce() {
        CacheSpace space = new CacheSpace("test.no-transaction", MINUTE);
        cache.get(space, user, "page", String.class, () -> "before");
        cache.invalidateAfterCommit(space, user);
        assertThat(cache.get(space, user, "page", String.class, () -> "after")).isEqualTo("after");
    }

    /** Load, then (while the load is still running) the read model changes and invalidates; then the store. */
    private void assertRaceLosesTheStaleValue(CacheSpace space) {
        String served = cache.get(space, user, "page", String.class, () -> {
            cache.invalidate(space, user); // a projection committed a change after this load read the database
            return "stale";
        });
        assertThat(served).isEqualTo("stale");
        assertThat(cache.get(space, user, "page", String.class, () -> "fresh")).isEqualTo("fresh");
        assertThat(cache.get(space, user, "page", String.class, mustNotRun())).isEqualTo("fresh");
    }

    private long invalidations() {
        Timer timer = meters.find(CacheMetrics.REDIS).tags("operation", "invalidate", "outcome", "success").timer();
        return timer == null ? 0 : timer.count();
    }

    private String namespace(CacheSpace space, UUID userId) {
        return redis.keyPrefix() + "cache:" + space.name() + ":" + userId;
    }

    private double counter(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
