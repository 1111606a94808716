-- alerting: write-side claims of the alert policy (not a read model: never rebuilt, never truncated).
CREATE SCHEMA IF NOT EXISTS alerting;

-- One row per source event (a monitoring or billing event) that raised an alert, written by the
-- alerting-policy processor in the same transaction as the AlertRaised event and its token. A redelivered or
-- replayed source event finds its claim and raises nothing; a failed raise rolls its claim back.
CREATE TABLE alerting.alert_source_claim (
    -- Axon's event identifier of the source event
    source_event_id VARCHAR(255) PRIMARY KEY,
    -- the alert it raised (the Alert aggregate's id): which event raised which alert, for support and audits
    alert_id        UUID         NOT NULL,
    CONSTRAINT alert_source_claim_alert_id_key UNIQUE (alert_id)
);
