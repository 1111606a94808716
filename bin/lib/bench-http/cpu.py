#!/usr/bin/env python3
"""CPU seconds used so far by the processes bin/bench-http measures, read from /proc/<pid>/stat (utime + stime,
which cover every thread of a process), printed as "service=S postgres=S redis=S bare=S"; with --since (an earlier
output) the seconds used since then.

postgres counts the server's own processes (postmaster, checkpointer, WAL writer, autovacuum launcher...) and the
backends connected to --database, not the backends of other databases on the shared server. redis counts every
redis-server process: the server is shared, so its figure includes other clients' work. The generator (wrk) is
measured by bin/bench-http itself from wrk's exit (its rusage), since wrk has exited before the second snapshot.
"""
import argparse
import os
import sys

# the /proc reading of bin/loadtest's sampler
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../loadtest/tools"))
from cpu_sampler import TICKS, cmdline, processes  # noqa: E402


def postgres_role(text, database):
    """'ours', 'server' or 'other' for a postgres process title such as 'postgres: user db 127.0.0.1(5) idle'."""
    if f" {database} " in f" {text} ":
        return "ours"
    if not text.startswith("postgres:"):
        return "server"  # the postmaster: its command line is the binary and its options
    # another database's backend names a client address, host(port) or [local]; its autovacuum worker, the database
    return "other" if ("(" in text or "[local]" in text or "autovacuum worker" in text) else "server"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--service-pid", type=int, default=-1)
    parser.add_argument("--bare-pid", type=int, default=-1)
    parser.add_argument("--database", required=True)
    parser.add_argument("--since", default="")
    args = parser.parse_args()
    used = {"service": 0, "postgres": 0, "redis": 0, "bare": 0}
    for pid, (comm, _, ticks) in processes().items():
        if pid == args.service_pid:
            used["service"] += ticks
        elif pid == args.bare_pid:
            used["bare"] += ticks
        elif comm.startswith("redis-server"):
            used["redis"] += ticks
        elif (comm == "postgres" or comm.startswith("postgres:")) \
                and postgres_role(cmdline(pid).strip(), args.database) != "other":
            used["postgres"] += ticks
    since = {key: float(value) for key, value in (pair.split("=") for pair in args.since.split())}
    print(" ".join(f"{key}={value / TICKS - since.get(key, 0):.2f}" for key, value in used.items()))


if __name__ == "__main__":
    main()
