package dev.vigil.app.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;

/**
 * Indexes that served no statement of the plan suite, and why each one stays. "Served no statement": never scanned
 * (idx_scan = 0 in pg_stat_user_indexes of the seeded database), or scanned only by the planner's own min/max probe
 * while estimating a range (one entry read per scan, idx_scan = idx_tup_read, and in no plan). Every index left must
 * have a reason here; one without a reason is dead weight on every write and is removed by a migration
 * (docs/performance.md, "Read statements at volume", lists the decisions).
 */
final class UnusedIndexes {

    private static final String CONSTRAINT = "a uniqueness constraint: ";

    /** Indexes kept although no read of the API uses them, with the reason. */
    static final Map<String, String> KEPT = Map.ofEntries(
            Map.entry("alerting.alert_inbox_version_pkey",
                    "the alert feed projection's mark-all-read guard (one row per user, written by events only)"),
            Map.entry("alerting.alert_source_claim_pkey", CONSTRAINT + "one alert per source event (alert policy)"),
            Map.entry("alerting.alert_source_claim_alert_id_key", CONSTRAINT + "one source event per alert"),
            Map.entry("axon.domain_event_entry_aggregate_sequence_key",
                    "Axon loads aggregates by it, and it rejects concurrent appends to one aggregate"),
            Map.entry("axon.domain_event_entry_event_identifier_key", CONSTRAINT + "Axon's event identifiers"),
            // scanned once the processors claim or extend their tokens, which may come after a short suite
            Map.entry("axon.token_entry_pkey", "Axon's processors claim and update their tokens by it"),
            Map.entry("axon.dead_letter_entry_pkey", "Axon's dead-letter queue (empty unless a projection parks an event)"),
            Map.entry("axon.dead_letter_entry_sequence_key",
                    "Axon's dead-letter queue looks a user's parked events up by it (none parked in this suite)"),
            Map.entry("axon.snapshot_event_entry_pkey", "Axon's snapshot store (empty until snapshots are configured)"),
            Map.entry("axon.snapshot_event_entry_event_identifier_key", CONSTRAINT + "Axon's snapshot store"),
            Map.entry("billing.known_user_pkey", "StartSubscription checks the user exists (write side)"),
            Map.entry("billing.subscription_view_notice_due_idx",
                    "lifecycle job (off in this suite); proven by LifecycleCandidatesPlanIntegrationTests"),
            Map.entry("billing.subscription_view_expiry_due_idx",
                    "lifecycle job (off in this suite); proven by LifecycleCandidatesPlanIntegrationTests"),
            Map.entry("dashboard.alert_state_pkey", "the dashboard projection moves one alert's state per event"),
            Map.entry("dashboard.exposure_state_pkey", "the dashboard projection moves one exposure's state per event"),
            Map.entry("dashboard.alert_state_unread_idx", "the dashboard projection's mark-all-read (unread rows only)"),
            Map.entry("identity.email_claim_pkey", CONSTRAINT + "one registration per email"),
            Map.entry("identity.email_claim_user_id_key", CONSTRAINT + "one email claim per user"),
            Map.entry("monitoring.finding_claim_pkey", CONSTRAINT + "one exposure per (user, finding fingerprint)"),
            Map.entry("monitoring.finding_claim_exposure_id_key", CONSTRAINT + "one claim per exposure"),
            Map.entry("monitoring.known_user_pkey", "finding ingestion checks the user exists (write side)"),
            Map.entry("platform.idempotency_key_pkey", "Idempotency-Key claims (commands only)"),
            Map.entry("platform.idempotency_key_created_at_idx", "the hourly idempotency sweep (no keys in this suite)"));

    private UnusedIndexes() {
    }

    /** @param inPlans every index the suite's plans used */
    static void assertOnlyDocumentedOnesUnused(SeededDatabase database, Set<String> inPlans) {
        // Backends publish their index statistics when idle, within PostgreSQL's idle flush interval (10 s), later
        // on a busy machine; the counts only grow, so the check is repeated until they show every index used.
        // A real finding fails when the bound is reached.
        AtomicReference<Map<String, String>> unused = new AtomicReference<>(Map.of());
        try {
            Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                unused.set(unusedIndexes(database, inPlans));
                assertThat(unused.get().keySet())
                        .as("indexes that served no statement and have no documented reason to stay")
                        .isSubsetOf(KEPT.keySet());
            });
        } finally {
            System.out.printf("%nIndexes that served no statement of the plan suite:%n");
            unused.get().forEach((index, how) -> System.out.printf("  %-52s %-34s %s%n",
                    index, how, KEPT.getOrDefault(index, "NO DECISION")));
        }
    }

    private static Map<String, String> unusedIndexes(SeededDatabase database, Set<String> inPlans) throws SQLException {
        Map<String, String> unused = new TreeMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT schemaname, indexrelname, idx_scan, idx_tup_read, pg_size_pretty(pg_relation_size(indexrelid))
                        FROM pg_stat_user_indexes
                        WHERE schemaname <> 'public' AND (idx_scan = 0 OR idx_scan = idx_tup_read)""")) {
            while (rows.next()) {
                long scans = rows.getLong(3);
                String index = rows.getString(2);
                if (scans == 0) {
                    unused.put(rows.getString(1) + "." + index, "never scanned, " + rows.getString(5));
                } else if (!inPlans.contains(index)) {
                    unused.put(rows.getString(1) + "." + index, scans + " planner probes, " + rows.getString(5));
                }
            }
        }
        return unused;
    }
}
