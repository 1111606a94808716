package dev.vigil.platform.sql;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Times every statement into {@code db.query{name, outcome}} and counts it against the current request.
 * A batch counts as one round trip.
 */
final class StatementMetricsListener implements QueryExecutionListener {

    private final MeterRegistry meters;
    private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();

    StatementMetricsListener(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        // nothing: timing comes from datasource-proxy's own measurement
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        RequestStatements.add(1);
        String name = queries.isEmpty() ? StatementNames.UNNAMED : StatementNames.of(queries.get(0).getQuery());
        String outcome = execution.isSuccess() ? "success" : "error";
        timers.computeIfAbsent(name + '|' + outcome, key -> Timer.builder("db.query")
                        .description("SQL statements by name (their leading comment)")
                        .tag("name", name)
                        .tag("outcome", outcome)
                        .publishPercentileHistogram()
                        .register(meters))
                .record(execution.getElapsedTime(), TimeUnit.MILLISECONDS);
    }
}
