package dev.vigil.platform.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Turns {@link DatabaseProperties} into a HikariCP pool. Session settings travel in the startup
 * packet ({@code options}), so they hold from the first statement without an extra round trip.
 */
final class HikariPools {

    private HikariPools() {
    }

    static HikariDataSource create(DatabaseProperties properties) {
        return new HikariDataSource(config(properties));
    }

    static HikariConfig config(DatabaseProperties properties) {
        DatabaseProperties.Pool pool = properties.pool();
        HikariConfig config = new HikariConfig();
        config.setPoolName(pool.name());
        config.setJdbcUrl(properties.url());
        config.setUsername(properties.username());
        config.setPassword(properties.password());
        config.setMaximumPoolSize(pool.maximumPoolSize());
        config.setMinimumIdle(pool.minimumIdle());
        config.setConnectionTimeout(pool.connectionTimeout().toMillis());
        config.setIdleTimeout(pool.idleTimeout().toMillis());
        config.setMaxLifetime(pool.maxLifetime().toMillis());
        config.setKeepaliveTime(pool.keepaliveTime().toMillis());
        config.setLeakDetectionThreshold(pool.leakDetectionThreshold().toMillis());

        config.addDataSourceProperty("ApplicationName", "vigil");
        config.addDataSourceProperty("options", "-c statement_timeout=" + properties.statementTimeout().toMillis()
                + " -c idle_in_transaction_session_timeout=" + properties.idleInTransactionTimeout().toMillis());
        config.addDataSourceProperty("connectTimeout", Math.max(1, properties.connectTimeout().toSeconds()));
        config.addDataSourceProperty("socketTimeout", Math.max(1, properties.socketTimeout().toSeconds()));
        config.addDataSourceProperty("tcpKeepAlive", true);
        config.addDataSourceProperty("reWriteBatchedInserts", true);
        if (properties.prepareThreshold() != null) {
            config.addDataSourceProperty("prepareThreshold", properties.prepareThreshold());
        }
        return config;
    }
}
