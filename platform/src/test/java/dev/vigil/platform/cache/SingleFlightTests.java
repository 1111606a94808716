package dev.vigil.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
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
        List<Caller> followers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            followers.add(Caller.start(() -> flights.run("k", () -> "value " + runs.incrementAndGet())));
        }
        awaitWaiting(followers);
        release.countDown();

        assertThat(leader.get(5, TimeUnit.SECONDS)).isEqualTo("value 1");
        for (Caller follower : followers) {
            assertThat(follower.result().get(5, TimeUnit.SECONDS)).isEqualTo("value 1");
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
        Caller follower = Caller.start(() -> flights.run("k", () -> "never"));
        awaitWaiting(List.of(follower));
        release.countDown();

        assertThatThrownBy(() -> leader.get(5, TimeUnit.SECONDS)).cause().isSameAs(failure);
        assertThatThrownBy(() -> follower.result().get(5, TimeUnit.SECONDS)).cause().isSameAs(failure);
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

    /**
     * Until every caller's thread is parked: the only place a caller of a running flight parks is its wait for
     * the leader's result, so each has joined the flight.
     */
    private static void awaitWaiting(List<Caller> callers) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> callers.stream()
                .allMatch(caller -> caller.thread().getState() == Thread.State.WAITING));
    }

    /** A caller on a thread of its own, so the test can see where it waits. */
    private record Caller(Thread thread, FutureTask<String> result) {

        static Caller start(Callable<String> call) {
            FutureTask<String> result = new FutureTask<>(call);
            return new Caller(Thread.ofVirtual().start(result), result);
        }
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
