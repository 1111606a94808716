package dev.vigil.app.plans;

import java.lang.reflect.InvocationTargetException;
import java.sql.PreparedStatement;
import java.util.List;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;

/**
 * A statement exactly as the service sent it: its text and the parameter setter calls made on its
 * {@link PreparedStatement}, which {@link #bindTo} repeats on another statement (an EXPLAIN of the same text).
 */
record CapturedStatement(String name, String sql, List<ParameterSetOperation> parameters) {

    void bindTo(PreparedStatement statement) {
        for (ParameterSetOperation operation : parameters) {
            try {
                operation.getMethod().invoke(statement, operation.getArgs());
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot repeat " + operation.getMethod().getName() + " of " + name, e);
            }
        }
    }
}
