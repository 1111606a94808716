package dev.vigil.platform.sql;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private static final String ORIGIN = "vigil.origin";
    private static final String ALERTED = "vigil.alerted";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

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

    /** Called on the statement's thread before it runs. */
    void starting(ExecutionInfo execution) {
        execution.addCustomValue(ORIGIN, StatementOrigin.current());
        execution.addCustomValue(ALERTED, new AtomicBoolean());
    }

    /** Called from the watch's thread when a statement has been running for the alert threshold. */
    void stillRunning(ExecutionInfo execution, List<QueryInfo> queries, long runningMillis) {
        if (claimAlert(execution)) {
            report(true, "running", execution, queries, runningMillis, true);
        }
    }

    /** Called on the statement's thread once it has finished. */
    void finished(ExecutionInfo execution, List<QueryInfo> queries) {
        long elapsedMillis = execution.getElapsedTime();
        if (elapsedMillis <= thresholds.warnAfter().toMillis()) {
            return;
        }
        boolean alert = elapsedMillis > thresholds.alertAfter().toMillis();
        // an alert already counted while the statement ran is logged again with its full duration, not recounted
        boolean count = !alert || claimAlert(execution);
        report(alert, "finished", execution, queries, elapsedMillis, count);
    }

    private void report(boolean alert, String state, ExecutionInfo execution, List<QueryInfo> queries, long millis,
            boolean count) {
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
        StatementOrigin origin = execution.getCustomValue(ORIGIN, StatementOrigin.class);
        long threshold = (alert ? thresholds.alertAfter() : thresholds.warnAfter()).toMillis();
        String line = "slow_statement state={} level={} name={} duration_ms={} threshold_ms={} origin=\"{}\" "
                + "request_id={} success={} params={} sql=\"{}\"";
        Object[] values = {state, level, name, millis, threshold, origin == null ? "-" : origin.origin(),
                origin == null ? "-" : origin.requestId(), state.equals("running") ? "-" : execution.isSuccess(),
                MaskedSql.parameterTypes(queries), MaskedSql.ofQueries(queries)};
        if (alert) {
            log.error(line, values);
        } else {
            log.warn(line, values);
        }
    }

    private static boolean claimAlert(ExecutionInfo execution) {
        AtomicBoolean alerted = execution.getCustomValue(ALERTED, AtomicBoolean.class);
        return alerted == null || alerted.compareAndSet(false, true);
    }
}
