package dev.vigil.seeder;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Builds the dropped indexes and key constraints again, as many at once as there are cores, each on its own
 * connection in one server process (no parallel workers: with every core already sorting, workers would only
 * share them), biggest tables first so that no long build starts last while the other cores sit idle.
 */
final class IndexBuilds {

    private static final String TABLE_SIZE = "/* seeder.table_size */ SELECT pg_relation_size(?::regclass)";

    /** One build and how long it took. */
    record Built(IndexSet.Definition definition, double seconds) {
    }

    private IndexBuilds() {
    }

    static List<Built> run(BulkConnections bulk, IndexSet indexes, int parallel) throws Exception {
        List<IndexSet.Definition> biggestFirst = new ArrayList<>(indexes.definitions());
        Map<String, Long> sizes = sizes(bulk, biggestFirst);
        biggestFirst.sort(Comparator.comparing((IndexSet.Definition d) -> sizes.get(d.table())).reversed());
        try (ExecutorService builders = Executors.newFixedThreadPool(parallel)) {
            List<Future<Built>> builds = new ArrayList<>();
            for (IndexSet.Definition definition : biggestFirst) {
                builds.add(builders.submit(() -> build(bulk, definition)));
            }
            List<Built> built = new ArrayList<>();
            for (Future<Built> build : builds) {
                built.add(build.get());
            }
            return built;
        }
    }

    /** The slowest builds, for the run's report. */
    static void printSlowest(List<Built> built, PrintStream log) {
        built.stream().sorted(Comparator.comparingDouble(Built::seconds).reversed()).limit(5).forEach(b ->
                log.printf("%n  %6.1f s  %s", b.seconds(), b.definition().create()));
    }

    private static Built build(BulkConnections bulk, IndexSet.Definition definition) throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = bulk.open(); Statement statement = connection.createStatement()) {
            statement.execute("SET maintenance_work_mem = '1GB'");
            statement.execute("SET max_parallel_maintenance_workers = 0");
            statement.execute(definition.create());
        }
        return new Built(definition, (System.nanoTime() - started) / 1e9);
    }

    private static Map<String, Long> sizes(BulkConnections bulk, List<IndexSet.Definition> definitions) throws SQLException {
        Map<String, Long> sizes = new HashMap<>();
        try (Connection connection = bulk.open(); PreparedStatement statement = connection.prepareStatement(TABLE_SIZE)) {
            for (IndexSet.Definition definition : definitions) {
                if (!sizes.containsKey(definition.table())) {
                    statement.setString(1, definition.table());
                    try (ResultSet size = statement.executeQuery()) {
                        size.next();
                        sizes.put(definition.table(), size.getLong(1));
                    }
                }
            }
        }
        return sizes;
    }
}
