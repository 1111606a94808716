-- alerting: alert_feed_created_idx served no statement (issue 6, unused indexes). It was made for cross-user time
-- ranges (operations, retention) that no code runs; the per-user from/to filters are served by the user indexes,
-- which end in created_at. At volume its only scans were the planner's own min/max probes while estimating
-- created_at bounds (pg_stat_user_indexes: idx_scan = idx_tup_read, never in a plan), and it cost a B-tree insert
-- per alert. The plan suite (ReadStatementPlansIntegrationTests) shows every read plan unchanged without it.
-- A future cross-user time query brings its own index, chosen then (BRIN only if the rows stay in time order).
DROP INDEX IF EXISTS alerting.alert_feed_created_idx;
