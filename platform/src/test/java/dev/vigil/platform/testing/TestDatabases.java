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
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates and drops the databases tests make for themselves, through the server's maintenance database:
 * {@code vigil_<kind>_<time>_<random>}, so that builds running at once on one server never pick the same name.
 * A database of a run that died is dropped by a later run once it is old enough and nobody is connected to it;
 * a database in use is never dropped from under a running build.
 */
public final class TestDatabases {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** A test database older than this belongs to a run that died without cleaning up. */
    private static final long ABANDONED_AFTER_HOURS = 12;
    /** PostgreSQL's "database is being accessed by other users". */
    private static final String IN_USE = "55006";

    private final String maintenanceUrl;
    private final String username;
    private final String password;

    public TestDatabases(String serverUrl, String username, String password) {
        this.maintenanceUrl = JdbcUrls.withDatabase(serverUrl, "postgres");
        this.username = username;
        this.password = password;
    }

    /** Creates {@code vigil_<kind>_<time>_<random>} and returns its name. */
    public String create(String kind) {
        String name = "vigil_" + kind + "_" + LocalDateTime.now(ZoneOffset.UTC).format(STAMP) + "_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(0, 10);
        execute("CREATE DATABASE " + name);
        return name;
    }

    /** Drops a database this run made, ending any session still connected to it. */
    public void drop(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** Drops the {@code kind} databases of runs that died: older than 12 hours, and with no session connected. */
    public void dropAbandoned(String kind) {
        Pattern named = Pattern.compile("vigil_" + kind + "_(\\d{14})(_[0-9a-f]+)?");
        LocalDateTime cutoff = LocalDateTime.now(ZoneOffset.UTC).minusHours(ABANDONED_AFTER_HOURS);
        List<String> abandoned = new ArrayList<>();
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'vigil\\_%'")) {
            while (rows.next()) {
                Matcher matcher = named.matcher(rows.getString(1));
                if (matcher.matches() && LocalDateTime.parse(matcher.group(1), STAMP).isBefore(cutoff)) {
                    abandoned.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list test databases: " + e.getMessage(), e);
        }
        abandoned.forEach(this::dropUnlessInUse);
    }

    private void dropUnlessInUse(String name) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name); // without FORCE: fails while anyone is connected
        } catch (SQLException e) {
            if (!IN_USE.equals(e.getSQLState())) {
                throw new IllegalStateException("Could not drop abandoned test database " + name + ": " + e.getMessage(), e);
            }
        }
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
