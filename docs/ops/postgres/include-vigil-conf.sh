#!/bin/sh
# Runs once when the compose PostgreSQL initializes: makes the server read Vigil's settings and lets the standby
# replicate.
set -e
echo "include '/etc/postgresql/vigil.conf'" >> "$PGDATA/postgresql.conf"
# the compose standby's base backup and streaming (docker-compose.yml, service replica; role in init.sql)
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
