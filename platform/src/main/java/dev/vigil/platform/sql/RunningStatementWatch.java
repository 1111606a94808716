package dev.vigil.platform.sql;

import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.SlowQueryListener;

/**
 * datasource-proxy's watch over running statements: one reported while it still runs, the moment it crosses
 * the alert threshold, so a statement stuck for minutes alerts before it ends (or never ends).
 */
final class RunningStatementWatch extends SlowQueryListener implements AutoCloseable {

    private final SlowStatementReporter reporter;

    RunningStatementWatch(SlowStatementReporter reporter) {
        this.reporter = reporter;
        setThreshold(reporter.thresholds().alertAfter().toMillis());
        setThresholdTimeUnit(TimeUnit.MILLISECONDS);
        if (getExecutor() instanceof ScheduledThreadPoolExecutor scheduler) {
            scheduler.setRemoveOnCancelPolicy(true); // a finished statement's check leaves the queue at once
        }
    }

    @Override
    protected void onSlowQuery(ExecutionInfo execution, List<QueryInfo> queries, long startTime) {
        reporter.stillRunning(execution, queries);
    }

    @Override
    public void close() {
        getExecutor().shutdownNow();
    }
}
