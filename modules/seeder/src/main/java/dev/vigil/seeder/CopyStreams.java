package dev.vigil.seeder;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * One open binary COPY per table, each on its own connection, for the whole load: the writer hands each table
 * its rows in turn while every server backend stores its own table at the same time. Each table is truncated
 * in the COPY's own transaction so that the COPY may {@code FREEZE} its rows: they are written frozen and
 * all-visible, so the first reads, VACUUM and ANALYZE after the seed do not write every page again to set hint
 * bits and the visibility map (and index-only scans work at once).
 */
final class CopyStreams implements AutoCloseable {

    private static final int BUFFER = 1 << 20;

    private final Map<SeedTable, Connection> connections = new EnumMap<>(SeedTable.class);
    private final Map<SeedTable, OutputStream> streams = new EnumMap<>(SeedTable.class);

    CopyStreams(BulkConnections bulk) throws SQLException, IOException {
        for (SeedTable table : SeedTable.values()) {
            Connection connection = bulk.open();
            connections.put(table, connection);
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("TRUNCATE " + table.table()); // empty already (checked): this only allows FREEZE
            }
            OutputStream stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class), table.copyStatement(), BUFFER);
            stream.write(BinaryRows.HEADER);
            streams.put(table, stream);
        }
    }

    void write(SeedTable table, BinaryRows rows) throws IOException {
        if (rows.size() > 0) {
            streams.get(table).write(rows.array(), 0, rows.size());
        }
    }

    /** Ends every COPY and commits its table. */
    void finish() throws IOException, SQLException {
        for (Map.Entry<SeedTable, OutputStream> stream : streams.entrySet()) {
            stream.getValue().write(BinaryRows.TRAILER);
            stream.getValue().close();
            connections.get(stream.getKey()).commit();
        }
        streams.clear();
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : connections.values()) {
            connection.close();
        }
    }
}
