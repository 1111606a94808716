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
 * Watches every statement for slowness: one still running at the alert threshold is reported while it runs (a
 * statement stuck for minutes alerts before it ends, or if it never does), and one that took longer than the
 * warn threshold is reported when it ends.
 * <p>
 * A statement costs one small record, one map insert and one removal; one thread looks over the (at most
 * pool-sized) map every {@link #CHECK_INTERVAL}. datasource-proxy's own {@code SlowQueryListener} schedules a
 * task per statement instead, which measured 30 times more per statement here (docs/ops/slow-queries.md).
 */
final class SlowStatementWatch implements QueryExecutionListener, AutoCloseable {

    static final Duration CHECK_INTERVAL = Duration.ofMillis(50);

    private final SlowStatementReporter reporter;
    private final long alertAfterNanos;
    private final ConcurrentMap<ExecutionInfo, Running> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("vigil-sql-watch").daemon().factory());

    SlowStatementWatch(SlowStatementReporter reporter) {
        this.reporter = reporter;
        this.alertAfterNanos = reporter.thresholds().alertAfter().toNanos();
        checker.scheduleWithFixedDelay(this::reportOverdue, CHECK_INTERVAL.toMillis(), CHECK_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        // who runs it is noted now: a report made from the checker's thread cannot find out
        running.put(execution, new Running(System.nanoTime(), queries, StatementOrigin.current()));
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        // gone from the map: the checker took it, and has reported and counted it while it ran
        boolean reportedWhileRunning = running.remove(execution) == null;
        reporter.finished(execution, queries, reportedWhileRunning);
    }

    private void reportOverdue() {
        long now = System.nanoTime();
        running.forEach((execution, statement) -> {
            long elapsed = now - statement.startedNanos();
            // remove() claims the report: the statement's end then knows it was already counted
            if (elapsed >= alertAfterNanos && running.remove(execution, statement)) {
                reporter.stillRunning(statement.queries(), statement.origin(), TimeUnit.NANOSECONDS.toMillis(elapsed));
            }
        });
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }

    private record Running(long startedNanos, List<QueryInfo> queries, StatementOrigin origin) {
    }
}
