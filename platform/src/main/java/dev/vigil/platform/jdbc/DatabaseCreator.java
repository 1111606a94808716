package dev.vigil.platform.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the configured database when it does not exist yet ({@code vigil.datasource.create-if-missing}: the
 * development servers and the seeder), so "run the service" works on a fresh PostgreSQL without a manual
 * {@code createdb}. It asks the server's maintenance database, never the missing one, so the server logs no
 * {@code FATAL: database does not exist} on the way.
 */
final class DatabaseCreator {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCreator.class);
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String EXISTS = "/* platform.database_exists */ SELECT 1 FROM pg_database WHERE datname = ?";

    private DatabaseCreator() {
    }

    static void ensureExists(String url, String username, String password) {
        String database = JdbcUrls.database(url);
        String maintenanceUrl = JdbcUrls.withDatabase(url, "postgres");
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, username, password)) {
            if (!exists(connection, database)) {
                create(connection, database);
                log.info("event=database_created database={} server={}", database, JdbcUrls.hostAndPort(url));
            }
        } catch (SQLException e) {
            // the pool reports an unreachable server or a refused login with its own, fuller message
            log.debug("event=database_check_skipped database={} reason=\"{}\"", database, e.getMessage());
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(EXISTS)) {
            statement.setString(1, database);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void create(Connection connection, String database) throws SQLException {
        if (!PLAIN_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Refusing to create database with unusual name '" + database + "'");
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("/* platform.create_database */ CREATE DATABASE " + database);
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw new IllegalStateException("Could not create database " + database + ": " + e.getMessage(), e);
            }
        }
    }
}
