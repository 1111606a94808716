package dev.vigil.seeder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * One open COPY per table, each on its own connection, for the whole load: the writer hands each table its
 * rows in turn while every server backend parses and stores its own table at the same time.
 */
final class CopyStreams implements AutoCloseable {

    private static final int BUFFER = 1 << 20;

    private final Map<SeedTable, Connection> connections = new EnumMap<>(SeedTable.class);
    private final Map<SeedTable, OutputStream> streams = new EnumMap<>(SeedTable.class);

    CopyStreams(BulkConnections bulk) throws SQLException {
        for (SeedTable table : SeedTable.values()) {
            Connection connection = bulk.open();
            connections.put(table, connection);
            streams.put(table, new PGCopyOutputStream(connection.unwrap(PGConnection.class), table.copyStatement(), BUFFER));
        }
    }

    void write(SeedTable table, CharSequence rows) throws IOException {
        if (!rows.isEmpty()) {
            streams.get(table).write(rows.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Ends every COPY: each one commits its table. */
    void finish() throws IOException {
        for (OutputStream stream : streams.values()) {
            stream.close();
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
