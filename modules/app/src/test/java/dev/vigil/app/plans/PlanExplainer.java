package dev.vigil.app.plans;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Runs {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)} on a captured statement with its captured parameters, on a
 * connection of its own (outside the service's pool, so the EXPLAIN is not captured itself). With
 * {@code prepareThreshold=0} every EXPLAIN is planned with the values bound, as a one-off statement is.
 */
final class PlanExplainer implements AutoCloseable {

    private final Connection connection;
    private final ObjectMapper json = new ObjectMapper();

    PlanExplainer(SeededDatabase database) throws SQLException {
        this.connection = database.connect();
        connection.unwrap(org.postgresql.PGConnection.class).setPrepareThreshold(0);
    }

    ExplainedPlan explain(CapturedStatement captured) {
        try (PreparedStatement statement = connection.prepareStatement(
                "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + captured.sql())) {
            captured.bindTo(statement);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return ExplainedPlan.of(captured.name(), json.readTree(result.getString(1)));
            }
        } catch (Exception e) {
            throw new IllegalStateException("EXPLAIN of " + captured.name() + " failed: " + captured.sql(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
