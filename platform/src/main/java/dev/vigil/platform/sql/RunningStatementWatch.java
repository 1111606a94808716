package dev.vigil.platform.sql;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Watches running statements and reports each one, while it still runs, once it has run for the alert
 * threshold: a statement stuck for minutes alerts before it ends (or if it never does).
 * <p>
 * A statement costs one map insert and one removal; one thread looks over the (at most pool-sized) map every
 * {@link #CHECK_INTERVAL}. datasource-proxy's own {@code SlowQueryListener} schedules a task per statement
 * instead, which measured several microseconds per statement here (docs/ops/slow-queries.md).
 */
final class RunningStatementWatch implements QueryExecutionListener, AutoCloseable {

    static final Duration CHECK_INTERVAL = Duration.ofMillis(50);

    private final SlowStatementReporter reporter;
    private final long alertAfterNanos;
    private final ConcurrentMap<ExecutionInfo, Running> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("vigil-sql-watch").daemon().factory());

    RunningStatementWatch(SlowStatementReporter reporter) {
        this.reporter = reporter;
        this.alertAfterNanos = reporter.thresholds().alertAfter().toNanos();
        checker.scheduleWithFixedDelay(this::reportOverdue, CHECK_INTERVAL.toMillis(), CHECK_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        running.put(execution, new Running(System.nanoTime(), queries));
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        running.remove(execution);
    }

    private void reportOverdue() {
        long now = System.nanoTime();
        running.forEach((execution, statement) -> {
            long elapsed = now - statement.startedNanos();
            // remove() claims the report: the statement is reported once, and its end then finds nothing to remove
            if (elapsed >= alertAfterNanos && running.remove(execution, statement)) {
                reporter.stillRunning(execution, statement.queries(), TimeUnit.NANOSECONDS.toMillis(elapsed));
            }
        });
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }

    private record Running(long startedNanos, List<QueryInfo> queries) {
    }
}
