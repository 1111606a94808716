-- alerting: the alert list read model. Built only by the alerting-alert-feed processor from alerting's events;
-- every column comes from an event, so a rebuild gives the same table.
CREATE SCHEMA IF NOT EXISTS alerting;

-- One row per alert with everything its list row shows: no join at read time.
CREATE TABLE alerting.alert_feed (
    alert_id     UUID         PRIMARY KEY,
    user_id      UUID         NOT NULL,
    category     VARCHAR(32)  NOT NULL,
    severity     VARCHAR(16)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    -- the Alert aggregate caps titles at 200 characters
    title        VARCHAR(200) NOT NULL,
    -- exposure alerts only
    exposure_id  UUID,
    -- monitoring's source name, as it sent it: its length is monitoring's rule, and a limit here could make the
    -- projection fail on an event it must accept
    source_name  TEXT,
    -- AlertRaised.raisedAt
    created_at   TIMESTAMPTZ  NOT NULL,
    read_at      TIMESTAMPTZ,
    dismissed_at TIMESTAMPTZ,
    -- time of the last event applied to the row
    updated_at   TIMESTAMPTZ  NOT NULL,
    CONSTRAINT alert_feed_category_check
        CHECK (category IN ('NEW_EXPOSURE', 'EXPOSURE_REAPPEARED', 'PAYMENT_FAILED', 'SUBSCRIPTION_EXPIRING')),
    CONSTRAINT alert_feed_severity_check CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    CONSTRAINT alert_feed_status_check CHECK (status IN ('UNREAD', 'READ', 'DISMISSED'))
);

-- Indexes for the read API (issue 4): GET /alerts lists one user's alerts newest first, keyset-paged by
-- (created_at, alert_id), filtered by status, severity (one or several), category and a from/to range on
-- created_at. Every user-scoped index leads with user_id and ends in created_at DESC, alert_id DESC, so a page
-- is one range scan that stops after LIMIT rows:
--   WHERE user_id = :u [AND <equality filter>] [AND created_at >= :from AND created_at < :to]
--     AND (created_at, alert_id) < (:cursorCreatedAt, :cursorAlertId)
--   ORDER BY created_at DESC, alert_id DESC LIMIT :n
-- Filters that are not the index's equality prefix are trailing key columns where it pays: btree checks them
-- on the index entry inside the same range scan, and only matching rows are fetched from the heap.
-- GET /alerts/{id} uses the primary key (with user_id = :u in the WHERE clause, so another user's id finds
-- nothing).

-- All of a user's alerts, newest first; from/to bound the created_at range. The default page.
CREATE INDEX alert_feed_user_page_idx
    ON alerting.alert_feed (user_id, created_at DESC, alert_id DESC);

-- status = unread: the hottest read in the product (the bell, the first page). Partial, so it holds only unread
-- rows: small, cache resident, and a user's unread page never walks past read ones. severity and category
-- trailing: "unread and critical" stays one range scan. Also serves mark-all-read's
-- UPDATE ... WHERE user_id = :u AND status = 'UNREAD' (alerting.alert_feed_mark_all_read), which touches only
-- the rows it changes.
CREATE INDEX alert_feed_user_unread_page_idx
    ON alerting.alert_feed (user_id, created_at DESC, alert_id DESC, severity, category)
    WHERE status = 'UNREAD';

-- status = read or dismissed: equality on status, then the page order. Unread rows are left out (the partial
-- index above serves them), so no row is indexed twice for the same purpose.
CREATE INDEX alert_feed_user_status_page_idx
    ON alerting.alert_feed (user_id, status, created_at DESC, alert_id DESC, severity, category)
    WHERE status <> 'UNREAD';

-- severity = one value: one range scan. Several values: one range scan per value, each stopping after LIMIT
-- rows, merged in the statement (unnest(:severities) with a LATERAL ... LIMIT subquery, or a UNION ALL whose
-- branches PostgreSQL merges with Merge Append) rather than severity = ANY(...), which on PostgreSQL 15 loses
-- the created_at order and sorts all of the user's matching rows. status and category trailing.
CREATE INDEX alert_feed_user_severity_page_idx
    ON alerting.alert_feed (user_id, severity, created_at DESC, alert_id DESC, status, category);

-- category = one value: one range scan; status and severity trailing.
CREATE INDEX alert_feed_user_category_page_idx
    ON alerting.alert_feed (user_id, category, created_at DESC, alert_id DESC, status, severity);

-- Time-range queries across users (operations: alerts raised in the last hour, retention). B-tree rather than
-- BRIN: rows are updated after insert (read, dismissed), and as their versions move to other pages the heap
-- stops following created_at, which is what BRIN relies on; a B-tree also returns rows in time order for
-- "latest N". created_at grows with time, so inserts land on the right-most leaf and the index stays compact.
CREATE INDEX alert_feed_created_idx
    ON alerting.alert_feed (created_at DESC, alert_id DESC);
