-- monitoring: the write side's own tables. Only monitoring's command side reads them; no read API does.
CREATE SCHEMA IF NOT EXISTS monitoring;

-- Users monitoring accepts findings for: one row per identity UserRegistered, written by the
-- monitoring-known-users processor (idempotent insert). Scan ingestion for any other user id is a 404.
CREATE TABLE monitoring.known_user (
    user_id       UUID        PRIMARY KEY,
    registered_at TIMESTAMPTZ NOT NULL
);

-- Deduplication of findings: one row per (user, fingerprint), where the fingerprint is SHA-256 over the
-- normalized source name, the source kind and the sorted data types. Written in the same transaction as
-- the ExposureDetected event, so a claim never exists without its exposure (and the other way round), and
-- two concurrent reports of one finding cannot both create an exposure: the second waits on the primary
-- key, sees the first one's claim and reports a duplicate of it.
CREATE TABLE monitoring.finding_claim (
    user_id     UUID  NOT NULL,
    fingerprint BYTEA NOT NULL,
    exposure_id UUID  NOT NULL,
    PRIMARY KEY (user_id, fingerprint),
    CONSTRAINT finding_claim_exposure_id_key UNIQUE (exposure_id),
    CONSTRAINT finding_claim_fingerprint_is_sha256 CHECK (octet_length(fingerprint) = 32)
);
