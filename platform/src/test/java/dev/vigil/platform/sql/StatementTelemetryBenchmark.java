package dev.vigil.platform.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.ChainListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the interception layer every statement passes through costs. Against the real PostgreSQL, one short
 * statement on a pooled connection: straight through HikariCP ({@code pool}), through datasource-proxy with no
 * listener ({@code proxyOnly}), and through Vigil's layer ({@code intercepted}: the proxy with the db.query
 * timer on a Prometheus registry, per-request counting, the slow-statement log and the running-statement
 * watch). Without a database, Vigil's listeners alone for one statement ({@code listenersOnly}).
 * Run by {@link StatementTelemetryOverheadBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StatementTelemetryBenchmark {

    private static final String SQL = "/* platform.benchmark */ SELECT ?::int + 1";

    private HikariDataSource pool;
    private StatementTelemetry telemetry;
    private DataSource proxyOnly;
    private DataSource intercepted;
    private ChainListener listeners;
    private List<QueryInfo> queries;

    @Setup
    public void pools() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(System.getProperty("vigil.benchmark.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/postgres"));
        config.setUsername(System.getProperty("vigil.benchmark.jdbc-user", "postgres"));
        config.setMaximumPoolSize(2);
        config.setPoolName("benchmark");
        pool = new HikariDataSource(config);
        telemetry = new StatementTelemetry(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                new SlowStatementProperties(Duration.ofMillis(500), Duration.ofSeconds(1)));
        proxyOnly = ProxyDataSourceBuilder.create("benchmark", pool).build();
        intercepted = telemetry.wrap(pool, "benchmark");
        listeners = telemetry.listeners();
        QueryInfo query = new QueryInfo("/* alerting.alert_page */ SELECT alert_id FROM alerting.alert_feed "
                + "WHERE user_id = ? AND (created_at, alert_id) < (?, ?) ORDER BY created_at DESC, alert_id DESC LIMIT ?");
        query.getParametersList().add(List.of(
                parameter(1, UUID.randomUUID()), parameter(2, java.sql.Timestamp.from(java.time.Instant.now())),
                parameter(3, UUID.randomUUID()), parameter(4, 51)));
        queries = List.of(query);
    }

    @TearDown
    public void close() {
        telemetry.close();
        pool.close();
    }

    @Benchmark
    public int pool() throws SQLException {
        return run(pool);
    }

    @Benchmark
    public int proxyOnly() throws SQLException {
        return run(proxyOnly);
    }

    @Benchmark
    public int intercepted() throws SQLException {
        return run(intercepted);
    }

    @Benchmark
    public ExecutionInfo listenersOnly() {
        ExecutionInfo execution = new ExecutionInfo();
        execution.setDataSourceName("benchmark");
        listeners.beforeQuery(execution, queries);
        execution.setElapsedTime(1);
        execution.setSuccess(true);
        listeners.afterQuery(execution, queries);
        return execution;
    }

    private static int run(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setInt(1, 41);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static ParameterSetOperation parameter(int index, Object value) {
        return new ParameterSetOperation(null, new Object[] {index, value});
    }
}
