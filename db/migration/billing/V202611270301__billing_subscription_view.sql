-- billing: the subscription read model, one row per user, built by the billing-subscription processor.
CREATE SCHEMA IF NOT EXISTS billing;

CREATE TABLE billing.subscription_view (
    user_id            UUID        PRIMARY KEY,
    plan               VARCHAR(16) NOT NULL,
    -- TRIALING, ACTIVE, PAST_DUE, CANCELLED or EXPIRED (dev.vigil.billing.api.SubscriptionStatus)
    status             VARCHAR(16) NOT NULL,
    -- the current period is a trial: set by a trial start, cleared by the first renewal (conversion)
    trial              BOOLEAN     NOT NULL,
    current_period_end TIMESTAMPTZ NOT NULL,
    started_at         TIMESTAMPTZ NOT NULL,
    -- set while CANCELLED; cleared when a renewal or a new start makes the subscription live again
    cancelled_at       TIMESTAMPTZ,
    -- time of the last applied event (never the wall clock, so a rebuild gives identical rows)
    updated_at         TIMESTAMPTZ NOT NULL,
    -- when SubscriptionExpiring was published for the current period; NULL until then and after a renewal
    expiry_noticed_at  TIMESTAMPTZ,
    -- sequence number of the last applied event of the user's subscription aggregate: replays never go back
    version            BIGINT      NOT NULL
);

-- The read API reads a user's row by primary key (GET /api/v1/me/subscription). The lifecycle job uses the two
-- partial indexes below; each holds only rows its statement can return, so EXPIRED rows, which pile up over
-- the years, never enter either, and the notice index holds no ACTIVE row either. Their predicates are
-- literals that the job's statements repeat word for word, so PostgreSQL uses them under generic plans too.

-- billing.subscription_notice_due: subscriptions that will lapse (trial, past due, cancelled) and whose
-- user has not been told yet, by period end. The job reads the range now < current_period_end <= now + 3 days.
CREATE INDEX subscription_view_notice_due_idx ON billing.subscription_view (current_period_end)
    WHERE status IN ('TRIALING', 'PAST_DUE', 'CANCELLED') AND expiry_noticed_at IS NULL;

-- billing.subscription_expiry_due: every subscription not yet expired, by period end. The job reads the prefix
-- current_period_end <= now; ACTIVE rows there are only those inside the renewal grace (normally renewed
-- within minutes of their period end), which the statement filters out.
CREATE INDEX subscription_view_expiry_due_idx ON billing.subscription_view (current_period_end)
    WHERE status <> 'EXPIRED';

-- Cross-user time-range queries (subscriptions started in a period, for operations and reports). B-tree,
-- not BRIN: rows are updated in place by every event, so their heap order does not follow started_at.
CREATE INDEX subscription_view_started_at_idx ON billing.subscription_view (started_at);
