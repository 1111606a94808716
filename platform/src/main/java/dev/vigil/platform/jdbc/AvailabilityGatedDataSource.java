package dev.vigil.platform.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The primary pool as everyone uses it: while {@link DatabaseAvailability} knows the database is down, a connection
 * request fails at once instead of waiting out the pool's connection timeout; a connection request that fails for
 * another reason asks it to look again now rather than at its next probe.
 */
final class AvailabilityGatedDataSource extends DelegatingDataSource {

    /** Resolved on first use: the availability watch is built from this data source's own pool. */
    private final ObjectProvider<DatabaseAvailability> availabilityProvider;
    private volatile DatabaseAvailability availability;

    AvailabilityGatedDataSource(DataSource pool, ObjectProvider<DatabaseAvailability> availability) {
        super(pool);
        this.availabilityProvider = availability;
    }

    @Override
    public Connection getConnection() throws SQLException {
        DatabaseAvailability watch = availability();
        if (watch != null) {
            watch.checkAvailable();
        }
        try {
            return super.getConnection();
        } catch (SQLException e) {
            if (watch != null) {
                watch.suspect();
            }
            throw e;
        }
    }

    private DatabaseAvailability availability() {
        DatabaseAvailability watch = availability;
        if (watch == null) {
            watch = availabilityProvider.getIfAvailable();
            availability = watch;
        }
        return watch;
    }
}
