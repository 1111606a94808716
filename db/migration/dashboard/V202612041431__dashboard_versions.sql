-- dashboard: every change is guarded by the sequence number of the event's aggregate, as every read model does
-- (billing.subscription_view is the model): a statement changes a row only if the event is newer than the last
-- event of that aggregate applied to it, so an old event delivered again (a retried batch, a replay over kept rows)
-- changes nothing. Until now the summary's columns were set from whatever event came, and the state tables only
-- refused an event that found its item already in the event's state: an old RemovalRequested after the removal was
-- confirmed moved the exposure back.
--
-- One version per aggregate that writes the row. -1: no event of that aggregate applied yet, which is also what rows
-- written before this migration say; their next event of each aggregate sets it.

-- The summary row is written by three aggregates of its user: the user (UserRegistered, ProfileUpdated), the
-- subscription ('subscription-' || user_id) and the alert inbox ('alert-inbox-' || user_id; AllAlertsMarkedRead).
-- Exposure and alert events reach the counters through the state tables below, each guarded by its item's version.
ALTER TABLE dashboard.dashboard_summary
    ADD COLUMN profile_version      BIGINT NOT NULL DEFAULT -1,
    ADD COLUMN subscription_version BIGINT NOT NULL DEFAULT -1,
    ADD COLUMN alert_inbox_version  BIGINT NOT NULL DEFAULT -1;

-- The Exposure and Alert aggregates' sequence numbers.
ALTER TABLE dashboard.exposure_state ADD COLUMN version BIGINT NOT NULL DEFAULT -1;
ALTER TABLE dashboard.alert_state ADD COLUMN version BIGINT NOT NULL DEFAULT -1;
