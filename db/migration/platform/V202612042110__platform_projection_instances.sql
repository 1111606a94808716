-- The instances that run projections (docs/projections.md, "Several instances"): each refreshes its row every
-- second; an instance whose row is older than the liveness timeout counts as gone. The live count sets how many
-- segments of each processor an instance may hold (its fair share). Times are the database's, so the clocks of
-- the instances do not matter.
CREATE TABLE axon.projection_instance (
    node_id    VARCHAR(255) NOT NULL PRIMARY KEY,
    last_seen  TIMESTAMPTZ  NOT NULL
);

-- A write that waits for another instance's projections checks, once that instance's token has passed its event,
-- whether the event was parked instead of applied.
CREATE INDEX dead_letter_entry_event_idx ON axon.dead_letter_entry (processing_group, event_identifier);
