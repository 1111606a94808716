-- billing: the users identity has registered, so that billing rejects commands for users that do not exist.
CREATE SCHEMA IF NOT EXISTS billing;

-- Write-side lookup, not a read model: filled from identity's UserRegistered by the billing-known-users
-- processor and read (by primary key) only while handling StartSubscription.
CREATE TABLE billing.known_user (
    user_id       UUID        PRIMARY KEY,
    registered_at TIMESTAMPTZ NOT NULL
);
