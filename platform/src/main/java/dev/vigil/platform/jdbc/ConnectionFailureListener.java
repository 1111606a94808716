package dev.vigil.platform.jdbc;

import java.util.List;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Tells {@link DatabaseAvailability} at once when a statement fails the way a vanishing database makes it fail (the
 * server shutting down, the connection broken), usually well before its next probe: requests that would otherwise
 * wait for connections the pool can no longer make are refused from then on.
 */
final class ConnectionFailureListener implements QueryExecutionListener {

    private final ObjectProvider<DatabaseAvailability> availability;

    ConnectionFailureListener(ObjectProvider<DatabaseAvailability> availability) {
        this.availability = availability;
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        if (!execution.isSuccess() && DatabaseAvailability.isConnectionFailure(execution.getThrowable())) {
            availability.ifAvailable(DatabaseAvailability::suspect);
        }
    }
}
