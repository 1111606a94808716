package dev.vigil.monitoring.query;

import dev.vigil.monitoring.api.Severity;

/**
 * The statements that read a page of a user's exposures: one pair per filter shape (which of status, severity and
 * source kind are given; one severity and several are different shapes), a keyset statement and an offset
 * statement, each written for the index that serves its shape (the indexes are explained in
 * db/migration/monitoring/V202611270311__monitoring_exposure_feed.sql). This enum is their catalogue, hence its
 * length.
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
    ALL("""
            /* monitoring.exposure_page */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM monitoring.exposure_feed
            WHERE user_id = :userId
              AND created_at >= :from AND created_at < :to
              AND (created_at, exposure_id) < (:afterCreatedAt, :afterId)
            ORDER BY created_at DESC, exposure_id DESC
            LIMIT :fetchSize""", """
            /* monitoring.exposure_offset_page */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM monitoring.exposure_feed
            WHERE user_id = :userId
              AND created_at >= :from AND created_at < :to
            ORDER BY created_at DESC, exposure_id DESC
            LIMIT :fetchSize OFFSET :offset"""),

    /** exposure_feed_user_status_page_idx. */
    STATUS("""
            /* monitoring.exposure_page_by_status */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM monitoring.exposure_feed
            WHERE user_id = :userId
              AND status = :status
              AND created_at >= :from AND created_at < :to
              AND (created_at, exposure_id) < (:afterCreatedAt, :afterId)
            ORDER BY created_at DESC, exposure_id DESC
            LIMIT :fetchSize""", """
            /* monitoring.exposure_offset_page_by_status */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM monitoring.exposure_feed
            WHERE user_id = :userId
              AND status = :status
              AND created_at >= :from AND created_at < :to
            ORDER BY created_at DESC, exposure_id DESC
            LIMIT :fetchSize OFFSET :offset"""),

    /** exposure_feed_user_severity_page_idx. */
    SEVERITY("""
            /* monitoring.exposure_page_by_severity */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM monitoring.exposure_feed
            WHERE user_id = :userId
              AND severity = :severity
              AND created_at >= :from AND created_at < :to
              AND (created_at, exposure_id) < (:afterCreatedAt, :afterId)
            ORDER BY created_at DESC, exposure_id DESC
            LIMIT :fetchSize""", """
            /* monitoring.exposure_offset_page_by_severity */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM monitoring.exposure_feed
            WHERE user_id = :userId
              AND severity = :severity
              AND created_at >= :from AND created_at < :to
            ORDER BY created_at DESC, exposure_id DESC
            LIMIT :fetchSize OFFSET :offset"""),

    /** exposure_feed_user_severity_page_idx, one range per severity. */
    SEVERITIES("""
            /* monitoring.exposure_page_by_severities */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM unnest(CAST(:severities AS varchar[])) AS requested(requested_severity)
            CROSS JOIN LATERAL (
                SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                       updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
                FROM monitoring.exposure_feed
                WHERE user_id = :userId
                  AND severity = requested_severity
                  AND created_at >= :from AND created_at < :to
                  AND (created_at, exposure_id) < (:afterCreatedAt, :afterId)
                ORDER BY created_at DESC, exposure_id DESC
                LIMIT :fetchSize) AS branch
            ORDER BY created_at DESC, exposure_id DESC
            LIMIT :fetchSize""", """
            /* monitoring.exposure_offset_page_by_severities */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM unnest(CAST(:severities AS varchar[])) AS requested(requested_severity)
            CROSS JOIN LATERAL (
                SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                       updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
                FROM monitoring.exposure_feed
                WHERE user_id = :userId
                  AND severity = requested_severity
                  AND created_at >= :from AND created_at < :to
                ORDER BY created_at DESC, exposure_id DESC
                LIMIT :branchLimit) AS branch
            ORDER BY created_at DESC, exposure_id DESC
            LIMIT :fetchSize OFFSET :offset"""),

    /** exposure_feed_user_source_kind_page_idx. */
    SOURCE_KIND("""
            /* monitoring.exposure_page_by_source_kind */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM monitoring.exposure_feed
            WHERE user_id = :userId
              AND source_kind = :sourceKind
              AND created_at >= :from AND created_at < :to
              AND (created_at, exposure_id) < (:afterCreatedAt, :afterId)
            ORDER BY created_at DESC, exposure_id DESC
            LIMIT :fetchSize""", """
            /* monitoring.exposure_offset_page_by_source_kind */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM monitoring.exposure_feed
            WHERE user_id = :userId
              AND source_kind = :sourceKind
              AND created_at >= :from AND created_at < :to
            ORDER BY created_at DESC, exposure_id DESC
            LIMIT :fetchSize OFFSET :offset"""),

    /** exposure_feed_user_status_severity_page_idx. */
    STATUS_SEVERITY("""
            /* monitoring.exposure_page_by_status_severity */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM monitoring.exposure_feed
            WHERE user_id = :userId
              AND status = :status
              AND severity = :severity
              AND created_at >= :from AND created_at < :to
              AND (created_at, exposure_id) < (:afterCreatedAt, :afterId)
            ORDER BY created_at DESC, exposure_id DESC
            LIMIT :fetchSize""", """
            /* monitoring.exposure_offset_page_by_status_severity */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM monitoring.exposure_feed
            WHERE user_id = :userId
              AND status = :status
              AND severity = :severity
              AND created_at >= :from AND created_at < :to
            ORDER BY created_at DESC, exposure_id DESC
            LIMIT :fetchSize OFFSET :offset"""),

    /** exposure_feed_user_status_severity_page_idx, one range per severity. */
    STATUS_SEVERITIES("""
            /* monitoring.exposure_page_by_status_severities */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM unnest(CAST(:severities AS varchar[])) AS requested(requested_severity)
            CROSS JOIN LATERAL (
                SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                       updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
                FROM monitoring.exposure_feed
                WHERE user_id = :userId
                  AND status = :status
                  AND severity = requested_severity
                  AND created_at >= :from AND created_at < :to
                  AND (created_at, exposure_id) < (:afterCreatedAt, :afterId)
                ORDER BY created_at DESC, exposure_id DESC
                LIMIT :fetchSize) AS branch
            ORDER BY created_at DESC, exposure_id DESC
            LIMIT :fetchSize""", """
            /* monitoring.exposure_offset_page_by_status_severities */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM unnest(CAST(:severities AS varchar[])) AS requested(requested_severity)
            CROSS JOIN LATERAL (
                SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                       updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
                FROM monitoring.exposure_feed
                WHERE user_id = :userId
                  AND status = :status
                  AND severity = requested_severity
                  AND created_at >= :from AND created_at < :to
                ORDER BY created_at DESC, exposure_id DESC
                LIMIT :branchLimit) AS branch
            ORDER BY created_at DESC, exposure_id DESC
            LIMIT :fetchSize OFFSET :offset"""),

    /** The status or the source-kind index; the other filter is checked on each row. */
    STATUS_SOURCE_KIND("""
            /* monitoring.exposure_page_by_status_source_kind */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM monitoring.exposure_feed
            WHERE user_id = :userId
              AND status = :status
              AND source_kind = :sourceKind
              AND created_at >= :from AND created_at < :to
              AND (created_at, exposure_id) < (:afterCreatedAt, :afterId)
            ORDER BY created_at DESC, exposure_id DESC
            LIMIT :fetchSize""", """
            /* monitoring.exposure_offset_page_by_status_source_kind */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM monitoring.exposure_feed
            WHERE user_id = :userId
              AND status = :status
              AND source_kind = :sourceKind
              AND created_at >= :from AND created_at < :to
            ORDER BY created_at DESC, exposure_id DESC
            LIMIT :fetchSize OFFSET :offset"""),

    /** The severity or the source-kind index; the other filter is checked on each row. */
    SEVERITY_SOURCE_KIND("""
            /* monitoring.exposure_page_by_severity_source_kind */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM monitoring.exposure_feed
            WHERE user_id = :userId
              AND severity = :severity
              AND source_kind = :sourceKind
              AND created_at >= :from AND created_at < :to
              AND (created_at, exposure_id) < (:afterCreatedAt, :afterId)
            ORDER BY created_at DESC, exposure_id DESC
            LIMIT :fetchSize""", """
            /* monitoring.exposure_offset_page_by_severity_source_kind */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM monitoring.exposure_feed
            WHERE user_id = :userId
              AND severity = :severity
              AND source_kind = :sourceKind
              AND created_at >= :from AND created_at < :to
            ORDER BY created_at DESC, exposure_id DESC
            LIMIT :fetchSize OFFSET :offset"""),

    /** exposure_feed_user_severity_page_idx, one range per severity; source_kind is checked on each row. */
    SEVERITIES_SOURCE_KIND("""
            /* monitoring.exposure_page_by_severities_source_kind */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM unnest(CAST(:severities AS varchar[])) AS requested(requested_severity)
            CROSS JOIN LATERAL (
                SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                       updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
                FROM monitoring.exposure_feed
                WHERE user_id = :userId
                  AND severity = requested_severity
                  AND source_kind = :sourceKind
                  AND created_at >= :from AND created_at < :to
                  AND (created_at, exposure_id) < (:afterCreatedAt, :afterId)
                ORDER BY created_at DESC, exposure_id DESC
                LIMIT :fetchSize) AS branch
            ORDER BY created_at DESC, exposure_id DESC
            LIMIT :fetchSize""", """
            /* monitoring.exposure_offset_page_by_severities_source_kind */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM unnest(CAST(:severities AS varchar[])) AS requested(requested_severity)
            CROSS JOIN LATERAL (
                SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                       updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
                FROM monitoring.exposure_feed
                WHERE user_id = :userId
                  AND severity = requested_severity
                  AND source_kind = :sourceKind
                  AND created_at >= :from AND created_at < :to
                ORDER BY created_at DESC, exposure_id DESC
                LIMIT :branchLimit) AS branch
            ORDER BY created_at DESC, exposure_id DESC
            LIMIT :fetchSize OFFSET :offset"""),

    /** exposure_feed_user_status_severity_page_idx; source_kind is checked on each row. */
    STATUS_SEVERITY_SOURCE_KIND("""
            /* monitoring.exposure_page_by_status_severity_source_kind */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM monitoring.exposure_feed
            WHERE user_id = :userId
              AND status = :status
              AND severity = :severity
              AND source_kind = :sourceKind
              AND created_at >= :from AND created_at < :to
              AND (created_at, exposure_id) < (:afterCreatedAt, :afterId)
            ORDER BY created_at DESC, exposure_id DESC
            LIMIT :fetchSize""", """
            /* monitoring.exposure_offset_page_by_status_severity_source_kind */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM monitoring.exposure_feed
            WHERE user_id = :userId
              AND status = :status
              AND severity = :severity
              AND source_kind = :sourceKind
              AND created_at >= :from AND created_at < :to
            ORDER BY created_at DESC, exposure_id DESC
            LIMIT :fetchSize OFFSET :offset"""),

    /** exposure_feed_user_status_severity_page_idx, one range per severity; source_kind is checked on each row. */
    STATUS_SEVERITIES_SOURCE_KIND("""
            /* monitoring.exposure_page_by_status_severities_source_kind */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM unnest(CAST(:severities AS varchar[])) AS requested(requested_severity)
            CROSS JOIN LATERAL (
                SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                       updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
                FROM monitoring.exposure_feed
                WHERE user_id = :userId
                  AND status = :status
                  AND severity = requested_severity
                  AND source_kind = :sourceKind
                  AND created_at >= :from AND created_at < :to
                  AND (created_at, exposure_id) < (:afterCreatedAt, :afterId)
                ORDER BY created_at DESC, exposure_id DESC
                LIMIT :fetchSize) AS branch
            ORDER BY created_at DESC, exposure_id DESC
            LIMIT :fetchSize""", """
            /* monitoring.exposure_offset_page_by_status_severities_source_kind */
            SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                   updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
            FROM unnest(CAST(:severities AS varchar[])) AS requested(requested_severity)
            CROSS JOIN LATERAL (
                SELECT exposure_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                       updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason
                FROM monitoring.exposure_feed
                WHERE user_id = :userId
                  AND status = :status
                  AND severity = requested_severity
                  AND source_kind = :sourceKind
                  AND created_at >= :from AND created_at < :to
                ORDER BY created_at DESC, exposure_id DESC
                LIMIT :branchLimit) AS branch
            ORDER BY created_at DESC, exposure_id DESC
            LIMIT :fetchSize OFFSET :offset""");

    private final String keysetSql;
    private final String offsetSql;

    ExposurePageShape(String keysetSql, String offsetSql) {
        this.keysetSql = keysetSql;
        this.offsetSql = offsetSql;
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
