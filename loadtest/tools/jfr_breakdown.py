#!/usr/bin/env python3
"""Where the service's CPU goes, from a JFR recording: each execution sample is charged to the innermost
frame that belongs to a known layer (token check, Micrometer, Jackson, Jedis, JDBC, ...), so a layer that
merely wraps the request (a servlet filter around everything) is not charged for the work inside it.

  LOADTEST_SERVICE_JVM_OPTS="-Xms1g -Xmx2g -XX:StartFlightRecording=filename=/tmp/vigil.jfr,settings=profile" \\
      bin/loadtest --simulation saturation ...
  loadtest/tools/jfr_breakdown.py /tmp/vigil.jfr [loadtest/target/results/<run>/window.txt]

With a run's window file (bin/loadtest writes one), only the samples of the measured window are counted,
not the warm-up before it; --frames N also lists the N most sampled innermost frames; --groups fine splits the
request path further (record with -XX:FlightRecorderOptions:stackdepth=512 for it).
"""
import argparse
import datetime
import collections
import os
import re
import subprocess
import sys

LAYERS = [
    ("token check (Nimbus JOSE, Spring's JWT decoder)", r"nimbus|oauth2\.jwt"),
    ("metrics and observations (Micrometer)", r"micrometer"),
    ("statement telemetry (datasource-proxy)", r"ttddyy"),
    ("JDBC (pgjdbc, Hikari)", r"org\.postgresql|zaxxer"),
    ("Redis client (Jedis)", r"redis\.clients"),
    ("JSON (Jackson)", r"fasterxml"),
    ("Axon (event processors, commands)", r"axonframework"),
    ("logging", r"ch\.qos|slf4j"),
    ("Spring Security filters", r"springframework\.security"),
    ("Spring MVC and Vigil's handlers", r"springframework\.web|dev\.vigil"),
    ("Tomcat and HTTP parsing", r"apache\.(tomcat|coyote|catalina)"),
]
# --groups fine: the request path split further (docs/performance.md, third round's burst profile); the first
# group a frame matches, innermost frame first, takes the sample
FINE_GROUPS = [
    ("Jackson (Redis value and response body)", r"fasterxml"),
    ("JDBC (pgjdbc, Hikari, datasource-proxy, statement telemetry, JdbcClient)",
     r"org\.postgresql|zaxxer|ttddyy|springframework\.jdbc|dev\.vigil\.platform\.sql"),
    ("Jedis", r"redis\.clients"),
    ("token check (Nimbus, Spring's decoder, validators, VerifiedTokens)",
     r"nimbus|oauth2\.jwt|VerifiedTokens|oauth2\.server\.resource"),
    ("Micrometer", r"micrometer"),
    ("Vigil's read cache", r"dev\.vigil\.platform\.cache"),
    ("handler mapping, message converters, validation",
     r"writeWithMessageConverters|HttpEntityMethodProcessor|getHandler|HandlerMapping|MethodValidat|hibernate\.validator"),
    ("Spring Security's other filters", r"springframework\.security"),
    ("Spring MVC dispatch, argument resolution, return-value handling", r"springframework\.web"),
    ("Vigil's own code", r"dev\.vigil"),
    ("Tomcat request pipeline (valves, filter chain)", r"CoyoteAdapter|StandardWrapperValve|ApplicationFilterChain|catalina"),
    ("Tomcat connection handling and HTTP parsing", r"apache\.(coyote|tomcat)"),
]
FRAME = re.compile(r"^\s+([\w.$<>]+)\(", re.M)
START = re.compile(r"startTime = (\d\d:\d\d:\d\d\.\d+) \((\d{4}-\d\d-\d\d)\)")


def window(path):
    """The measured window as (first, last) epoch milliseconds, from lines 'start MILLIS' and 'end MILLIS'."""
    marks = dict(line.split() for line in open(path) if line.strip())
    return int(marks["start"]), int(marks["end"])


def sampled_at(sample):
    """Epoch milliseconds of a printed sample; jfr prints its start time in UTC when TZ is UTC."""
    time, day = START.search(sample).groups()
    moment = datetime.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=datetime.timezone.utc)
    return moment.timestamp() * 1000


def java_home():
    """A JDK 21+ (whose jfr reads the service's recordings), found as the bin/ scripts find it: bin/lib/java.sh."""
    finder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bin", "lib", "java.sh")
    return subprocess.run(["bash", "-c", '. "$1" && vigil_find_jdk && printf %s "$JAVA_HOME"', "bash", finder],
                          check=True, stdout=subprocess.PIPE, text=True).stdout


def main():
    arguments = argparse.ArgumentParser(description="Where the service's CPU goes, by layer, from a JFR file")
    arguments.add_argument("recording")
    arguments.add_argument("window", nargs="?", help="a run's window.txt: count only its measured window")
    arguments.add_argument("--frames", type=int, default=0, help="also list the N most sampled innermost frames")
    arguments.add_argument("--groups", choices=["layers", "fine"], default="layers",
                           help="layers: the libraries around a request; fine: the request path split further")
    options = arguments.parse_args()
    recording = options.recording
    jfr = os.path.join(java_home(), "bin", "jfr")
    groups = FINE_GROUPS if options.groups == "fine" else LAYERS
    # fine groups look for outer frames (the filter chain, valves), so they need the whole stack; record with
    # -XX:FlightRecorderOptions:stackdepth=512, as virtual-thread request stacks run past JFR's default of 64
    depth = "512" if options.groups == "fine" else "96"
    printed = subprocess.run([jfr, "print", "--stack-depth", depth, "--events", "jdk.ExecutionSample", recording],
                             check=True, capture_output=True, text=True, env={**os.environ, "TZ": "UTC"}).stdout
    # start-up (context refresh, Flyway) is not request work: leave out the samples of the main thread's run
    samples = [sample for sample in printed.split("jdk.ExecutionSample {")[1:]
               if "SpringApplication.run(" not in sample]
    if options.window:
        first, last = window(options.window)
        samples = [sample for sample in samples if first <= sampled_at(sample) <= last]
    charged = collections.Counter()
    for sample in samples:
        layer = "other (JDK, virtual-thread scheduling)"
        for frame in FRAME.findall(sample):  # innermost first
            match = next((name for name, pattern in groups if re.search(pattern, frame)), None)
            if match:
                layer = match
                break
        charged[layer] += 1
    print(f"| {'layer' if groups is LAYERS else 'group'} (innermost known frame) | share of {len(samples)} samples |")
    print("|---|---:|")
    for layer, count in charged.most_common():
        print(f"| {layer} | {100.0 * count / len(samples):.1f} % |")
    if options.frames:
        innermost = collections.Counter(next(iter(FRAME.findall(sample)), "?") for sample in samples)
        print(f"\n| innermost frame | share of {len(samples)} samples |")
        print("|---|---:|")
        for frame, count in innermost.most_common(options.frames):
            print(f"| `{frame}` | {100.0 * count / len(samples):.1f} % |")


if __name__ == "__main__":
    main()
