package dev.vigil.platform.testing;

import dev.vigil.platform.jdbc.JdbcUrls;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates and drops per-context test databases through the server's maintenance database.
 */
final class TestDatabases {

    private static final Pattern TEST_DATABASE = Pattern.compile("vigil_test_(\\d{14})_[0-9a-f]{6}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** A test database older than this belongs to a run that died without cleaning up. */
    private static final long ABANDONED_AFTER_HOURS = 12;

    private final String maintenanceUrl;
    private final String username;
    private final String password;

    TestDatabases(String serverUrl, String username, String password) {
        this.maintenanceUrl = JdbcUrls.withDatabase(serverUrl, "postgres");
        this.username = username;
        this.password = password;
    }

    void create(String name) {
        execute("CREATE DATABASE " + name);
    }

    void drop(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    void dropAbandoned() {
        LocalDateTime cutoff = LocalDateTime.now(ZoneOffset.UTC).minusHours(ABANDONED_AFTER_HOURS);
        List<String> abandoned = new ArrayList<>();
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'vigil_test_%'")) {
            while (rows.next()) {
                Matcher matcher = TEST_DATABASE.matcher(rows.getString(1));
                if (matcher.matches() && LocalDateTime.parse(matcher.group(1), STAMP).isBefore(cutoff)) {
                    abandoned.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list test databases: " + e.getMessage(), e);
        }
        abandoned.forEach(this::drop);
    }

    private void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database setup failed (" + sql + "): " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(maintenanceUrl, username, password);
    }
}
