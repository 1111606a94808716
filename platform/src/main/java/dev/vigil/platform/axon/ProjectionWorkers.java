package dev.vigil.platform.axon;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.beans.factory.DisposableBean;

/**
 * The threads of this instance's projections: the workers all pooled processors share, one coordinator thread per
 * processor and the instance heartbeat ({@link ProjectionInstances}). Not exposed as executor beans, so Spring's
 * scheduling never mistakes one for the application's task scheduler. Owning them all also lets a test stop this
 * instance's projections dead, as a crash would, without releasing a claim ({@link #halt}).
 */
final class ProjectionWorkers implements DisposableBean {

    private final ScheduledExecutorService executor;
    private final ScheduledExecutorService heartbeat;
    private final List<ScheduledExecutorService> coordinators = new CopyOnWriteArrayList<>();

    ProjectionWorkers(int threads) {
        this.executor = Executors.newScheduledThreadPool(threads,
                Thread.ofPlatform().name("vigil-projection-", 0).daemon().factory());
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("vigil-projection-heartbeat").daemon().factory());
    }

    ScheduledExecutorService executor() {
        return executor;
    }

    ScheduledExecutorService heartbeat() {
        return heartbeat;
    }

    /** The coordinator thread of one processor (Axon's default would make the same, out of reach). */
    ScheduledExecutorService coordinator(String processorName) {
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("vigil-coordinator-" + processorName).daemon().factory());
        coordinators.add(coordinator);
        return coordinator;
    }

    /**
     * Stops every projection thread at once, mid-work, so nothing more reaches the database: no claim is released
     * or extended and the heartbeat stops. What a crashed instance looks like to the others (tests only).
     */
    void halt() {
        heartbeat.shutdownNow();
        coordinators.forEach(ScheduledExecutorService::shutdownNow);
        executor.shutdownNow();
    }

    @Override
    public void destroy() {
        halt();
    }
}
