package dev.vigil.platform.axon;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.beans.factory.DisposableBean;

/**
 * The worker threads all pooled processors share. Not exposed as an executor bean, so Spring's scheduling
 * never mistakes it for the application's task scheduler.
 */
final class ProjectionWorkers implements DisposableBean {

    private final ScheduledExecutorService executor;

    ProjectionWorkers(int threads) {
        this.executor = Executors.newScheduledThreadPool(threads,
                Thread.ofPlatform().name("vigil-projection-", 0).daemon().factory());
    }

    ScheduledExecutorService executor() {
        return executor;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
