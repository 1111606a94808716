package dev.vigil.app.plans;

import java.lang.reflect.InvocationTargetException;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;

/**
 * A statement exactly as the service sent it: its text and the parameter setter calls made on its
 * {@link PreparedStatement}, which {@link #bindTo} repeats on another statement (an EXPLAIN of the same text).
 */
record CapturedStatement(String name, String sql, List<ParameterSetOperation> parameters) {

    /**
     * The same statement with some bound values swapped (another user, another keyset position, another offset):
     * a value is replaced wherever it was bound, by equality.
     */
    CapturedStatement replacing(Map<Object, Object> values) {
        List<ParameterSetOperation> replaced = parameters.stream().map(operation -> {
            Object[] args = operation.getArgs().clone();
            if (args.length >= 2 && args[1] != null && values.containsKey(args[1])) {
                args[1] = values.get(args[1]);
            }
            return new ParameterSetOperation(operation.getMethod(), args);
        }).toList();
        return new CapturedStatement(name, sql, replaced);
    }

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
