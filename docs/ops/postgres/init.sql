-- Runs once when the compose PostgreSQL initializes its data directory.
CREATE ROLE vigil LOGIN PASSWORD 'vigil';
-- the compose standby streams as this role (docker-compose.yml, service replica)
CREATE ROLE replicator REPLICATION LOGIN PASSWORD 'replicator';
ALTER DATABASE vigil OWNER TO vigil;
GRANT ALL ON SCHEMA public TO vigil;
-- The same server-side limits the app sends in its start-up packet, for sessions that come through
-- PgBouncer (which does not pass start-up options on).
ALTER ROLE vigil SET statement_timeout = '5s';
ALTER ROLE vigil SET lock_timeout = '500ms';
ALTER ROLE vigil SET idle_in_transaction_session_timeout = '30s';
\connect vigil
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
