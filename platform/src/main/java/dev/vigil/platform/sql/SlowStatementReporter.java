package dev.vigil.platform.sql;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the slow-statement log lines (logger {@code vigil.sql.slow}, one key=value line each) and counts
 * {@code db.query.slow{name, level}}. A statement over the alert threshold is counted once at
 * {@code level=alert}, by whichever comes first: the report while it still runs, or its end.
 */
final class SlowStatementReporter {

    static final String METER = "db.query.slow";
    static final String LOGGER = "vigil.sql.slow";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final String LINE = "slow_statement state={} level={} name={} duration_ms={} threshold_ms={} "
            + "origin=\"{}\" request_id={} success={} params={} sql=\"{}\"";

    private final SlowStatementProperties thresholds;
    private final MeterRegistry meters;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

    SlowStatementReporter(SlowStatementProperties thresholds, MeterRegistry meters) {
        this.thresholds = thresholds;
        this.meters = meters;
    }

    SlowStatementProperties thresholds() {
        return thresholds;
    }

    /** From the watch's thread: a statement has been running for the alert threshold. */
    void stillRunning(List<QueryInfo> queries, StatementOrigin origin, long runningMillis) {
        report(true, "running", "-", queries, origin, runningMillis, true);
    }

    /**
     * On the statement's thread, once it has ended.
     *
     * @param reportedWhileRunning it was reported and counted as an alert while it ran: it is logged again with
     *        its full duration, not counted again
     */
    void finished(ExecutionInfo execution, List<QueryInfo> queries, boolean reportedWhileRunning) {
        long elapsedMillis = execution.getElapsedTime();
        if (!reportedWhileRunning && elapsedMillis <= thresholds.warnAfter().toMillis()) {
            return;
        }
        boolean alert = reportedWhileRunning || elapsedMillis > thresholds.alertAfter().toMillis();
        report(alert, "finished", execution.isSuccess(), queries, StatementOrigin.current(), elapsedMillis,
                !reportedWhileRunning);
    }

    private void report(boolean alert, String state, Object success, List<QueryInfo> queries,
            StatementOrigin origin, long millis, boolean count) {
        String name = queries.isEmpty() ? StatementNames.UNNAMED : StatementNames.of(queries.get(0).getQuery());
        String level = alert ? "alert" : "warn";
        if (count) {
            counters.computeIfAbsent(name + '|' + level, key -> Counter.builder(METER)
                    .description("Statements slower than vigil.sql.slow.warn-after (level=warn) or "
                            + "vigil.sql.slow.alert-after (level=alert), by name")
                    .tag("name", name)
                    .tag("level", level)
                    .register(meters)).increment();
        }
        long threshold = (alert ? thresholds.alertAfter() : thresholds.warnAfter()).toMillis();
        Object[] values = {state, level, name, millis, threshold, origin.describe(), origin.requestIdOrDash(),
                success, MaskedSql.parameterTypes(queries), MaskedSql.ofQueries(queries)};
        if (alert) {
            log.error(LINE, values);
        } else {
            log.warn(LINE, values);
        }
    }
}
