package dev.vigil.platform.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

/**
 * Suspends the pool while the database is gone and resumes it when it is back. Suspended, HikariCP stops its attempts
 * to connect, whose back-off would have grown to 5 s, and resuming fills the pool at once: requests find connections
 * within moments of the database's return instead of after the back-off. Nothing asks a suspended pool for a
 * connection ({@link AvailabilityGatedDataSource} refuses first); one that slipped past the gate as the database went
 * gets a failure rather than a wait ({@code com.zaxxer.hikari.throwIfSuspended}, set with the pool's
 * {@code allow-pool-suspension} in datasource-defaults.properties and {@link PoolingConfiguration}).
 */
final class SuspendedWhileUnavailable implements DatabaseAvailability.Listener {

    private final HikariDataSource pool;

    SuspendedWhileUnavailable(HikariDataSource pool) {
        this.pool = pool;
    }

    @Override
    public void unavailable() {
        HikariPoolMXBean running = pool.getHikariPoolMXBean();
        if (running != null && pool.isAllowPoolSuspension()) {
            running.suspendPool();
        }
    }

    @Override
    public void available() {
        HikariPoolMXBean running = pool.getHikariPoolMXBean();
        if (running != null && pool.isAllowPoolSuspension()) {
            running.resumePool();
        }
    }
}
