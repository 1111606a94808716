#!/usr/bin/env python3
"""bin/bench-http's results: medians over the rounds, as a markdown table, then the issue's targets as ratios.

  report.py table RUNS_TSV SCENARIOS_TSV     prints the table and the ratios
  report.py write-docs RESULTS_MD DOC_MD     puts RESULTS_MD between the bench-http markers of DOC_MD

RUNS_TSV has one line per measured run (a header line names the columns); SCENARIOS_TSV one line per scenario,
"name<TAB>label<TAB>skip reason (empty when it ran)", in the order of the table.
"""
import csv
import statistics
import sys

BEGIN, END = "<!-- bench-http:begin -->", "<!-- bench-http:end -->"

# (numerator, denominator, at least): req/s ratios, issue 17's targets
RATE_TARGETS = [
    ("dashboard-cached", "fixed", 0.8),
    ("alerts-cached", "fixed", 0.5),
    ("dashboard-cold", "fixed", 0.5),
    ("alerts-cold", "fixed", 0.35),
    ("deep-cursor", "alerts-cold", 0.8),
    ("fixed", "bare", 0.25),
]
CACHED = ["dashboard-cached", "alerts-cached", "dashboard-conditional"]
P99_LIMIT_MS = 10.0


def read_runs(path):
    with open(path) as f:
        return list(csv.DictReader(f, delimiter="\t"))


def medians(runs):
    """(scenario, connections) -> figures, each the median over the rounds (errors summed)."""
    grouped = {}
    for run in runs:
        grouped.setdefault((run["scenario"], int(run["connections"])), []).append(run)
    result = {}
    for key, group in grouped.items():
        def median(column, g=group):
            return statistics.median(float(run[column]) for run in g)

        def per_round(fn, g=group):
            return statistics.median(fn(run) for run in g)

        seconds = lambda run: max(float(run["wall_s"]), 1e-9)
        server = "bare_s" if key[0] == "bare" else "service_s"
        looked_up = sum(float(run["cache_hits"]) + float(run["cache_misses"]) for run in group)
        answered = sum(float(run["requests"]) for run in group)
        result[key] = {
            "rounds": len(group),
            "rps": median("rps"),
            "p50": median("p50_ms"),
            "p99": median("p99_ms"),
            "errors": sum(int(run["errors"]) + int(run["non_2xx"]) for run in group),
            "not_modified": sum(int(run["not_modified"]) for run in group) / max(answered, 1),
            "hits": (sum(float(run["cache_hits"]) for run in group) / looked_up) if looked_up else None,
            "cores": {name: per_round(lambda run, n=name: float(run[n]) / seconds(run))
                      for name in ("service_s", "postgres_s", "redis_s", "wrk_s", "bare_s")},
            "server_ms": per_round(lambda run: 1000 * float(run[server]) / max(float(run["requests"]), 1)),
            "seconds": median("seconds"),
        }
    return result


def number(value, digits=0):
    return f"{value:,.{digits}f}"


def table(runs_path, scenarios_path):
    runs = read_runs(runs_path)
    figures = medians(runs)
    with open(scenarios_path) as f:
        scenarios = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    connections = sorted({c for _, c in figures})
    print("| scenario | c | req/s | p50 ms | p99 ms | errors + non-2xx | cache hits | run s "
          "| CPU cores: service | PostgreSQL | Redis | wrk | bare server | server CPU ms/request |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, label, skipped in [(s + ["", ""])[:3] for s in scenarios]:
        if skipped:
            print(f"| {label} | | skipped: {skipped} | | | | | | | | | | | |")
            continue
        for c in connections:
            row = figures.get((name, c))
            if not row:
                continue
            cores = row["cores"]
            errors = number(row["errors"])
            if name == "dashboard-conditional":
                errors += f" (304: {100 * row['not_modified']:.1f} %)"
            hits = "–" if row["hits"] is None else f"{100 * row['hits']:.1f} %"
            print(f"| {label} | {c} | {number(row['rps'])} | {row['p50']:.2f} | {row['p99']:.2f} | {errors} | {hits} "
                  f"| {row['seconds']:.1f} | {cores['service_s']:.2f} | {cores['postgres_s']:.2f} "
                  f"| {cores['redis_s']:.2f} | {cores['wrk_s']:.2f} | {cores['bare_s']:.2f} "
                  f"| {row['server_ms']:.3f} |")
    print()
    print(ratios(figures, connections))


def ratios(figures, connections):
    lines = ["| target (issue 17) | " + " | ".join(f"c={c}" for c in connections) + " |",
             "|---|" + "---:|" * len(connections)]

    def verdict(value, met):
        return f"{value} {'met' if met else 'missed'}"

    for top, bottom, least in RATE_TARGETS:
        cells = []
        for c in connections:
            a, b = figures.get((top, c)), figures.get((bottom, c))
            cells.append(verdict(f"{a['rps'] / b['rps']:.2f}", a["rps"] / b["rps"] >= least) if a and b else "n/a")
        lines.append(f"| {top} / {bottom} req/s ≥ {least} | " + " | ".join(cells) + " |")
    top_c = max(connections) if connections else None
    for name in CACHED:
        cells = []
        for c in connections:
            row = figures.get((name, c))
            if c != top_c:
                cells.append("–")
            else:
                cells.append(verdict(f"{row['p99']:.1f} ms", row["p99"] < P99_LIMIT_MS) if row else "n/a")
        lines.append(f"| {name} p99 < {P99_LIMIT_MS:.0f} ms at c={top_c} | " + " | ".join(cells) + " |")
    cells = []
    for c in connections:
        a, b = figures.get(("dashboard-conditional", c)), figures.get(("fixed", c))
        cells.append(verdict(f"{a['server_ms']:.3f} vs {b['server_ms']:.3f} ms", a["server_ms"] <= b["server_ms"])
                     if a and b else "n/a")
    lines.append("| dashboard-conditional service CPU/request ≤ fixed's | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def write_docs(results_path, doc_path):
    with open(results_path) as f:
        results = f.read().strip("\n")
    with open(doc_path) as f:
        doc = f.read()
    if doc.count(BEGIN) != 1 or doc.count(END) != 1 or doc.index(BEGIN) > doc.index(END):
        sys.exit(f"bench-http: {doc_path} needs exactly one {BEGIN} ... {END} block")
    head, rest = doc.split(BEGIN)
    _, tail = rest.split(END)
    with open(doc_path, "w") as f:
        f.write(f"{head}{BEGIN}\n{results}\n{END}{tail}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "table":
        table(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "write-docs":
        write_docs(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
