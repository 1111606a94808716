package dev.vigil.platform.jdbc;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;
import org.springframework.validation.annotation.Validated;

/**
 * Where the database is and how the pool talks to it. Every default is explained in docs/pooling.md.
 *
 * @param url JDBC URL ({@code VIGIL_DB_URL}); the development default is a local server
 * @param statementTimeout server-side {@code statement_timeout} of every pooled session
 * @param idleInTransactionTimeout server-side {@code idle_in_transaction_session_timeout}
 * @param connectTimeout TCP connect timeout of the driver
 * @param socketTimeout driver read timeout: the backstop when the network, not the query, hangs
 * @param prepareThreshold pgjdbc's server-prepare threshold; 0 behind PgBouncer older than 1.21
 * @param createIfMissing create the database on first start (set for the development servers only)
 */
@Validated
@ConfigurationProperties("vigil.db")
public record DatabaseProperties(
        @DefaultValue(DEFAULT_URL) @NotBlank String url,
        @DefaultValue("postgres") @NotBlank String username,
        @DefaultValue("postgres") String password,
        @DefaultValue("5s") @NotNull Duration statementTimeout,
        @DefaultValue("30s") @NotNull Duration idleInTransactionTimeout,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("30s") @NotNull Duration socketTimeout,
        @Nullable @PositiveOrZero Integer prepareThreshold,
        @DefaultValue("false") boolean createIfMissing,
        @DefaultValue @Valid Pool pool) {

    public static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/vigil";

    public DatabaseProperties {
        if (socketTimeout.compareTo(statementTimeout) <= 0) {
            throw new IllegalArgumentException(
                    "vigil.db.socket-timeout (" + socketTimeout + ") must exceed vigil.db.statement-timeout ("
                            + statementTimeout + "), or the driver gives up before the server cancels the query");
        }
    }

    /**
     * HikariCP settings of the one pool. Names follow HikariCP's own.
     */
    public record Pool(
            @DefaultValue("vigil-db") @NotBlank String name,
            @DefaultValue("20") @Min(1) @Max(200) int maximumPoolSize,
            @DefaultValue("20") @Min(0) int minimumIdle,
            @DefaultValue("2s") @NotNull Duration connectionTimeout,
            @DefaultValue("10m") @NotNull Duration idleTimeout,
            @DefaultValue("30m") @NotNull Duration maxLifetime,
            @DefaultValue("2m") @NotNull Duration keepaliveTime,
            @DefaultValue("20s") @NotNull Duration leakDetectionThreshold) {

        public Pool {
            require(minimumIdle <= maximumPoolSize, "vigil.db.pool.minimum-idle (" + minimumIdle
                    + ") must not exceed vigil.db.pool.maximum-pool-size (" + maximumPoolSize + ")");
            require(connectionTimeout.toMillis() >= 250, "vigil.db.pool.connection-timeout must be at least 250ms");
            require(maxLifetime.toSeconds() >= 30, "vigil.db.pool.max-lifetime must be at least 30s");
            require(keepaliveTime.isZero() || keepaliveTime.toSeconds() >= 30,
                    "vigil.db.pool.keepalive-time must be 0 (off) or at least 30s; HikariCP ignores shorter values");
            require(keepaliveTime.compareTo(maxLifetime) < 0,
                    "vigil.db.pool.keepalive-time must be shorter than vigil.db.pool.max-lifetime");
            require(leakDetectionThreshold.isZero() || leakDetectionThreshold.toSeconds() >= 2,
                    "vigil.db.pool.leak-detection-threshold must be 0 (off) or at least 2s");
            require(leakDetectionThreshold.compareTo(maxLifetime) < 0,
                    "vigil.db.pool.leak-detection-threshold must be shorter than vigil.db.pool.max-lifetime");
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
