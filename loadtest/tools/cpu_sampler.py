#!/usr/bin/env python3
"""Samples CPU use from /proc while a load test runs, one CSV line per category and interval.

Categories: the service JVM (with several --service-pid, their sum and each instance), the load generator (Maven and the Gatling JVM it forks: every descendant of
--generator-pid), PostgreSQL (every postgres process of the shared cluster, and separately the backends
connected to --database), Redis, PgBouncer and HAProxy where they run, and the whole machine. Values are percent of one
core (100 = one core busy); bin/loadtest divides by the core count for percent of the machine.
Stops when --stop-file appears.
"""
import argparse
import os
import time

TICKS = os.sysconf("SC_CLK_TCK")


def processes():
    """pid -> (comm, ppid, cpu ticks) for every live process."""
    found = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as stat:
                raw = stat.read()
        except OSError:
            continue  # gone between listdir and open
        comm = raw[raw.index("(") + 1:raw.rindex(")")]
        fields = raw[raw.rindex(")") + 2:].split()
        found[int(name)] = (comm, int(fields[1]), int(fields[11]) + int(fields[12]))
    return found


def cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def descendants(root, table):
    children = {}
    for pid, (_, ppid, _) in table.items():
        children.setdefault(ppid, []).append(pid)
    seen, todo = set(), [root]
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        todo.extend(children.get(pid, []))
    return seen


def categories(pid, comm, args, generator, database_marker):
    """The categories one process counts in; a postgres backend of our database counts in both postgres rows."""
    if pid in args.service_pid:
        # with several instances (bin/loadtest --cluster), each also on its own row
        return ["service"] + ([f"service_{args.service_pid.index(pid) + 1}"] if len(args.service_pid) > 1 else [])
    if pid in generator:
        return ["generator"]
    if comm == "postgres" or comm.startswith("postgres:"):
        return ["postgres_all", "postgres_vigil_db"] if database_marker in cmdline(pid) else ["postgres_all"]
    if comm.startswith("redis-server"):
        return ["redis"]
    if comm == "pgbouncer":
        return ["pgbouncer"]
    if comm.startswith("haproxy"):
        return ["haproxy"]
    return []


def machine_ticks():
    with open("/proc/stat") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return sum(values) - idle, sum(values)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--service-pid", type=int, action="append", required=True,
                        help="the service's JVM; repeated for several instances")
    parser.add_argument("--generator-pid", type=int, default=-1)
    parser.add_argument("--database", required=True)
    parser.add_argument("--interval", type=float, default=2.0)
    parser.add_argument("--stop-file", required=True)
    args = parser.parse_args()

    cores = os.cpu_count()
    database_marker = f" {args.database} "  # backend titles read "postgres: user database host state"
    last_ticks = {pid: ticks for pid, (_, _, ticks) in processes().items()}
    last_busy, last_total = machine_ticks()
    last_time = time.time()
    with open(args.out, "a") as out:
        while not os.path.exists(args.stop_file):
            time.sleep(args.interval)
            now = time.time()
            table = processes()
            generator = descendants(args.generator_pid, table) if args.generator_pid > 0 else set()
            used = {}
            for pid, (comm, _, ticks) in table.items():
                delta = ticks - last_ticks.get(pid, 0)
                for category in categories(pid, comm, args, generator, database_marker):
                    used[category] = used.get(category, 0) + delta
            last_ticks = {pid: ticks for pid, (_, _, ticks) in table.items()}
            busy, total = machine_ticks()
            elapsed = now - last_time
            stamp = int(now * 1000)
            instances = [f"service_{n}" for n in range(1, len(args.service_pid) + 1)] if len(args.service_pid) > 1 else []
            # PgBouncer and HAProxy rows only where they run (the cluster)
            extra = [category for category in ("pgbouncer", "haproxy") if category in used]
            for category in ["service", *instances, "generator", "postgres_all", "postgres_vigil_db", "redis", *extra]:
                out.write(f"{stamp},{category},{100.0 * used.get(category, 0) / TICKS / elapsed:.1f}\n")
            machine = 100.0 * cores * (busy - last_busy) / max(1, total - last_total)
            out.write(f"{stamp},machine,{machine:.1f}\n")
            out.flush()
            last_busy, last_total, last_time = busy, total, now


if __name__ == "__main__":
    main()
