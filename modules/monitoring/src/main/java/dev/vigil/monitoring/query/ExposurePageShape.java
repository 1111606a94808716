package dev.vigil.monitoring.query;

import dev.vigil.monitoring.api.Severity;

/**
 * The statements that read a page of a user's exposures: one pair per filter shape (which of status, severity and
 * source kind are given; one severity and several are different shapes), a keyset statement and an offset
 * statement, each written for the index that serves its shape (the indexes are explained in
 * db/migration/monitoring/V202611270311__monitoring_exposure_feed.sql). The texts are assembled once, from
 * fixed pieces only: which filters a shape has decides the conditions; values are always bound.
 * <p>
 * {@code from}/{@code to} are in every statement: they only narrow the trailing {@code created_at} column of
 * whichever index the shape uses, so they never change which index serves it; when absent they are bound to bounds
 * that hold every row. The first page binds {@link dev.vigil.platform.paging.KeysetPosition#START} and runs the same
 * keyset statement as every later page.
 * <p>
 * Several severities are read as one index range per severity, {@code unnest(:severities) CROSS JOIN LATERAL
 * (... LIMIT n)} under an outer {@code ORDER BY ... LIMIT n}: PostgreSQL 15 cannot return a {@code severity = ANY(...)}
 * index scan in {@code created_at} order, so that form would read the user's rows of every other severity too.
 * Offset statements let each branch read {@code :branchLimit} rows (offset plus fetch size), all the outer offset
 * and limit can need.
 * <p>
 * Parameters: {@code :userId}, {@code :status}, {@code :severity}, {@code :severities} (a varchar array),
 * {@code :sourceKind}, {@code :from}, {@code :to}, {@code :fetchSize}; keyset statements {@code :afterCreatedAt} and
 * {@code :afterId}; offset statements {@code :offset} and, per severity, {@code :branchLimit}. Each statement uses
 * those of its shape.
 */
enum ExposurePageShape {

    /** exposure_feed_user_page_idx. */
    ALL(false, Severities.NONE, false),
    /** exposure_feed_user_status_page_idx. */
    STATUS(true, Severities.NONE, false),
    /** exposure_feed_user_severity_page_idx. */
    SEVERITY(false, Severities.ONE, false),
    /** exposure_feed_user_severity_page_idx, one range per severity. */
    SEVERITIES(false, Severities.SEVERAL, false),
    /** exposure_feed_user_source_kind_page_idx. */
    SOURCE_KIND(false, Severities.NONE, true),
    /** exposure_feed_user_status_severity_page_idx. */
    STATUS_SEVERITY(true, Severities.ONE, false),
    /** exposure_feed_user_status_severity_page_idx, one range per severity. */
    STATUS_SEVERITIES(true, Severities.SEVERAL, false),
    /** The status or the source-kind index; the other filter is checked on each row. */
    STATUS_SOURCE_KIND(true, Severities.NONE, true),
    /** The severity or the source-kind index; the other filter is checked on each row. */
    SEVERITY_SOURCE_KIND(false, Severities.ONE, true),
    /** exposure_feed_user_severity_page_idx, one range per severity; source_kind is checked on each row. */
    SEVERITIES_SOURCE_KIND(false, Severities.SEVERAL, true),
    /** exposure_feed_user_status_severity_page_idx; source_kind is checked on each row. */
    STATUS_SEVERITY_SOURCE_KIND(true, Severities.ONE, true),
    /** exposure_feed_user_status_severity_page_idx, one range per severity; source_kind is checked on each row. */
    STATUS_SEVERITIES_SOURCE_KIND(true, Severities.SEVERAL, true);

    private enum Severities { NONE, ONE, SEVERAL }

    private static final String COLUMNS = """
            exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
            updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason""";
    private static final String ORDER = "ORDER BY created_at DESC, exposure_id DESC";
    private static final String AFTER_CURSOR = "\n  AND (created_at, exposure_id) < (:afterCreatedAt, :afterId)";

    private final String keysetSql;
    private final String offsetSql;

    ExposurePageShape(boolean status, Severities severities, boolean sourceKind) {
        String suffix = suffix(status, severities, sourceKind);
        String conditions = "WHERE user_id = :userId"
                + (status ? "\n  AND status = :status" : "")
                + switch (severities) {
                    case NONE -> "";
                    case ONE -> "\n  AND severity = :severity";
                    case SEVERAL -> "\n  AND severity = requested_severity";
                }
                + (sourceKind ? "\n  AND source_kind = :sourceKind" : "")
                + "\n  AND created_at >= :from AND created_at < :to";
        this.keysetSql = statement("monitoring.exposure_page" + suffix, severities, conditions + AFTER_CURSOR,
                ":fetchSize", "LIMIT :fetchSize");
        this.offsetSql = statement("monitoring.exposure_offset_page" + suffix, severities, conditions,
                ":branchLimit", "LIMIT :fetchSize OFFSET :offset");
    }

    /** One range scan, or one per requested severity merged under the outer order and limit. */
    private static String statement(String name, Severities severities, String conditions, String branchLimit,
            String limit) {
        String range = "SELECT " + COLUMNS + "\nFROM monitoring.exposure_feed\n" + conditions + "\n" + ORDER;
        if (severities != Severities.SEVERAL) {
            return "/* " + name + " */\n" + range + "\n" + limit;
        }
        return "/* " + name + " */\nSELECT " + COLUMNS
                + "\nFROM unnest(CAST(:severities AS varchar[])) AS requested(requested_severity)"
                + "\nCROSS JOIN LATERAL (\n" + range + "\nLIMIT " + branchLimit + ") AS branch\n" + ORDER + "\n" + limit;
    }

    private static String suffix(boolean status, Severities severities, boolean sourceKind) {
        StringBuilder parts = new StringBuilder();
        if (status) {
            parts.append("_status");
        }
        if (severities != Severities.NONE) {
            parts.append(severities == Severities.ONE ? "_severity" : "_severities");
        }
        if (sourceKind) {
            parts.append("_source_kind");
        }
        return parts.isEmpty() ? "" : "_by" + parts;
    }

    /**
     * The shape for these filters. All four severities filter nothing (the column holds no other value), so they
     * read the one range of the shape without severity rather than four.
     */
    static ExposurePageShape of(ExposureFilters filters) {
        int severities = filters.severities().size() == Severity.values().length ? 0 : filters.severities().size();
        boolean status = filters.status() != null;
        boolean sourceKind = filters.sourceKind() != null;
        return switch (severities) {
            case 0 -> status ? (sourceKind ? STATUS_SOURCE_KIND : STATUS) : (sourceKind ? SOURCE_KIND : ALL);
            case 1 -> status ? (sourceKind ? STATUS_SEVERITY_SOURCE_KIND : STATUS_SEVERITY)
                    : (sourceKind ? SEVERITY_SOURCE_KIND : SEVERITY);
            default -> status ? (sourceKind ? STATUS_SEVERITIES_SOURCE_KIND : STATUS_SEVERITIES)
                    : (sourceKind ? SEVERITIES_SOURCE_KIND : SEVERITIES);
        };
    }

    String keysetSql() {
        return keysetSql;
    }

    String offsetSql() {
        return offsetSql;
    }
}
