package dev.vigil.platform.sql;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.listener.ChainListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * The listeners every statement passes through, and the datasource-proxy wrapper that installs them around
 * the pool: timing ({@code db.query}), per-request counting, and slow-statement reports (logged, counted,
 * and watched while they run). Closing it stops the watch's thread.
 */
public final class StatementTelemetry implements AutoCloseable {

    private final StatementMetricsListener metrics;
    private final SlowStatementWatch slowStatements;

    public StatementTelemetry(MeterRegistry meters, SlowStatementProperties slow) {
        SlowStatementReporter reporter = new SlowStatementReporter(slow, meters);
        this.metrics = new StatementMetricsListener(meters);
        this.slowStatements = new SlowStatementWatch(reporter);
    }

    public DataSource wrap(DataSource pool, String name) {
        return wrap(pool, name, List.of());
    }

    /** The same, with more listeners after Vigil's own (one proxy, however many listen). */
    public DataSource wrap(DataSource pool, String name, List<QueryExecutionListener> more) {
        ChainListener chain = listeners();
        more.forEach(chain::addListener);
        return ProxyDataSourceBuilder.create(name, pool).listener(chain).build();
    }

    /** Every listener, in the order they see a statement. */
    ChainListener listeners() {
        ChainListener chain = new ChainListener();
        chain.addListener(slowStatements);
        chain.addListener(metrics);
        return chain;
    }

    @Override
    public void close() {
        slowStatements.close();
    }
}
