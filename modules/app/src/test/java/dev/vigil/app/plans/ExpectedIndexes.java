package dev.vigil.app.plans;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The index each read statement must use, as docs/api-conventions.md names it (offset twins use their keyset
 * statement's index). Where the design documents a choice between two indexes (a filter pair with no index of its
 * own: db/migration/monitoring/V202611270311__monitoring_exposure_feed.sql), either is accepted.
 */
final class ExpectedIndexes {

    private static final String ALERT_PAGE = "alerting.alert_page";
    private static final String EXPOSURE_PAGE = "monitoring.exposure_page";
    private static final String UNREAD = "alert_feed_user_unread_page_idx";
    private static final String READ_OR_DISMISSED = "alert_feed_user_status_page_idx";
    private static final String SEVERITY = "alert_feed_user_severity_page_idx";
    private static final String CATEGORY = "alert_feed_user_category_page_idx";

    private static final Map<String, Set<String>> BY_STATEMENT = Map.ofEntries(
            Map.entry("identity.user_profile_by_user", Set.of("user_profile_view_pkey")),
            Map.entry("billing.subscription_by_user", Set.of("subscription_view_pkey")),
            Map.entry("dashboard.summary_by_user", Set.of("dashboard_summary_pkey")),
            Map.entry("alerting.alert_by_id", Set.of("alert_feed_pkey")),
            Map.entry("monitoring.exposure_by_id", Set.of("exposure_feed_pkey")),
            Map.entry(ALERT_PAGE, Set.of("alert_feed_user_page_idx")),
            Map.entry(ALERT_PAGE + "_by_unread", Set.of(UNREAD)),
            Map.entry(ALERT_PAGE + "_by_unread_category", Set.of(UNREAD)),
            Map.entry(ALERT_PAGE + "_by_status", Set.of(READ_OR_DISMISSED)),
            // the category index holds status as a trailing key: the planner takes it when the category is rarer
            Map.entry(ALERT_PAGE + "_by_status_category", Set.of(READ_OR_DISMISSED, CATEGORY)),
            Map.entry(ALERT_PAGE + "_by_category", Set.of(CATEGORY)),
            Map.entry(ALERT_PAGE + "_by_severity", Set.of(SEVERITY)),
            Map.entry(ALERT_PAGE + "_by_severities", Set.of(SEVERITY)),
            // unread alerts: the partial unread index (severity trailing) serves each severity's range too
            Map.entry(ALERT_PAGE + "_by_unread_severities", Set.of(SEVERITY, UNREAD)),
            Map.entry(ALERT_PAGE + "_by_severity_category", Set.of(SEVERITY, CATEGORY)),
            Map.entry(ALERT_PAGE + "_by_status_severities_category", Set.of(SEVERITY, READ_OR_DISMISSED)),
            Map.entry(EXPOSURE_PAGE, Set.of("exposure_feed_user_page_idx")),
            Map.entry(EXPOSURE_PAGE + "_by_status", Set.of("exposure_feed_user_status_page_idx")),
            Map.entry(EXPOSURE_PAGE + "_by_severity", Set.of("exposure_feed_user_severity_page_idx")),
            Map.entry(EXPOSURE_PAGE + "_by_severities", Set.of("exposure_feed_user_severity_page_idx")),
            Map.entry(EXPOSURE_PAGE + "_by_source_kind", Set.of("exposure_feed_user_source_kind_page_idx")),
            Map.entry(EXPOSURE_PAGE + "_by_status_severity", Set.of("exposure_feed_user_status_severity_page_idx")),
            Map.entry(EXPOSURE_PAGE + "_by_status_severities", Set.of("exposure_feed_user_status_severity_page_idx")),
            Map.entry(EXPOSURE_PAGE + "_by_status_source_kind",
                    Set.of("exposure_feed_user_status_page_idx", "exposure_feed_user_source_kind_page_idx")),
            Map.entry(EXPOSURE_PAGE + "_by_severity_source_kind",
                    Set.of("exposure_feed_user_severity_page_idx", "exposure_feed_user_source_kind_page_idx")),
            Map.entry(EXPOSURE_PAGE + "_by_severities_source_kind", Set.of("exposure_feed_user_severity_page_idx")),
            Map.entry(EXPOSURE_PAGE + "_by_status_severity_source_kind",
                    Set.of("exposure_feed_user_status_severity_page_idx")),
            Map.entry(EXPOSURE_PAGE + "_by_status_severities_source_kind",
                    Set.of("exposure_feed_user_status_severity_page_idx")));

    private ExpectedIndexes() {
    }

    /**
     * The acceptable indexes of a statement; its offset twin's are its own. An exposure shape with a source kind may
     * also read the source-kind range and check its other filters on each row: the planner takes it when the kind
     * (PASTE, 10% of rows) is rarer than the other filters together.
     */
    static Set<String> of(String statement) {
        String keyset = statement.replace("_at_offset", "");
        Set<String> indexes = BY_STATEMENT.get(keyset);
        if (indexes == null) {
            throw new IllegalStateException("no expected index for " + statement + ": add it to ExpectedIndexes");
        }
        if (hasResidualFilter(keyset)) {
            Set<String> withSourceKind = new TreeSet<>(indexes);
            withSourceKind.add("exposure_feed_user_source_kind_page_idx");
            return withSourceKind;
        }
        return indexes;
    }

    /** Shapes whose source-kind filter is not an index key: each row of the range is checked (a residual filter). */
    static boolean hasResidualFilter(String statement) {
        return statement.startsWith("monitoring.exposure") && statement.endsWith("_source_kind")
                && !statement.endsWith("_by_source_kind");
    }

    /** Several severities are read as one index range each, merged. */
    static boolean readsOneRangePerSeverity(String statement) {
        return statement.contains("_severities");
    }

    /** Statements that read one row by key. */
    static boolean isLookup(String statement) {
        return !statement.contains("_page");
    }
}
