package dev.vigil.app.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Index rules read from PostgreSQL's catalog on the migrated schema. Each catalog query is first shown to find a
 * deliberate violation (a probe table created and rolled back), so a rule cannot pass because its query is wrong.
 */
@SpringBootTest(properties = "vigil.billing.lifecycle.enabled=false")
class SchemaLintIntegrationTests {

    /** Tables (of Vigil's schemas) with a user_id column and no complete index whose first column is user_id. */
    private static final String USER_TABLES_WITHOUT_USER_INDEX = """
            SELECT c.oid::regclass::text FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'user_id' AND NOT a.attisdropped
            WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'public')
              AND NOT EXISTS (SELECT 1 FROM pg_index i
                              WHERE i.indrelid = c.oid AND i.indkey[0] = a.attnum AND i.indpred IS NULL)
            ORDER BY 1""";

    /** Foreign keys whose referencing columns are not the leading columns of an index (in any order). */
    private static final String FOREIGN_KEYS_WITHOUT_INDEX = """
            SELECT k.conrelid::regclass::text || ' ' || k.conname FROM pg_constraint k
            WHERE k.contype = 'f'
              AND NOT EXISTS (SELECT 1 FROM pg_index i
                              WHERE i.indrelid = k.conrelid AND i.indpred IS NULL
                                AND (i.indkey::int2[])[0:cardinality(k.conkey) - 1] @> k.conkey
                                AND (i.indkey::int2[])[0:cardinality(k.conkey) - 1] <@ k.conkey)
            ORDER BY 1""";

    /**
     * Columns read by time range, and what serves them. B-tree everywhere, on purpose rather than BRIN:
     * <ul>
     * <li>{@code from}/{@code to} on the lists are ranges inside one user's rows: only a B-tree led by user_id reads
     * them as one range, already in page order (BRIN has no user_id prefix and returns no order);</li>
     * <li>the lifecycle job's {@code current_period_end} ranges: the rows are updated by every subscription event, so
     * their heap order does not follow the column (what BRIN relies on), and partial B-trees hold only candidates;</li>
     * <li>the idempotency sweep's {@code created_at}: rows are deleted from the old end all day, and the freed space is
     * reused by new rows, so the heap order drifts too.</li>
     * </ul>
     */
    private static final List<TimeRangeColumn> TIME_RANGE_COLUMNS = List.of(
            TimeRangeColumn.perUser("alerting.alert_feed", "created_at"),
            TimeRangeColumn.perUser("monitoring.exposure_feed", "created_at"),
            TimeRangeColumn.acrossUsers("billing.subscription_view", "current_period_end"),
            TimeRangeColumn.acrossUsers("platform.idempotency_key", "created_at"));

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void everyTableWithAUserIdHasAnIndexLedByIt() {
        assertThat(count("SELECT count(*) FROM information_schema.columns WHERE column_name = 'user_id' "
                + "AND table_schema NOT IN ('pg_catalog', 'information_schema', 'public')")).isGreaterThanOrEqualTo(10);
        assertThat(findsInProbe("""
                CREATE TABLE alerting.lint_probe (id int PRIMARY KEY, user_id uuid);
                CREATE INDEX lint_probe_partial_idx ON alerting.lint_probe (user_id) WHERE id > 0""",
                USER_TABLES_WITHOUT_USER_INDEX)).containsExactly("alerting.lint_probe");
        assertThat(list(USER_TABLES_WITHOUT_USER_INDEX)).isEmpty();
    }

    @Test
    void everyForeignKeyHasAnIndexOnItsReferencingColumns() {
        assertThat(findsInProbe("""
                CREATE TABLE alerting.lint_parent (id int PRIMARY KEY);
                CREATE TABLE alerting.lint_child (id int PRIMARY KEY, parent_id int REFERENCES alerting.lint_parent)""",
                FOREIGN_KEYS_WITHOUT_INDEX)).containsExactly("alerting.lint_child lint_child_parent_id_fkey");
        assertThat(findsInProbe("""
                CREATE TABLE alerting.lint_parent (id int PRIMARY KEY);
                CREATE TABLE alerting.lint_child (id int PRIMARY KEY, parent_id int REFERENCES alerting.lint_parent);
                CREATE INDEX lint_child_parent_idx ON alerting.lint_child (parent_id, id)""",
                FOREIGN_KEYS_WITHOUT_INDEX)).isEmpty();
        // Vigil's modules share no foreign keys (each owns its tables; events connect them), so today this holds for none
        assertThat(list(FOREIGN_KEYS_WITHOUT_INDEX)).isEmpty();
    }

    @Test
    void everyTimeRangeColumnHasABTreeThatReadsItsRanges() {
        assertThat(TIME_RANGE_COLUMNS).allSatisfy(column ->
                assertThat(list(column.servingIndexes())).as(column.toString()).isNotEmpty());
        assertThat(findsInProbe("CREATE TABLE alerting.lint_probe (user_id uuid, created_at timestamptz)",
                TimeRangeColumn.perUser("alerting.lint_probe", "created_at").servingIndexes())).isEmpty();
    }

    private List<String> findsInProbe(String ddl, String lint) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            for (String statement : ddl.split(";")) {
                jdbc.sql(statement).update();
            }
            return list(lint);
        });
    }

    private List<String> list(String sql) {
        return jdbc.sql(sql).query(String.class).list();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** A column read by time range: inside one user's rows, or across users. */
    private record TimeRangeColumn(String table, String column, boolean perUser) {

        static TimeRangeColumn perUser(String table, String column) {
            return new TimeRangeColumn(table, column, true);
        }

        static TimeRangeColumn acrossUsers(String table, String column) {
            return new TimeRangeColumn(table, column, false);
        }

        /**
         * B-tree indexes that read the column's ranges: led by the column, or, per user, led by user_id and holding
         * the column (the filters between them are equalities the statements fix). Names come from trusted constants.
         */
        String servingIndexes() {
            String leading = perUser
                    ? "i.indkey[0] = (SELECT attnum FROM pg_attribute WHERE attrelid = i.indrelid AND attname = 'user_id')"
                      + " AND c.attnum = ANY(i.indkey::int2[])"
                    : "i.indkey[0] = c.attnum";
            return """
                    SELECT i.indexrelid::regclass::text FROM pg_index i
                    JOIN pg_class ix ON ix.oid = i.indexrelid
                    JOIN pg_am am ON am.oid = ix.relam AND am.amname = 'btree'
                    JOIN pg_attribute c ON c.attrelid = i.indrelid AND c.attname = '%s'
                    WHERE i.indrelid = '%s'::regclass AND %s""".formatted(column, table, leading);
        }
    }
}
