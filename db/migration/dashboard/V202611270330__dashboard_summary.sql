-- dashboard: one summary row per user, and the per-item state the counters are derived from.
-- All three tables are written only by the dashboard-summary processor and emptied by its reset handler.
-- No wall-clock columns: every time is an event's time, so a rebuild gives byte-identical rows.
--
-- Time-range indexes: none here. No query reads these tables across users by time; the cross-user
-- created_at indexes live on the feeds (alerting.alert_feed, monitoring.exposure_feed).
CREATE SCHEMA IF NOT EXISTS dashboard;

-- The row behind GET /api/v1/dashboard, read by primary key only (the PK index is the only index it needs).
-- Counters change only through the state tables below: each event moves one item from an old state to a
-- new one, and the counter deltas are computed from that old/new pair in the same statement.
CREATE TABLE dashboard.dashboard_summary (
    user_id                      UUID        PRIMARY KEY,
    -- null until UserRegistered arrives (events of other modules may create the row first); text because
    -- identity owns the length rule, and a longer name must not stall this projection
    display_name                 TEXT,
    -- FREE with no subscription until SubscriptionStarted; after SubscriptionExpired it keeps the plan that
    -- lapsed, and subscription_status says EXPIRED
    plan                         VARCHAR(6)  NOT NULL DEFAULT 'FREE',
    subscription_status          VARCHAR(9),
    current_period_end           TIMESTAMPTZ,
    -- when the subscription stops unless renewed: set by SubscriptionCancelled (active until),
    -- SubscriptionExpiring (expires at) and SubscriptionExpired (expired at); cleared by a start or renewal
    subscription_ends_at         TIMESTAMPTZ,
    exposures_active             INTEGER     NOT NULL DEFAULT 0,
    exposures_removal_requested  INTEGER     NOT NULL DEFAULT 0,
    exposures_removed            INTEGER     NOT NULL DEFAULT 0,
    exposures_removal_failed     INTEGER     NOT NULL DEFAULT 0,
    -- open = not REMOVED (ACTIVE, REMOVAL_REQUESTED, REMOVAL_FAILED), by the exposure's current severity
    open_exposures_low           INTEGER     NOT NULL DEFAULT 0,
    open_exposures_medium        INTEGER     NOT NULL DEFAULT 0,
    open_exposures_high          INTEGER     NOT NULL DEFAULT 0,
    open_exposures_critical      INTEGER     NOT NULL DEFAULT 0,
    alerts_total                 INTEGER     NOT NULL DEFAULT 0,
    -- dismissed alerts are not unread
    alerts_unread                INTEGER     NOT NULL DEFAULT 0,
    last_alert_at                TIMESTAMPTZ,
    -- the latest ExposureDetected or ExposureReappeared
    last_exposure_at             TIMESTAMPTZ,
    -- Generated, so it can never disagree with the counts. Weighted open exposures, capped at 100:
    -- LOW 1, MEDIUM 4, HIGH 10, CRITICAL 25 (four open critical exposures, or ten high ones, reach 100).
    -- bigint arithmetic: no counter value can overflow the sum.
    risk_score                   SMALLINT    NOT NULL GENERATED ALWAYS AS (
                                     LEAST(100, open_exposures_low::BIGINT
                                                + 4 * open_exposures_medium::BIGINT
                                                + 10 * open_exposures_high::BIGINT
                                                + 25 * open_exposures_critical::BIGINT)::SMALLINT) STORED,
    -- time of the latest event applied to the row (never moves backwards)
    updated_at                   TIMESTAMPTZ NOT NULL,
    CONSTRAINT dashboard_summary_plan_check CHECK (plan IN ('FREE', 'PLUS', 'FAMILY')),
    CONSTRAINT dashboard_summary_subscription_status_check
        CHECK (subscription_status IN ('TRIALING', 'ACTIVE', 'PAST_DUE', 'CANCELLED', 'EXPIRED')),
    -- tripwires: a bug in the delta arithmetic stops the processor (visible as lag) instead of showing wrong numbers
    CONSTRAINT dashboard_summary_counters_check CHECK (
        exposures_active >= 0 AND exposures_removal_requested >= 0 AND exposures_removed >= 0
        AND exposures_removal_failed >= 0 AND open_exposures_low >= 0 AND open_exposures_medium >= 0
        AND open_exposures_high >= 0 AND open_exposures_critical >= 0
        AND alerts_unread >= 0 AND alerts_unread <= alerts_total),
    CONSTRAINT dashboard_summary_open_exposures_check CHECK (
        open_exposures_low + open_exposures_medium + open_exposures_high + open_exposures_critical
        = exposures_active + exposures_removal_requested + exposures_removal_failed)
);

COMMENT ON COLUMN dashboard.dashboard_summary.risk_score IS
    'min(100, open LOW + 4 * open MEDIUM + 10 * open HIGH + 25 * open CRITICAL exposures); open = not REMOVED';

-- Where each exposure stands, as far as the dashboard counts it. The key starts with user_id (every
-- user-scoped table does): each event names both ids, so a transition is one primary-key probe, and one
-- user's rows sit together for a per-user scan.
CREATE TABLE dashboard.exposure_state (
    user_id     UUID        NOT NULL,
    exposure_id UUID        NOT NULL,
    status      VARCHAR(17) NOT NULL,
    severity    VARCHAR(8)  NOT NULL,
    PRIMARY KEY (user_id, exposure_id),
    CONSTRAINT exposure_state_status_check
        CHECK (status IN ('ACTIVE', 'REMOVAL_REQUESTED', 'REMOVED', 'REMOVAL_FAILED')),
    CONSTRAINT exposure_state_severity_check CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL'))
);

-- Where each alert stands. Same key shape as exposure_state.
CREATE TABLE dashboard.alert_state (
    user_id  UUID       NOT NULL,
    alert_id UUID       NOT NULL,
    status   VARCHAR(9) NOT NULL,
    PRIMARY KEY (user_id, alert_id),
    CONSTRAINT alert_state_status_check CHECK (status IN ('UNREAD', 'READ', 'DISMISSED'))
);

-- AllAlertsMarkedRead updates the user's UNREAD alerts only. Through the primary key it would visit every
-- alert the user ever had (most of them long read); this partial index holds only unread ones, so the
-- statement costs what it changes. Price: a status change is never a HOT update (status is in the predicate).
CREATE INDEX alert_state_unread_idx ON dashboard.alert_state (user_id) WHERE status = 'UNREAD';
