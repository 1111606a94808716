package dev.vigil.alerting.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.alerting.AlertingTestApplication;
import dev.vigil.platform.id.TimeOrderedIds;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-user alert lock on the real database: a second transaction for the same user waits until the first
 * ends; another user's does not wait.
 */
@SpringBootTest(classes = AlertingTestApplication.class)
class JdbcUserAlertLockIntegrationTests {

    @Autowired
    JdbcUserAlertLock lock;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSecondTransactionOfTheSameUserWaitsUntilTheFirstEnds() throws Exception {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            secondTransactionWaits(threads);
        }
    }

    private void secondTransactionWaits(ExecutorService threads) throws Exception {
        UUID userId = TimeOrderedIds.next();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            lock.lock(userId);
            lock.lock(userId); // re-entrant: a policy batch may raise several alerts of one user
            held.countDown();
            await(release);
        }), threads);
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> sameUser = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(
                status -> lock.lock(userId)), threads);
        CompletableFuture<Void> otherUser = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(
                status -> lock.lock(TimeOrderedIds.next())), threads);

        otherUser.get(10, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> waitingForAdvisoryLocks() == 1);
        assertThat(sameUser).as("waits while the first transaction holds the lock").isNotDone();

        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        sameUser.get(10, TimeUnit.SECONDS);
    }

    /** Sessions of this test's database that PostgreSQL shows waiting for an advisory lock. */
    private long waitingForAdvisoryLocks() {
        return jdbc.sql("""
                        SELECT count(*) FROM pg_locks
                        WHERE locktype = 'advisory' AND NOT granted
                          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""")
                .query(Long.class).single();
    }

    @Test
    void refusesToLockOutsideATransactionWhereTheLockWouldEndAtOnce() {
        assertThatThrownBy(() -> lock.lock(TimeOrderedIds.next()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside the transaction");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
