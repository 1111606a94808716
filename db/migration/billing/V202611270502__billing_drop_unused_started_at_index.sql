-- billing: subscription_view_started_at_idx served no statement (issue 6, unused indexes): no code reads
-- subscriptions by start time (reports were planned, never written), and it was never scanned at volume. The
-- lifecycle job's period-end ranges keep their partial indexes (subscription_view_notice_due_idx,
-- subscription_view_expiry_due_idx), proven by LifecycleCandidatesPlanIntegrationTests.
DROP INDEX IF EXISTS billing.subscription_view_started_at_idx;
