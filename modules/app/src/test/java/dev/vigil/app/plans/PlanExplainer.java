package dev.vigil.app.plans;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)} on a captured statement with its captured parameters, on a
 * connection of its own (outside the service's pool, so the EXPLAIN is not captured itself). With
 * {@code prepareThreshold=0} every EXPLAIN is planned with the values bound, as a one-off statement is.
 */
final class PlanExplainer implements AutoCloseable {

    /** The plan, the rows of every node and the buffers they touched. */
    static final String PLAN_WITH_BUFFERS = "ANALYZE, BUFFERS, FORMAT JSON";
    /** The execution time alone, without the cost of timing every node (for benchmarks). */
    static final String EXECUTION_TIME = "ANALYZE, TIMING OFF, SUMMARY ON, FORMAT JSON";

    private final Connection connection;
    private final String options;
    private final ObjectMapper json = new ObjectMapper();

    PlanExplainer(Connection connection, String options) throws SQLException {
        this.connection = connection;
        this.options = options;
        connection.unwrap(org.postgresql.PGConnection.class).setPrepareThreshold(0);
    }

    ExplainedPlan explain(CapturedStatement captured) {
        try (PreparedStatement statement = connection.prepareStatement(
                "EXPLAIN (" + options + ") " + captured.sql())) {
            captured.bindTo(statement);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return ExplainedPlan.of(captured.name(), json.readTree(result.getString(1)));
            }
        } catch (Exception e) {
            throw new IllegalStateException("EXPLAIN of " + captured.name() + " failed: " + captured.sql(), e);
        }
    }

    /** The generic plan: what a server-prepared statement may run once PostgreSQL stops planning it per execution. */
    ExplainedPlan explainGeneric(CapturedStatement captured) {
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                statement.execute(GenericPlans.prepare("plans_generic", captured));
                try (ResultSet result = statement.executeQuery("EXPLAIN (" + options + ") "
                        + GenericPlans.execute("plans_generic", captured))) {
                    result.next();
                    return ExplainedPlan.of(captured.name(), json.readTree(result.getString(1)));
                }
            } finally {
                connection.rollback(); // ends SET LOCAL; DEALLOCATE is not transactional, so do it too
                statement.execute("DEALLOCATE ALL");
                connection.setAutoCommit(true);
            }
        } catch (Exception e) {
            throw new IllegalStateException("generic EXPLAIN of " + captured.name() + " failed: " + captured.sql(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
