package dev.vigil.seeder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The indexes and key constraints of the tables being loaded, as the migrations made them, read from the
 * catalog: dropped before the load and built again after it from their own definitions (one sort per index is
 * far cheaper than maintaining it row by row), so the schema ends exactly as Flyway left it.
 */
final class IndexSet {

    private static final String KEY_CONSTRAINTS = """
            /* seeder.key_constraints */
            SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE conrelid = ?::regclass AND contype IN ('p', 'u') ORDER BY conname""";

    private static final String PLAIN_INDEXES = """
            /* seeder.plain_indexes */
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
            WHERE i.indrelid = ?::regclass
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            ORDER BY 1""";

    /** One index or key constraint: how to drop it and how to build it again. */
    record Definition(String table, String drop, String create) {
    }

    private final List<Definition> definitions;

    private IndexSet(List<Definition> definitions) {
        this.definitions = definitions;
    }

    static IndexSet of(Connection connection, List<SeedTable> tables) throws SQLException {
        List<Definition> definitions = new ArrayList<>();
        for (SeedTable table : tables) {
            read(connection, KEY_CONSTRAINTS, table, (name, definition) -> new Definition(table.table(),
                    "ALTER TABLE " + table.table() + " DROP CONSTRAINT " + name,
                    "ALTER TABLE " + table.table() + " ADD CONSTRAINT " + name + " " + definition), definitions);
            read(connection, PLAIN_INDEXES, table, (name, definition) -> new Definition(table.table(),
                    "DROP INDEX " + name, definition), definitions);
        }
        return new IndexSet(definitions);
    }

    List<Definition> definitions() {
        return definitions;
    }

    void dropAll(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Definition definition : definitions) {
                statement.execute(definition.drop());
            }
        }
    }

    private interface RowMapper {
        Definition map(String name, String definition);
    }

    private static void read(Connection connection, String sql, SeedTable table, RowMapper mapper,
            List<Definition> into) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table.table());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    into.add(mapper.map(rows.getString(1), rows.getString(2)));
                }
            }
        }
    }
}
