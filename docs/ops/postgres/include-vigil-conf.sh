#!/bin/sh
# Runs once when the compose PostgreSQL initializes: makes the server read Vigil's settings.
set -e
echo "include '/etc/postgresql/vigil.conf'" >> "$PGDATA/postgresql.conf"
