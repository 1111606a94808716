package dev.vigil.app.plans;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The users a benchmark draws from, read from the seeded database: the heaviest 1% by alerts (the seeder's heavy
 * users, at most 50), and up to 200 light ones (1 to 200 alerts) in a fixed pseudo-random order; each with its newest
 * alert and exposure for the lookups by id.
 */
record BenchmarkUsers(List<UUID> heavy, List<UUID> light, Map<UUID, UUID> newestAlert, Map<UUID, UUID> newestExposure) {

    static BenchmarkUsers load(Connection connection) throws SQLException {
        long users = single(connection, "SELECT count(*) FROM dashboard.dashboard_summary");
        List<UUID> heavy = ids(connection, """
                SELECT user_id FROM dashboard.dashboard_summary
                WHERE last_alert_at IS NOT NULL AND last_exposure_at IS NOT NULL
                ORDER BY alerts_total DESC, user_id LIMIT ?""", Math.clamp(users / 100, 1, 50));
        List<UUID> light = ids(connection, """
                SELECT user_id FROM dashboard.dashboard_summary
                WHERE alerts_total BETWEEN 1 AND 200 AND last_exposure_at IS NOT NULL
                ORDER BY md5(user_id::text) LIMIT ?""", 200);
        Map<UUID, UUID> alerts = new HashMap<>();
        Map<UUID, UUID> exposures = new HashMap<>();
        for (UUID user : concat(heavy, light)) {
            alerts.put(user, newest(connection, "SELECT alert_id FROM alerting.alert_feed WHERE user_id = ? "
                    + "ORDER BY created_at DESC, alert_id DESC LIMIT 1", user));
            exposures.put(user, newest(connection, "SELECT exposure_id FROM monitoring.exposure_feed WHERE user_id = ? "
                    + "ORDER BY created_at DESC, exposure_id DESC LIMIT 1", user));
        }
        return new BenchmarkUsers(heavy, light, alerts, exposures);
    }

    private static List<UUID> concat(List<UUID> a, List<UUID> b) {
        List<UUID> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<UUID> ids(Connection connection, String sql, long limit) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    private static UUID newest(Connection connection, String sql, UUID user) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, user);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getObject(1, UUID.class) : null;
            }
        }
    }
}
