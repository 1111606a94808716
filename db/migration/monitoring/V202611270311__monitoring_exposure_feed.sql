-- Read model: one row per exposure with everything its list row shows, so a page needs no join.
-- Written only by the monitoring-exposure-feed processor; every time comes from an event, so a rebuild
-- from the event store yields the same rows.
CREATE TABLE monitoring.exposure_feed (
    exposure_id          UUID         PRIMARY KEY,
    user_id              UUID         NOT NULL,
    source_name          VARCHAR(200) NOT NULL,
    source_kind          VARCHAR(16)  NOT NULL,
    -- sorted, no duplicates (as in ExposureDetected)
    data_types           TEXT[]       NOT NULL,
    severity             VARCHAR(8)   NOT NULL,
    status               VARCHAR(20)  NOT NULL,
    -- when the scan found it (latest report that changed the row: detection or reappearance)
    found_at             TIMESTAMPTZ  NOT NULL,
    -- ExposureDetected.detectedAt: the list is ordered by this
    created_at           TIMESTAMPTZ  NOT NULL,
    -- time of the last event applied
    updated_at           TIMESTAMPTZ  NOT NULL,
    -- the current removal cycle (the last failure too); a reappearance starts a new one and clears them
    removal_requested_at TIMESTAMPTZ,
    removed_at           TIMESTAMPTZ,
    reappeared_count     INTEGER      NOT NULL,
    last_failure_reason  VARCHAR(500),
    -- sequence number of the exposure aggregate's last applied event: replays never go backwards
    version              BIGINT       NOT NULL,
    CONSTRAINT exposure_feed_source_kind_check CHECK (source_kind IN ('DATA_BROKER', 'BREACH', 'PASTE', 'PEOPLE_SEARCH')),
    CONSTRAINT exposure_feed_severity_check CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    CONSTRAINT exposure_feed_status_check
        CHECK (status IN ('ACTIVE', 'REMOVAL_REQUESTED', 'REMOVED', 'REMOVAL_FAILED')),
    CONSTRAINT exposure_feed_data_types_not_empty CHECK (cardinality(data_types) >= 1)
);

-- Indexes for GET /api/v1/exposures (issue 4): the caller's exposures, newest first, keyset-paged by
-- (created_at, exposure_id) < (cursor) ORDER BY created_at DESC, exposure_id DESC, with the optional
-- filters status, severity (one or several), sourceKind and from/to on created_at.
--
-- Rule: each index is (user_id, <equality filters>, created_at DESC, exposure_id DESC). A query whose
-- equality filters are exactly the index's middle columns reads one contiguous range, already in page
-- order: no sort, it stops after LIMIT rows, and from/to and the cursor only narrow that range (they are
-- conditions on the trailing created_at column). A filter not in the index's key is checked on each row
-- of the range (a residual filter): still one ordered range scan, reading the rows the key could not skip.
--
-- Filter combination (each also with from/to)   index (key range)                            residual filter
--   none                                         exposure_feed_user_page_idx                  -
--   status                                       exposure_feed_user_status_page_idx           -
--   severity                                     exposure_feed_user_severity_page_idx         -
--   sourceKind                                   exposure_feed_user_source_kind_page_idx      -
--   status + severity                            exposure_feed_user_status_severity_page_idx  -
--   status + sourceKind                          the status or the source-kind index          the other one
--   severity + sourceKind                        the severity or the source-kind index        the other one
--   status + severity + sourceKind               exposure_feed_user_status_severity_page_idx  source_kind
--
-- Why these: the web app's list is tabbed by status (Active / Removal requested / Removed / Failed) with
-- severity chips and a source-kind menu. Status and severity are the filters people combine ("active,
-- critical") and CRITICAL is rare, so a residual severity check would read most of the tab: that pair gets
-- its own key. Source kind is used mostly alone; combined with another filter it only narrows an already
-- filtered range, and three more indexes for its pairs would cost a write on every status change (status
-- is in most keys, so those updates are never HOT) for little gain.
--
-- Several severities: PostgreSQL 15 cannot return a `severity = ANY(...)` index scan in created_at order.
-- Written with `= ANY`, the query is the user's page range with a residual severity filter (one ordered
-- range, reading the rows of other severities too). For rare severities, write it as a UNION ALL with one
-- branch per requested severity (each `severity = 'X' ... ORDER BY created_at DESC, exposure_id DESC
-- LIMIT n`, one range of the severity index) under an outer ORDER BY ... LIMIT n: the planner merges the
-- branches in order (Merge Append), at most four ranges, each stopping after n rows.
--
-- Checked with EXPLAIN on 220k rows (a user with 20k exposures among 2,000 users with 100 each): each
-- single filter, status + severity, the two source-kind pairs and status + from/to + cursor is one Index
-- (Only) Scan under the Limit, no Sort; `severity = ANY` the page index with a filter; the UNION ALL form
-- a Merge Append of two index ranges. For a user with ~100 rows the planner reads the few matching rows by bitmap and sorts
-- them, which is cheaper at that size.
--
-- user_id leads every key, so these also serve any lookup of a user's rows; no separate user_id index.

-- Unfiltered page; from/to alone.
CREATE INDEX exposure_feed_user_page_idx
    ON monitoring.exposure_feed (user_id, created_at DESC, exposure_id DESC);

-- Status tab.
CREATE INDEX exposure_feed_user_status_page_idx
    ON monitoring.exposure_feed (user_id, status, created_at DESC, exposure_id DESC);

-- Severity chips without a status (one range per requested severity).
CREATE INDEX exposure_feed_user_severity_page_idx
    ON monitoring.exposure_feed (user_id, severity, created_at DESC, exposure_id DESC);

-- Source-kind menu.
CREATE INDEX exposure_feed_user_source_kind_page_idx
    ON monitoring.exposure_feed (user_id, source_kind, created_at DESC, exposure_id DESC);

-- Status tab with severity chips.
CREATE INDEX exposure_feed_user_status_severity_page_idx
    ON monitoring.exposure_feed (user_id, status, severity, created_at DESC, exposure_id DESC);

-- Time ranges across users (operations, reporting: "exposures detected in the last hour"), keyset-ordered
-- by (created_at, exposure_id). B-tree rather than BRIN: BRIN needs the heap to stay in created_at order,
-- but every status change rewrites a row to wherever there is room (never HOT, status is indexed), so the
-- physical order erodes; and BRIN cannot return rows in order for a keyset page.
CREATE INDEX exposure_feed_created_idx
    ON monitoring.exposure_feed (created_at, exposure_id);
