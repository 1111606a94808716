-- identity: the write side's email uniqueness claims, and the profile read model.
CREATE SCHEMA IF NOT EXISTS identity;

-- One row per registered email (normalized), written in the same transaction as the UserRegistered event,
-- so two registrations of one address cannot both succeed.
CREATE TABLE identity.email_claim (
    email   VARCHAR(320) PRIMARY KEY,
    user_id UUID         NOT NULL,
    CONSTRAINT email_claim_user_id_key UNIQUE (user_id)
);

-- Read model: one row per user, read by primary key. Built by the identity-user-profile processor.
CREATE TABLE identity.user_profile_view (
    user_id       UUID         PRIMARY KEY,
    email         VARCHAR(320) NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    time_zone     VARCHAR(64)  NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    -- sequence number of the last applied event of the user's aggregate: replays never go backwards
    version       BIGINT       NOT NULL
);
