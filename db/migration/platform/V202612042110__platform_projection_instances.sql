-- The instances that run projections (docs/projections.md, "Several instances"): each refreshes its row every
-- second; an instance whose row is older than the liveness timeout counts as gone. The live count sets how many
-- segments of each processor an instance may hold (its fair share). Times are the database's, so the clocks of
-- the instances do not matter.
CREATE TABLE axon.projection_instance (
    node_id    VARCHAR(255) NOT NULL PRIMARY KEY,
    last_seen  TIMESTAMPTZ  NOT NULL
);

