package dev.vigil.seeder;

import dev.vigil.seeder.UserHistory.UserSeed;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.axonframework.serialization.Serializer;

/**
 * Seeds an empty, migrated database: drops the loaded tables' indexes, generates users on every core while one
 * thread streams their rows through COPY (event rows numbered in user order, so a seed always gives the same
 * store), builds the indexes again, moves the identity sequence past the events, puts every processor's token at
 * the head and analyzes the tables.
 */
final class Seeder {

    private static final int USERS_PER_BATCH = 100;

    /** What a run did. */
    record Summary(int users, long events, long rows, double seconds) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private final SeedOptions options;
    private final BulkConnections bulk;
    private final Serializer serializer;
    private final EventEncoding encoding;
    private final int segments;
    private final PrintStream log;

    Seeder(SeedOptions options, Serializer serializer, int segments, PrintStream log) {
        this.options = options;
        this.bulk = new BulkConnections(options.dbUrl(), options.dbUser(), options.dbPassword());
        this.serializer = serializer;
        this.encoding = new EventEncoding(serializer);
        this.segments = segments;
        this.log = log;
    }

    Summary run() throws Exception {
        Progress progress = new Progress(log, options.users());
        List<SeedTable> tables = Arrays.asList(SeedTable.values());
        IndexSet indexes;
        try (Connection connection = bulk.open()) {
            requireEmpty(connection, tables);
            indexes = IndexSet.of(connection, tables);
            indexes.dropAll(connection);
        }
        long[] loaded = load(progress);
        progress.phase("building " + indexes.definitions().size() + " indexes and keys");
        List<IndexBuilds.Built> built = IndexBuilds.run(bulk, indexes, Math.max(2, Runtime.getRuntime().availableProcessors()));
        log.printf("%nslowest index builds:");
        IndexBuilds.printSlowest(built, log);
        try (Connection connection = bulk.open(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT setval(pg_get_serial_sequence('axon.domain_event_entry', 'global_index'), "
                    + Math.max(1, loaded[0]) + ")");
            ProcessorTokens.atHead(connection, loaded[0], segments, serializer);
            progress.phase("analyzing");
            for (SeedTable table : tables) {
                statement.execute("ANALYZE " + table.table());
            }
        }
        Summary summary = new Summary(options.users(), loaded[0], loaded[1], progress.seconds());
        log.printf("%ndone: %,d users, %,d events, %,d rows in %.1f s = %,.0f rows/s%n", summary.users(),
                summary.events(), summary.rows(), summary.seconds(), summary.rowsPerSecond());
        return summary;
    }

    /** Returns {events, rows}. */
    private long[] load(Progress progress) throws Exception {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        int users = options.users();
        long globalIndex = 0;
        long rows = 0;
        int done = 0;
        try (ExecutorService generators = Executors.newFixedThreadPool(threads);
                CopyStreams copy = new CopyStreams(bulk);
                UsersFile usersFile = UsersFile.open(options.usersOut())) {
            Deque<Future<Batch>> pending = new ArrayDeque<>();
            int next = 0;
            while (next < users || !pending.isEmpty()) {
                // a few batches ahead of the writer: enough to keep every core busy, bounded in memory
                while (next < users && pending.size() < threads * 3) {
                    int from = next;
                    int to = Math.min(users, from + USERS_PER_BATCH);
                    pending.add(generators.submit(() -> generate(from, to)));
                    next = to;
                }
                Batch batch = take(pending.poll());
                globalIndex = batch.numberEvents(globalIndex);
                for (SeedTable table : SeedTable.values()) {
                    copy.write(table, batch.rows(table));
                }
                usersFile.write(batch.users());
                rows += batch.rowCount();
                done += batch.users().size();
                progress.loaded(done, rows);
            }
            progress.phase("committing");
            copy.finish();
        }
        return new long[] {globalIndex, rows};
    }

    private Batch generate(int from, int to) {
        List<UserSeed> seeds = new ArrayList<>(to - from);
        IntStream.range(from, to).forEach(index -> seeds.add(UserHistory.generate(options.seed(), index)));
        return Batch.of(seeds, encoding);
    }

    private static Batch take(Future<Batch> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static void requireEmpty(Connection connection, List<SeedTable> tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (SeedTable table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table.table() + ")")) {
                    rows.next();
                    if (rows.getBoolean(1)) {
                        throw new IllegalStateException(table.table() + " already holds rows: the seeder fills an empty "
                                + "database only (drop and create it, or point --db-url at a new one)");
                    }
                }
            }
        }
    }
}
