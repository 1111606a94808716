-- alerting: the alert feed guards every change with the sequence number of the event's aggregate, as every read
-- model does (billing.subscription_view is the model): a statement changes a row only if the event is newer than
-- the last one applied to it, so an old event delivered again (a retried batch, a replay over kept rows) changes
-- nothing. Until now the feed relied on each row's status, which cannot tell an old "mark all read" from a new one.

-- Sequence number of the last event of the row's Alert aggregate applied to it (AlertRaised is 0). -1 on rows
-- written before this migration: their next event sets it; until then the status conditions the statements keep
-- protect them as before.
ALTER TABLE alerting.alert_feed ADD COLUMN version BIGINT NOT NULL DEFAULT -1;

-- "Mark all read" comes from another aggregate, the user's AlertInbox (id 'alert-inbox-' || user_id), and changes
-- many rows at once: its guard is one row per user holding the sequence number of the last AllAlertsMarkedRead
-- applied to the feed. Built and emptied with alert_feed by the alerting-alert-feed processor; a user without a row
-- has had none applied yet.
CREATE TABLE alerting.alert_inbox_version (
    user_id UUID   PRIMARY KEY,
    version BIGINT NOT NULL
);
