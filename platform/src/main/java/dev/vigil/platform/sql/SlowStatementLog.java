package dev.vigil.platform.sql;

import java.util.List;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/** Reports every statement that finished over the warn threshold; notes each statement's origin first. */
final class SlowStatementLog implements QueryExecutionListener {

    private final SlowStatementReporter reporter;

    SlowStatementLog(SlowStatementReporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        reporter.starting(execution);
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        reporter.finished(execution, queries);
    }
}
