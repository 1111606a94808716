#!/bin/sh
# The compose standby (docker-compose.yml, service replica). On its first start the data directory is empty: take
# a base backup of the primary with -R (standby.signal and primary_conninfo), retrying until the primary accepts the
# replication user. Then run PostgreSQL as a hot standby that tells the primary which rows its queries still need.
set -e
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_basebackup -h postgres -U replicator -D "$PGDATA" -R -X stream --checkpoint=fast; do
    rm -rf "${PGDATA:?}"/*
    sleep 2
  done
  chmod 700 "$PGDATA"
fi
exec postgres -c hot_standby=on -c hot_standby_feedback=on
