package dev.vigil.seeder;

/** Every table the seeder fills, with the columns it writes (in COPY order). */
enum SeedTable {
    EVENTS("axon.domain_event_entry", "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data"),
    EMAIL_CLAIM("identity.email_claim", "email, user_id"),
    USER_PROFILE("identity.user_profile_view",
            "user_id, email, display_name, time_zone, registered_at, updated_at, version"),
    BILLING_KNOWN_USER("billing.known_user", "user_id, registered_at"),
    SUBSCRIPTION("billing.subscription_view", "user_id, plan, status, trial, current_period_end, started_at, "
            + "cancelled_at, updated_at, expiry_noticed_at, version"),
    MONITORING_KNOWN_USER("monitoring.known_user", "user_id, registered_at"),
    FINDING_CLAIM("monitoring.finding_claim", "user_id, fingerprint, exposure_id"),
    EXPOSURE_FEED("monitoring.exposure_feed", "exposure_id, user_id, source_name, source_kind, data_types, severity, "
            + "status, found_at, created_at, updated_at, removal_requested_at, removed_at, reappeared_count, "
            + "last_failure_reason, version"),
    ALERT_SOURCE_CLAIM("alerting.alert_source_claim", "source_event_id, alert_id"),
    ALERT_FEED("alerting.alert_feed", "alert_id, user_id, category, severity, status, title, exposure_id, source_name, "
            + "created_at, read_at, dismissed_at, updated_at, version"),
    ALERT_INBOX_VERSION("alerting.alert_inbox_version", "user_id, version"),
    DASHBOARD_SUMMARY("dashboard.dashboard_summary", "user_id, display_name, plan, subscription_status, "
            + "current_period_end, subscription_ends_at, exposures_active, exposures_removal_requested, "
            + "exposures_removed, exposures_removal_failed, open_exposures_low, open_exposures_medium, "
            + "open_exposures_high, open_exposures_critical, alerts_total, alerts_unread, last_alert_at, "
            + "last_exposure_at, updated_at, profile_version, subscription_version, alert_inbox_version"),
    EXPOSURE_STATE("dashboard.exposure_state", "user_id, exposure_id, status, severity, version"),
    ALERT_STATE("dashboard.alert_state", "user_id, alert_id, status, version");

    private final String table;
    private final String columns;

    SeedTable(String table, String columns) {
        this.table = table;
        this.columns = columns;
    }

    String table() {
        return table;
    }

    String copyStatement() {
        return "COPY " + table + " (" + columns + ") FROM STDIN (FORMAT binary, FREEZE)";
    }
}
