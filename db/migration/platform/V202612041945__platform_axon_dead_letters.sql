-- Axon's sequenced dead-letter queue (JdbcSequencedDeadLetterQueue), one per processing group, in snake_case
-- (AxonPlatformConfiguration#deadLetterSchema maps the columns). Shape follows Axon's GenericDeadLetterTableFactory:
-- timestamps as Axon's ISO-8601 text, serialized data as bytea (never oid large objects: AxonFramework#1351).
-- A projection parks here the event it cannot apply and the later events of the same user (docs/projections.md).
CREATE TABLE axon.dead_letter_entry (
    dead_letter_id       VARCHAR(255)  NOT NULL PRIMARY KEY,
    processing_group     VARCHAR(255)  NOT NULL,
    sequence_identifier  VARCHAR(255)  NOT NULL,
    sequence_index       BIGINT        NOT NULL,
    message_type         VARCHAR(255)  NOT NULL,
    event_identifier     VARCHAR(255)  NOT NULL,
    time_stamp           VARCHAR(255)  NOT NULL,
    payload_type         VARCHAR(255)  NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA         NOT NULL,
    meta_data            BYTEA,
    type                 VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          VARCHAR(255)  NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          BYTEA,
    -- serves the per-sequence statements (contains, next index, the letters of a sequence in order)
    CONSTRAINT dead_letter_entry_sequence_key UNIQUE (processing_group, sequence_identifier, sequence_index)
);

-- the admin list, newest first per processor (platform.dead_letter_page)
CREATE INDEX dead_letter_entry_group_page_idx
    ON axon.dead_letter_entry (processing_group, enqueued_at DESC, dead_letter_id DESC);
