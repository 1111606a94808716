-- Idempotency-Key support for command endpoints (platform IdempotencyFilter): the first request with a
-- key is recorded before it runs; a retry with the same key gets the stored response instead of running
-- the command again. Rows live 24 hours (vigil.idempotency.retention).
CREATE SCHEMA IF NOT EXISTS platform;

CREATE TABLE platform.idempotency_key (
    -- the token subject: keys are private to their caller, so one client cannot replay another's response
    principal     VARCHAR(200) NOT NULL,
    key           VARCHAR(200) NOT NULL,
    -- SHA-256 of method, path and body: the same key with another request is refused (422)
    request_hash  BYTEA        NOT NULL,
    -- NULL while the first request is still running
    status        SMALLINT,
    content_type  VARCHAR(200),
    location      VARCHAR(2000),
    body          BYTEA,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, key)
);

-- Serves the hourly sweep (DELETE ... WHERE created_at < ?). BRIN would be smaller, but rows are deleted
-- from the old end all day, so the table's physical order drifts; a B-tree stays exact.
CREATE INDEX idempotency_key_created_at_idx ON platform.idempotency_key (created_at);
