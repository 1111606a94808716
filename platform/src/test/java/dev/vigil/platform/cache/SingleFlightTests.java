package dev.vigil.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SingleFlightTests {

    private final SingleFlight<String, String> flights = new SingleFlight<>();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void callersThatArriveDuringAFlightShareItsResult() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch leaderRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> leader = threads.submit(() -> flights.run("k", () -> {
            leaderRunning.countDown();
            await(release);
            return "value " + runs.incrementAndGet();
        }));
        leaderRunning.await();
        List<Future<String>> followers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            followers.add(threads.submit(() -> flights.run("k", () -> "value " + runs.incrementAndGet())));
        }
        Thread.sleep(100); // let the followers reach the flight
        release.countDown();

        assertThat(leader.get(5, TimeUnit.SECONDS)).isEqualTo("value 1");
        for (Future<String> follower : followers) {
            assertThat(follower.get(5, TimeUnit.SECONDS)).isEqualTo("value 1");
        }
        assertThat(runs).hasValue(1);
    }

    @Test
    void aFinishedFlightIsNotReused() {
        AtomicInteger runs = new AtomicInteger();
        assertThat(flights.run("k", () -> "value " + runs.incrementAndGet())).isEqualTo("value 1");
        assertThat(flights.run("k", () -> "value " + runs.incrementAndGet())).isEqualTo("value 2");
    }

    @Test
    void theLeadersExceptionReachesEveryWaitingCallerUnwrapped() throws Exception {
        CountDownLatch leaderRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        IllegalStateException failure = new IllegalStateException("database down");
        Future<String> leader = threads.submit(() -> flights.run("k", () -> {
            leaderRunning.countDown();
            await(release);
            throw failure;
        }));
        leaderRunning.await();
        Future<String> follower = threads.submit(() -> flights.run("k", () -> "never"));
        Thread.sleep(100);
        release.countDown();

        assertThatThrownBy(() -> leader.get(5, TimeUnit.SECONDS)).cause().isSameAs(failure);
        assertThatThrownBy(() -> follower.get(5, TimeUnit.SECONDS)).cause().isSameAs(failure);
        assertThat(flights.run("k", () -> "after")).isEqualTo("after");
    }

    @Test
    void callersAfterADetachStartTheirOwnFlight() throws Exception {
        CountDownLatch leaderRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> leader = threads.submit(() -> flights.run("k", () -> {
            leaderRunning.countDown();
            await(release);
            return "before the change";
        }));
        leaderRunning.await();
        flights.detach(key -> key.equals("k"));

        assertThat(flights.run("k", () -> "after the change")).isEqualTo("after the change");
        release.countDown();
        assertThat(leader.get(5, TimeUnit.SECONDS)).isEqualTo("before the change");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
