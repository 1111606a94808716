package dev.vigil.seeder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.platform.testing.ReadModelChecksums;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The same seed gives the same database: every seeded table, the event store included, row for row. */
class SeedDeterminismIntegrationTests {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private final String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
    private final List<String> databases = List.of("vigil_seed_" + suffix + "_a", "vigil_seed_" + suffix + "_b");

    @TempDir
    Path files;

    @AfterEach
    void dropTheDatabases() throws Exception {
        for (String database : databases) {
            maintenance("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void twoRunsWithOneSeedWriteIdenticalTablesAndUserLists() throws Exception {
        Map<String, String> first = seedAndChecksum(databases.get(0), files.resolve("a.csv"));
        Map<String, String> second = seedAndChecksum(databases.get(1), files.resolve("b.csv"));

        assertThat(second).isEqualTo(first);
        assertThat(first.get("axon.domain_event_entry")).doesNotStartWith("0:");
        assertThat(Files.readAllLines(files.resolve("b.csv"))).isEqualTo(Files.readAllLines(files.resolve("a.csv")));
        List<String> users = Files.readAllLines(files.resolve("a.csv"));
        assertThat(users.getFirst()).isEqualTo("userId,kind");
        assertThat(users).hasSize(1 + 20).filteredOn(line -> line.endsWith(",heavy")).hasSize(0);
    }

    private Map<String, String> seedAndChecksum(String database, Path usersFile) throws Exception {
        String url = SERVER + database;
        // 20 light users (the first heavy one is user 37): small enough to seed twice in a second or two
        SeederApplication.seed(new SeedOptions(0.0002, 99, url, "postgres", "postgres", Optional.of(usersFile)),
                new PrintStream(OutputStream.nullOutputStream()));
        Map<String, String> checksums = new LinkedHashMap<>();
        try (SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "postgres", "postgres", true)) {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            for (SeedTable table : SeedTable.values()) {
                String key = table == SeedTable.EVENTS ? "global_index" : keyOf(jdbc, table);
                checksums.put(table.table(), ReadModelChecksums.checksum(jdbc, table.table(), key));
            }
        }
        return checksums;
    }

    /** The table's primary key columns, for a stable row order. */
    private static String keyOf(JdbcClient jdbc, SeedTable table) {
        return String.join(", ", jdbc.sql("""
                        SELECT a.attname FROM pg_index i
                        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                        WHERE i.indrelid = CAST(? AS regclass) AND i.indisprimary
                        ORDER BY array_position(i.indkey, a.attnum)""")
                .param(table.table()).query(String.class).list());
    }

    private static void maintenance(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
