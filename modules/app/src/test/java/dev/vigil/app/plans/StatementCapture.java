package dev.vigil.app.plans;

import dev.vigil.platform.sql.StatementNames;
import java.util.ArrayList;
import java.util.List;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Records the named statements the current thread runs between {@link #start()} and {@link #stop()}. MockMvc serves
 * a request on the test's own thread, so what it records is exactly the request's statements, never the event
 * processors' (which run on their own threads).
 */
final class StatementCapture implements QueryExecutionListener {

    private final ThreadLocal<List<CapturedStatement>> recording = new ThreadLocal<>();

    void start() {
        recording.set(new ArrayList<>());
    }

    List<CapturedStatement> stop() {
        List<CapturedStatement> captured = recording.get();
        recording.remove();
        return captured == null ? List.of() : captured;
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        List<CapturedStatement> captured = recording.get();
        if (captured == null || !execution.isSuccess()) {
            return;
        }
        for (QueryInfo query : queries) {
            String name = StatementNames.of(query.getQuery());
            if (name.equals(StatementNames.AXON) || name.equals(StatementNames.UNNAMED)) {
                continue;
            }
            // a prepared statement executed once has exactly one parameter list
            List<ParameterSetOperation> parameters = query.getParametersList().isEmpty() ? List.of()
                    : List.copyOf(query.getParametersList().getFirst());
            captured.add(new CapturedStatement(name, query.getQuery(), parameters));
        }
    }
}
