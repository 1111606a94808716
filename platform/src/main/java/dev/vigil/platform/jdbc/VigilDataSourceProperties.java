package dev.vigil.platform.jdbc;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;
import org.springframework.validation.annotation.Validated;

/**
 * Vigil's settings of its database connections, beside Spring's own: where the database is and the pool are
 * {@code spring.datasource.*} and {@code spring.datasource.hikari.*}. Each of these becomes a PostgreSQL JDBC
 * driver property of the pool, so it is set here and nowhere else. Every default is explained in docs/pooling.md.
 *
 * @param statementTimeout server-side {@code statement_timeout} of every pooled session
 * @param lockTimeout server-side {@code lock_timeout} of every pooled session: how long a statement waits for a lock
 *        another session holds (a migration's, an operator's {@code LOCK TABLE}) before it fails with 55P03 and the
 *        request answers 503 {@code timeout}. Short, so a locked table holds a few connections for a moment rather
 *        than every connection for the statement timeout (docs/reliability.md, "Bulkheads")
 * @param idleInTransactionTimeout server-side {@code idle_in_transaction_session_timeout}
 * @param connectTimeout TCP connect timeout of the driver
 * @param socketTimeout driver read timeout: the backstop when the network, not the query, hangs
 * @param prepareThreshold pgjdbc's server-prepare threshold; 0 behind PgBouncer older than 1.21
 * @param createIfMissing create the database on first start (the development servers and the seeder set it)
 */
@Validated
@ConfigurationProperties("vigil.datasource")
public record VigilDataSourceProperties(
        @DefaultValue("5s") @NotNull Duration statementTimeout,
        @DefaultValue("500ms") @NotNull Duration lockTimeout,
        @DefaultValue("30s") @NotNull Duration idleInTransactionTimeout,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("30s") @NotNull Duration socketTimeout,
        @Nullable @PositiveOrZero Integer prepareThreshold,
        @DefaultValue("false") boolean createIfMissing) {

    /** The driver properties these settings own, and the setting that says each. */
    static final Map<String, String> DRIVER_PROPERTY_SETTINGS = Map.of(
            "options", "vigil.datasource.statement-timeout, .lock-timeout and .idle-in-transaction-timeout",
            "connectTimeout", "vigil.datasource.connect-timeout",
            "socketTimeout", "vigil.datasource.socket-timeout",
            "prepareThreshold", "vigil.datasource.prepare-threshold");

    public VigilDataSourceProperties {
        if (socketTimeout.compareTo(statementTimeout) <= 0) {
            throw new IllegalArgumentException("vigil.datasource.socket-timeout (" + socketTimeout
                    + ") must exceed vigil.datasource.statement-timeout (" + statementTimeout
                    + "), or the driver gives up before the server cancels the query");
        }
    }

    /**
     * The pgjdbc properties that carry these settings. The session settings travel in the start-up packet
     * ({@code options}), so they hold from the first statement without an extra round trip. Every value is a
     * string: HikariCP hands its data-source properties to the driver as they are, and pgjdbc reads only string
     * values ({@code Properties.getProperty}), dropping any other without a word.
     */
    Map<String, String> driverProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("options", "-c statement_timeout=" + statementTimeout.toMillis()
                + " -c lock_timeout=" + lockTimeout.toMillis()
                + " -c idle_in_transaction_session_timeout=" + idleInTransactionTimeout.toMillis());
        properties.put("connectTimeout", String.valueOf(Math.max(1, connectTimeout.toSeconds())));
        properties.put("socketTimeout", String.valueOf(Math.max(1, socketTimeout.toSeconds())));
        if (prepareThreshold != null) {
            properties.put("prepareThreshold", prepareThreshold.toString());
        }
        return properties;
    }
}
