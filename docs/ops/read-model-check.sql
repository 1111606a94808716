-- Do the read models agree with the event store, and with each other? One row per check: what the events (or
-- the other read model) say, what the read model holds, and whether they agree. Run it once the projections
-- have caught up (no load, or after the last write was confirmed): a row of the check is off by what is still
-- in flight otherwise. Used by bin/cluster-faults after its faults; by hand:
--   psql -h HOST -U postgres -d vigil -f docs/ops/read-model-check.sql
-- Each count reads its tables once; at the seeder's scale 0.05 (2.2 million events) the whole check takes a few
-- seconds.
WITH events AS (
    SELECT count(*) FILTER (WHERE payload_type LIKE '%.UserRegistered') AS users,
           count(*) FILTER (WHERE payload_type LIKE '%.AlertRaised') AS alerts,
           count(*) FILTER (WHERE payload_type LIKE '%.ExposureDetected') AS exposures
    FROM axon.domain_event_entry
),
checks(check_name, expected, actual) AS (
    SELECT 'users: UserRegistered events = identity.user_profile_view rows',
           (SELECT users FROM events), (SELECT count(*) FROM identity.user_profile_view)
    UNION ALL
    SELECT 'alerts: AlertRaised events = alerting.alert_feed rows',
           (SELECT alerts FROM events), (SELECT count(*) FROM alerting.alert_feed)
    UNION ALL
    SELECT 'alerts: AlertRaised events = dashboard.alert_state rows',
           (SELECT alerts FROM events), (SELECT count(*) FROM dashboard.alert_state)
    UNION ALL
    SELECT 'alerts: status in alert_feed = status in dashboard.alert_state (alerts that differ)',
           0, (SELECT count(*) FROM alerting.alert_feed f JOIN dashboard.alert_state s USING (alert_id)
               WHERE f.status <> s.status)
    UNION ALL
    SELECT 'dashboard: alerts_total and alerts_unread = the alert feed''s counts (users that differ)',
           0, (SELECT count(*) FROM dashboard.dashboard_summary d
               LEFT JOIN (SELECT user_id, count(*) AS total, count(*) FILTER (WHERE status = 'UNREAD') AS unread
                          FROM alerting.alert_feed GROUP BY user_id) f USING (user_id)
               WHERE d.alerts_total <> coalesce(f.total, 0) OR d.alerts_unread <> coalesce(f.unread, 0))
    UNION ALL
    SELECT 'exposures: ExposureDetected events = monitoring.exposure_feed rows',
           (SELECT exposures FROM events), (SELECT count(*) FROM monitoring.exposure_feed)
    UNION ALL
    SELECT 'exposures: ExposureDetected events = dashboard.exposure_state rows',
           (SELECT exposures FROM events), (SELECT count(*) FROM dashboard.exposure_state)
    UNION ALL
    SELECT 'exposures: status in exposure_feed = status in dashboard.exposure_state (exposures that differ)',
           0, (SELECT count(*) FROM monitoring.exposure_feed f JOIN dashboard.exposure_state s USING (exposure_id)
               WHERE f.status <> s.status)
    UNION ALL
    SELECT 'projections: events parked as dead letters', 0, (SELECT count(*) FROM axon.dead_letter_entry)
)
SELECT check_name, expected, actual, expected = actual AS agrees FROM checks;
