#!/usr/bin/env python3
"""Writes bin/loadtest's per-instance table for a run against bin/cluster: what each instance served during the
measured window and how its pools were used, from the difference of two Prometheus scrapes of each instance
(before and after the run), and each instance's share of the total.

  instances_table.py --instance 1 before.prom after.prom --instance 2 before.prom after.prom
"""
import argparse
import re

SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)')
LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')
POOLS = ("vigil-db", "vigil-replica")


def scrape(path):
    """(name, frozenset of labels) -> value, for every sample of a text-format scrape."""
    samples = {}
    try:
        lines = open(path).read().splitlines()
    except OSError:
        return samples
    for line in lines:
        match = SAMPLE.match(line)
        if match:
            name, labels, value = match.groups()
            samples[(name, frozenset(LABEL.findall(labels or "")))] = float(value)
    return samples


def total(samples, name, **wanted):
    """Sum of a metric's samples whose labels include the wanted ones (a value of None: any, but not /actuator)."""
    result = 0.0
    for (sample_name, labels), value in samples.items():
        if sample_name != name:
            continue
        labels = dict(labels)
        if all(labels.get(key) == expected for key, expected in wanted.items()):
            if name.startswith("http_server_requests") and labels.get("uri", "").startswith("/actuator"):
                continue  # health checks and scrapes are not the load
            result += value
    return result


def delta(before, after, name, **wanted):
    return total(after, name, **wanted) - total(before, name, **wanted)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--instance", nargs=3, action="append", metavar=("NAME", "BEFORE", "AFTER"), required=True)
    args = parser.parse_args()

    rows = []
    for name, before_path, after_path in args.instance:
        before, after = scrape(before_path), scrape(after_path)
        requests = delta(before, after, "http_server_requests_seconds_count")
        seconds = delta(before, after, "http_server_requests_seconds_sum")
        pools = {}
        for pool in POOLS:
            acquired = delta(before, after, "hikaricp_connections_acquire_seconds_count", pool=pool)
            held = delta(before, after, "hikaricp_connections_usage_seconds_sum", pool=pool)
            waited = delta(before, after, "hikaricp_connections_acquire_seconds_sum", pool=pool)
            timeouts = delta(before, after, "hikaricp_connections_timeout_total", pool=pool)
            pools[pool] = (acquired, 1000 * held / acquired if acquired else 0, 1000 * waited / acquired if acquired else 0,
                           timeouts)
        reads = {reason: delta(before, after, "vigil_reads_total", reason=reason)
                 for reason in ("replica", "own_write_not_replayed", "replica_unavailable", "replica_failed",
                                "in_transaction")}
        fallbacks = delta(before, after, "vigil_replica_fallbacks_total")
        rows.append((name, requests, seconds, pools, reads, fallbacks, bool(after)))

    all_requests = sum(row[1] for row in rows) or 1
    print("Per instance, over the measured run (the instances' own metrics, scraped before and after; API requests "
          "exclude /actuator):\n")
    print("| instance | API requests | share | mean server ms | primary pool: connections taken | mean held ms "
          "| mean wait ms | timeouts | replica pool: connections taken | mean held ms | mean wait ms | timeouts |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, requests, seconds, pools, reads, fallbacks, scraped in rows:
        if not scraped:
            print(f"| {name} | (no metrics) |||||||||||")
            continue
        mean = 1000 * seconds / requests if requests else 0
        cells = []
        for pool in POOLS:
            acquired, held, waited, timeouts = pools[pool]
            cells += [f"{acquired:.0f}", f"{held:.2f}", f"{waited:.2f}", f"{timeouts:.0f}"]
        print(f"| {name} | {requests:.0f} | {100 * requests / all_requests:.1f}% | {mean:.1f} | " + " | ".join(cells) + " |")

    print("\nUser-facing reads by the pool that served them (vigil_reads_total) and replica fallbacks:\n")
    print("| instance | on the standby | primary: own write not yet replayed | primary: standby unavailable "
          "| primary: standby failed | primary: inside a write | fallbacks |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, _, _, _, reads, fallbacks, scraped in rows:
        if scraped:
            print(f"| {name} | {reads['replica']:.0f} | {reads['own_write_not_replayed']:.0f} "
                  f"| {reads['replica_unavailable']:.0f} | {reads['replica_failed']:.0f} | {reads['in_transaction']:.0f} "
                  f"| {fallbacks:.0f} |")


if __name__ == "__main__":
    main()
