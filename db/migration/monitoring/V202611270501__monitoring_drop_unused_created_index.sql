-- monitoring: exposure_feed_created_idx served no statement (issue 6, unused indexes). No code reads exposures by
-- time across users; the per-user from/to filters are served by the exposure_feed_user_*_page_idx indexes, which end
-- in created_at. At volume its only scans were the planner's min/max probes (idx_scan = idx_tup_read, never in a
-- plan); it cost a B-tree insert per exposure. The plan suite shows every read plan unchanged without it.
DROP INDEX IF EXISTS monitoring.exposure_feed_created_idx;
