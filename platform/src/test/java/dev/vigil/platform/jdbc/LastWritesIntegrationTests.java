package dev.vigil.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.platform.redis.RedisBackoff;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/** The writers' positions in the machine's Redis (127.0.0.1:6379), under a key prefix of their own. */
class LastWritesIntegrationTests {

    private final String prefix = "vigil-test:last-writes:" + UUID.randomUUID() + ":";
    private final JedisPooled redis = new JedisPooled("127.0.0.1", 6379);
    private final LastWrites lastWrites = new LastWrites(redis, prefix, Duration.ofSeconds(60), backoff());

    @AfterEach
    void deleteKeysAndClose() {
        redis.keys(prefix + "*").forEach(redis::del);
        redis.close();
    }

    @Test
    void aUserWithoutWritesHasNone() {
        assertThat(lastWrites.of(UUID.randomUUID())).isZero();
    }

    @Test
    void anOlderPositionRecordedLaterDoesNotLowerTheUsersLastWrite() {
        UUID user = UUID.randomUUID();
        assertThat(lastWrites.record(user, Lsn.parse("1/2000"))).isTrue();
        lastWrites.record(user, Lsn.parse("1/1000"));
        assertThat(lastWrites.of(user)).isEqualTo(Lsn.parse("1/2000"));
        lastWrites.record(user, Lsn.parse("2/0"));
        assertThat(lastWrites.of(user)).isEqualTo(Lsn.parse("2/0"));
    }

    @Test
    void aPositionIsForgottenAfterTheWriteMemory() {
        UUID user = UUID.randomUUID();
        lastWrites.record(user, 42);
        assertThat(redis.pttl(prefix + "replica:write-lsn:" + user)).isBetween(1L, 60_000L);
    }

    @Test
    void afterAFailedCallReadsLeaveRedisAloneForTheBackOffButWritesAreStillRecorded() {
        UUID user = UUID.randomUUID();
        lastWrites.record(user, 42);
        RedisBackoff failedJustNow = new RedisBackoff(Duration.ofHours(1), System::nanoTime);
        failedJustNow.failed();
        LastWrites backingOff = new LastWrites(redis, prefix, Duration.ofSeconds(60), failedJustNow);

        assertThat(backingOff.of(user)).as("Redis holds 42, but is not asked").isEqualTo(LastWrites.UNKNOWN);
        // a write is always recorded: skipped, its writer would read a standby without it once the back-off ended
        assertThat(backingOff.record(user, 43)).isTrue();
        assertThat(lastWrites.of(user)).isEqualTo(43);
    }

    @Test
    void whenRedisDoesNotAnswerTheLastWriteIsUnknownSoTheReadStaysOnThePrimary() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (JedisPooled unreachable = new JedisPooled(new HostAndPort("127.0.0.1", closedPort),
                DefaultJedisClientConfig.builder().connectionTimeoutMillis(500).build())) {
            LastWrites blind = new LastWrites(unreachable, prefix, Duration.ofSeconds(60), backoff());
            assertThat(blind.record(UUID.randomUUID(), 42)).isFalse();
            assertThat(blind.of(UUID.randomUUID())).isEqualTo(LastWrites.UNKNOWN);
        }
    }

    private static RedisBackoff backoff() {
        return new RedisBackoff(Duration.ofSeconds(1), System::nanoTime);
    }
}
