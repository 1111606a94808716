package dev.vigil.alerting.query;

import dev.vigil.alerting.api.AlertStatus;

/**
 * One statement text per filter shape, that is per combination of filters present; the filters' values are
 * always bound, never written into the text. Each text is built once, from the templates below and the shape's
 * fixed conditions, and starts with its name, so {@code db.query} metrics and {@code pg_stat_statements} tell
 * the shapes apart ({@code alerting.alert_page_by_category}; {@code ..._at_offset} for offset pages).
 * <p>
 * Every statement reads one user's rows newest first, {@code ORDER BY created_at DESC, alert_id DESC}, as one
 * range scan of an index ending in {@code (created_at DESC, alert_id DESC)} (see
 * {@code V202611270321__alerting_alert_feed.sql}): the shape's equality filters are the index prefix or trailing
 * key columns checked on each index entry, {@code from} and the keyset bound (which {@code to} is folded into)
 * delimit the range, and the scan stops after {@code LIMIT} rows. Keyset pages, the first included (it binds
 * the start position), run the keyset text; offset pages run the same range with {@code OFFSET}.
 * <p>
 * Severities are read one index range per severity, each limited, and merged by the outer {@code ORDER BY}:
 * {@code severity = ANY(:severities)} would make PostgreSQL 15 read and sort all of the user's matching rows.
 */
enum AlertPageStatement {

    /** No filter but the time range: alert_feed_user_page_idx. */
    ALL("alert_page", Ranges.ONE, ""),
    /** The partial alert_feed_user_unread_page_idx; its predicate must appear literally to be usable. */
    UNREAD("alert_page_unread", Ranges.ONE, "AND status = 'UNREAD'"),
    /** alert_feed_user_unread_page_idx with category trailing, or alert_feed_user_category_page_idx. */
    UNREAD_BY_CATEGORY("alert_page_unread_by_category", Ranges.ONE,
            "AND status = 'UNREAD' AND category = :category"),
    /**
     * READ or DISMISSED: the partial alert_feed_user_status_page_idx, whose predicate the literal
     * {@code status <> 'UNREAD'} proves even for a generic plan that does not know {@code :status}.
     */
    BY_STATUS("alert_page_by_status", Ranges.ONE, "AND status = :status AND status <> 'UNREAD'"),
    BY_STATUS_CATEGORY("alert_page_by_status_category", Ranges.ONE,
            "AND status = :status AND status <> 'UNREAD' AND category = :category"),
    /** alert_feed_user_category_page_idx. */
    BY_CATEGORY("alert_page_by_category", Ranges.ONE, "AND category = :category"),
    /** One range of alert_feed_user_severity_page_idx per severity; status and category are its trailing columns. */
    BY_SEVERITIES("alert_page_by_severities", Ranges.PER_SEVERITY, ""),
    BY_SEVERITIES_STATUS("alert_page_by_severities_status", Ranges.PER_SEVERITY, "AND status = :status"),
    BY_SEVERITIES_CATEGORY("alert_page_by_severities_category", Ranges.PER_SEVERITY, "AND category = :category"),
    BY_SEVERITIES_STATUS_CATEGORY("alert_page_by_severities_status_category", Ranges.PER_SEVERITY,
            "AND status = :status AND category = :category");

    private static final String AT_OFFSET = "_at_offset";
    private static final String OFFSET_CLAUSE = "\nOFFSET :offset";

    private final String name;
    private final Ranges ranges;
    private final String keysetSql;
    private final String offsetSql;

    AlertPageStatement(String name, Ranges ranges, String conditions) {
        this.name = "alerting." + name;
        this.ranges = ranges;
        String template = ranges.template();
        this.keysetSql = template.formatted(name, conditions);
        this.offsetSql = template.formatted(name + AT_OFFSET, conditions) + OFFSET_CLAUSE;
    }

    /** The statement for the filters present in {@code filter}. */
    static AlertPageStatement forFilter(AlertFilter filter) {
        boolean byStatus = filter.status() != null;
        boolean byCategory = filter.category() != null;
        if (!filter.severities().isEmpty()) {
            if (byStatus) {
                return byCategory ? BY_SEVERITIES_STATUS_CATEGORY : BY_SEVERITIES_STATUS;
            }
            return byCategory ? BY_SEVERITIES_CATEGORY : BY_SEVERITIES;
        }
        if (filter.status() == AlertStatus.UNREAD) {
            return byCategory ? UNREAD_BY_CATEGORY : UNREAD;
        }
        if (byStatus) {
            return byCategory ? BY_STATUS_CATEGORY : BY_STATUS;
        }
        return byCategory ? BY_CATEGORY : ALL;
    }

    /** The keyset statement's name, as its leading comment carries it. */
    String statementName() {
        return name;
    }

    /** Keyset pages, the first one included. */
    String keysetSql() {
        return keysetSql;
    }

    /** Offset pages: the same range, skipping {@code :offset} rows; per-severity ranges take offset + fetchSize. */
    String offsetSql() {
        return offsetSql;
    }

    Ranges ranges() {
        return ranges;
    }

    /** How a statement reads the index: one range, or one range per severity merged. */
    enum Ranges {
        ONE, PER_SEVERITY;

        /**
         * One index range. Parameters: userId, from, beforeCreatedAt and beforeAlertId (the keyset bound),
         * fetchSize, and status and category where the shape's conditions name them.
         */
        private static final String ONE_RANGE = """
                /* alerting.%1$s */
                SELECT alert_id, category, severity, status, title, exposure_id, source_name, created_at, read_at,
                       dismissed_at
                FROM alerting.alert_feed
                WHERE user_id = :userId %2$s
                  AND created_at >= :from
                  AND (created_at, alert_id) < (:beforeCreatedAt, :beforeAlertId)
                ORDER BY created_at DESC, alert_id DESC
                LIMIT :fetchSize""";

        /**
         * One index range per severity in {@code :severities} (distinct values), each at most {@code :branchSize}
         * rows: all that the page can take from it.
         */
        private static final String RANGE_PER_SEVERITY = """
                /* alerting.%1$s */
                SELECT alert.alert_id, alert.category, alert.severity, alert.status, alert.title, alert.exposure_id,
                       alert.source_name, alert.created_at, alert.read_at, alert.dismissed_at
                FROM unnest(CAST(:severities AS varchar[])) AS wanted(severity)
                CROSS JOIN LATERAL (
                    SELECT alert_id, category, severity, status, title, exposure_id, source_name, created_at, read_at,
                           dismissed_at
                    FROM alerting.alert_feed
                    WHERE user_id = :userId AND severity = wanted.severity %2$s
                      AND created_at >= :from
                      AND (created_at, alert_id) < (:beforeCreatedAt, :beforeAlertId)
                    ORDER BY created_at DESC, alert_id DESC
                    LIMIT :branchSize
                ) AS alert
                ORDER BY alert.created_at DESC, alert.alert_id DESC
                LIMIT :fetchSize""";

        String template() {
            return this == ONE ? ONE_RANGE : RANGE_PER_SEVERITY;
        }
    }
}
