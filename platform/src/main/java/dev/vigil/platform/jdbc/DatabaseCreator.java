package dev.vigil.platform.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the configured database when it does not exist yet; used only for the development servers,
 * where "run the service" must work on a fresh PostgreSQL without a manual {@code createdb}.
 */
final class DatabaseCreator {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCreator.class);
    private static final String INVALID_CATALOG_NAME = "3D000";
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private DatabaseCreator() {
    }

    static void ensureExists(DatabaseProperties properties) {
        try (Connection ignored = DriverManager.getConnection(
                properties.url(), properties.username(), properties.password())) {
            return;
        } catch (SQLException e) {
            if (!INVALID_CATALOG_NAME.equals(e.getSQLState())) {
                return; // the pool reports other failures with its own, fuller message
            }
        }
        String database = JdbcUrls.database(properties.url());
        if (!PLAIN_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Refusing to create database with unusual name '" + database + "'");
        }
        String maintenanceUrl = JdbcUrls.withDatabase(properties.url(), "postgres");
        try (Connection connection = DriverManager.getConnection(
                        maintenanceUrl, properties.username(), properties.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
            log.info("event=database_created database={} server={}", database, JdbcUrls.hostAndPort(maintenanceUrl));
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw new IllegalStateException("Could not create database " + database + ": " + e.getMessage(), e);
            }
        }
    }
}
