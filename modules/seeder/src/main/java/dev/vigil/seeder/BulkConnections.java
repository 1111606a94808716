package dev.vigil.seeder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Plain connections for the bulk work, outside the service's pool (whose sessions carry a 5 s statement
 * timeout): no statement timeout, no waiting for the WAL flush at commit (a crash mid-seed means seeding
 * again anyway), and memory for building indexes.
 */
record BulkConnections(String url, String user, String password) {

    Connection open() throws SQLException {
        Connection connection = DriverManager.getConnection(url, user, password);
        try (Statement session = connection.createStatement()) {
            session.execute("SET statement_timeout = 0");
            session.execute("SET synchronous_commit = off");
            session.execute("SET maintenance_work_mem = '256MB'");
            session.execute("SET application_name = 'vigil-seeder'");
        }
        return connection;
    }
}
