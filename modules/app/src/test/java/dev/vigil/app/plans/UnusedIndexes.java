package dev.vigil.app.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * Indexes no statement of the plan suite used (idx_scan = 0 in pg_stat_user_indexes of the seeded database), and why
 * each one stays: every other index must have served a statement, or it is dead weight on every write and is removed
 * by a migration (docs/performance.md, "Read statements at volume", lists the decisions).
 */
final class UnusedIndexes {

    /** Indexes kept although the read API does not use them, with the reason. */
    static final Map<String, String> KEPT = Map.ofEntries();

    private UnusedIndexes() {
    }

    static void assertOnlyDocumentedOnesUnused(SeededDatabase database) throws Exception {
        Map<String, String> unused = unusedIndexes(database);
        System.out.printf("%nIndexes unused by the plan suite (idx_scan = 0):%n");
        unused.forEach((index, size) -> System.out.printf("  %-60s %10s  %s%n", index, size,
                KEPT.getOrDefault(index, "NO DECISION")));
        assertThat(unused.keySet()).as("indexes that served no statement and have no documented reason to stay")
                .isSubsetOf(KEPT.keySet());
    }

    private static Map<String, String> unusedIndexes(SeededDatabase database) throws Exception {
        Thread.sleep(1_500); // backends publish their statistics at most once a second
        Map<String, String> unused = new TreeMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT schemaname || '.' || indexrelname, pg_size_pretty(pg_relation_size(indexrelid))
                        FROM pg_stat_user_indexes
                        WHERE idx_scan = 0 AND schemaname <> 'public'""")) {
            while (rows.next()) {
                unused.put(rows.getString(1), rows.getString(2));
            }
        }
        return unused;
    }
}
