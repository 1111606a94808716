#!/usr/bin/env python3
"""Writes bin/loadtest's markdown results: Gatling's per-request statistics (read from the report's
index.html, the only machine-readable copy Gatling 3.15 leaves besides its binary log), the CPU samples
averaged over the measured window the simulation wrote, and for the saturation run the peak of each
endpoint with the dashboard/ping ratio."""
import argparse
import os
import re
import sys

# Columns of Gatling's statistics table, after the request name.
COLUMNS = ["total", "ok", "ko", "ko_pct", "rps", "min", "p50", "p75", "p95", "p99", "max", "mean", "std"]
ROW = re.compile(r'class="ellipsed-name">([^<]*)</span>.*?((?:<td class="value[^"]*">[^<]*</td>\s*)+)', re.S)
CELL = re.compile(r'<td class="value[^"]*">([^<]*)</td>')
CPU_ROWS = [("postgres_vigil_db", "PostgreSQL backends of the test database"),
            ("postgres_all", "PostgreSQL, every process of the shared cluster"),
            ("service", "Vigil service JVM(s), every instance"),
            ("service_1", "instance 1 JVM"),
            ("service_2", "instance 2 JVM"),
            ("redis", "Redis"),
            ("pgbouncer", "PgBouncer"),
            ("haproxy", "HAProxy"),
            ("generator", "Gatling + Maven (load generator)"),
            ("machine", "whole machine (includes other engineers' work)")]


def request_stats(report_dir):
    with open(os.path.join(report_dir, "index.html")) as f:
        html = f.read()
    # the table starts after the assertions table, which has no value cells and is skipped by ROW
    body = html[html.find("container_statistics_head"):]
    stats = {}
    for name, cells in ROW.findall(body):
        values = CELL.findall(cells)
        if len(values) >= len(COLUMNS) and name not in stats:
            stats[name] = dict(zip(COLUMNS, values))
    return stats


def window(path):
    marks = {}
    if path and os.path.exists(path):
        for line in open(path):
            event, millis = line.split()
            marks[event] = int(millis)
    return marks.get("start"), marks.get("end")


def cpu_means(csv_path, start, end):
    """Per category: sum and count of the samples in the window, their peak, and the CPU seconds they add up to
    (a sample is the % of one core used over the interval that ends at its stamp)."""
    sums, counts, peaks, seconds = {}, {}, {}, {}
    if not csv_path or not os.path.exists(csv_path):
        return sums, counts, peaks, seconds
    rows = [line.strip().split(",") for line in open(csv_path)]
    stamps = sorted({int(row[0]) for row in rows})
    interval = stamps[1] - stamps[0] if len(stamps) > 1 else 2000
    previous = {}
    for stamp, category, value in rows:
        stamp, value = int(stamp), float(value)
        began = previous.get(category, stamp - interval)
        previous[category] = stamp
        # CPU seconds: the part of the sample's interval inside the window, as if use were even across it
        inside = min(stamp, end or stamp) - max(began, start or began)
        seconds[category] = seconds.get(category, 0.0) + value / 100 * max(0, inside) / 1000
        if start and stamp < start or end and stamp > end + interval:
            continue
        sums[category] = sums.get(category, 0.0) + value
        counts[category] = counts.get(category, 0) + 1
        peaks[category] = max(peaks.get(category, 0.0), value)
    return sums, counts, peaks, seconds


def print_requests(stats):
    print("| request | count | KO | req/s | p50 ms | p95 ms | p99 ms | max ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, s in stats.items():
        label = "**all requests**" if name == "All Requests" else name
        print(f"| {label} | {s['total']} | {s['ko']} | {s['rps']} | {s['p50']} | {s['p95']} | {s['p99']} | {s['max']} |")


def print_cpu(csv_path, start, end, requests=0):
    """With requests (every reported request fell in the window, as in the burst), also CPU ms per request."""
    sums, counts, peaks, seconds = cpu_means(csv_path, start, end)
    cores = os.cpu_count()
    samples = counts.get("machine", 0)
    print(f"\nCPU over the measured window ({samples} samples; {cores} cores; 100% of one core = one core busy):\n")
    per_request = " CPU ms per request |" if requests else ""
    print(f"| process | mean % of one core | mean % of machine | peak % of one core |{per_request}")
    print("|---|---:|---:|---:|" + ("---:|" if requests else ""))
    for key, label in CPU_ROWS:
        if counts.get(key):
            mean = sums[key] / counts[key]
            cost = f" {1000 * seconds[key] / requests:.2f} |" if requests else ""
            print(f"| {label} | {mean:.0f} | {mean / cores:.1f} | {peaks[key]:.0f} |{cost}")


def print_saturation(stats, level_seconds):
    print(f"\nSaturation staircase (requests/s = completed requests of the level / {level_seconds} s):\n")
    print("| endpoint | concurrency | req/s | p95 ms |")
    print("|---|---:|---:|---:|")
    peaks, last_level = {}, {}
    for name, s in stats.items():
        match = re.fullmatch(r"(\w+) c(\d+)", name)
        if not match:
            continue
        endpoint, level = match.group(1), int(match.group(2))
        rps = int(s["total"]) / level_seconds
        print(f"| {endpoint} | {level} | {rps:.0f} | {s['p95']} |")
        if rps > peaks.get(endpoint, (0, 0, ""))[0]:
            peaks[endpoint] = (rps, level, s["p95"])
        last_level[endpoint] = max(last_level.get(endpoint, 0), level)
    print()
    for endpoint, (rps, level, p95) in peaks.items():
        note = " (the highest level: throughput may still grow, add levels)" if level == last_level[endpoint] else ""
        print(f"- peak **{endpoint}**: {rps:.0f} req/s at {level} concurrent users, p95 {p95} ms{note}")
    if "ping" in peaks and "dashboard" in peaks:
        ratio = peaks["dashboard"][0] / peaks["ping"][0]
        verdict = "meets" if ratio >= 0.5 else "MISSES"
        print(f"- dashboard/ping = {ratio:.2f}: {verdict} the target of at least 0.50")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--report-dir", required=True)
    parser.add_argument("--cpu-csv")
    parser.add_argument("--window")
    parser.add_argument("--level-seconds", type=float, default=0)
    parser.add_argument("--per-request", action="store_true",
                        help="every reported request is inside the window: add CPU ms per request")
    args = parser.parse_args()
    stats = request_stats(args.report_dir)
    if not stats:
        sys.exit(f"no statistics table found in {args.report_dir}/index.html")
    print_requests(stats)
    if args.level_seconds:
        print_saturation(stats, args.level_seconds)
    start, end = window(args.window)
    requests = int(stats.get("All Requests", {}).get("total", 0) or 0) if args.per_request else 0
    print_cpu(args.cpu_csv, start, end, requests)


if __name__ == "__main__":
    main()
