package dev.vigil.seeder;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Builds the dropped indexes and key constraints again, a few at once, each on its own connection. */
final class IndexBuilds {

    private IndexBuilds() {
    }

    static void run(BulkConnections bulk, IndexSet indexes, int parallel) throws Exception {
        try (ExecutorService builders = Executors.newFixedThreadPool(parallel)) {
            List<Future<?>> builds = new ArrayList<>();
            for (IndexSet.Definition definition : indexes.definitions()) {
                builds.add(builders.submit(() -> {
                    try (Connection connection = bulk.open(); Statement statement = connection.createStatement()) {
                        statement.execute(definition.create());
                    }
                    return null;
                }));
            }
            for (Future<?> build : builds) {
                build.get();
            }
        }
    }
}
