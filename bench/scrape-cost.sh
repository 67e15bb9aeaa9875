#!/usr/bin/env bash
# What scraping costs Headroom: 200 targets x ~500 series every 15 s (io.headroom.bench.ScrapeTargetsBenchmark
# serves them on 127.0.0.1..200, found through HTTP SD). Runs two Headroom JVMs from target/headroom.jar,
# each with its own embedded PostgreSQL: one scraping, one idle; the cost is the difference in CPU
# (share of one core, Headroom's JVM and its PostgreSQL) over the sample window after warm-up.
#
# Usage: bench/scrape-cost.sh [targets] [series] [warmup-seconds] [sample-seconds]   (defaults 200 500 60 120)
set -euo pipefail
cd "$(dirname "$0")/.."
TARGETS=${1:-200}
SERIES=${2:-500}
WARMUP=${3:-60}
SAMPLE=${4:-120}
JAR=target/headroom.jar
WORK=$(mktemp -d /tmp/headroom-scrape-cost.XXXXXX)
[ -f "$JAR" ] || ./mvnw -q -B -DskipTests package
./mvnw -q -B test-compile -Dvaadin.skip

pids=()
cleanup() { for pid in "${pids[@]}"; do pkill -P "$pid" 2>/dev/null || true; kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_up() { # port
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$1/actuator/health" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "Headroom on port $1 did not start; see $WORK" >&2; exit 1
}

# CPU ticks of a process and all its descendants (Headroom's JVM and its embedded PostgreSQL).
tree_ticks() {
  local total=0 pid
  for pid in $1 $(pgrep -P "$1" 2>/dev/null) $(for child in $(pgrep -P "$1" 2>/dev/null); do pgrep -P "$child"; done); do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}

./mvnw -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.headroom.bench.ScrapeTargetsBenchmark \
  -Dexec.args="$TARGETS $SERIES" >"$WORK/targets.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do grep -q '^http_sd=' "$WORK/targets.log" 2>/dev/null && break; sleep 1; done
SD=$(sed -n 's/^http_sd=\([^ ]*\).*/\1/p' "$WORK/targets.log")
[ -n "$SD" ] || { echo "targets did not start; see $WORK" >&2; exit 1; }

SCRAPER_PORT=$(free_port); BASE_PORT=$(free_port)
java -Xmx1g -jar "$JAR" --server.port="$SCRAPER_PORT" --headroom.otlp.port=-1 --headroom.demo.enabled=false \
  --headroom.scrape.jobs.bench.http-sd-url="$SD" --headroom.db.embedded.data-dir="$WORK/scraper-pgdata" >"$WORK/scraper.log" 2>&1 &
scraper=$!; pids+=("$scraper")
java -Xmx1g -jar "$JAR" --server.port="$BASE_PORT" --headroom.otlp.port=-1 --headroom.demo.enabled=false \
  --headroom.db.embedded.data-dir="$WORK/baseline-pgdata" >"$WORK/baseline.log" 2>&1 &
base=$!; pids+=("$base")
wait_up "$SCRAPER_PORT"; wait_up "$BASE_PORT"

echo "warming up for ${WARMUP}s ($TARGETS targets x $SERIES series from $SD; logs in $WORK)"
sleep "$WARMUP"
s0=$(tree_ticks "$scraper"); b0=$(tree_ticks "$base"); t0=$(date +%s.%N)
sleep "$SAMPLE"
s1=$(tree_ticks "$scraper"); b1=$(tree_ticks "$base"); t1=$(date +%s.%N)
HZ=$(getconf CLK_TCK)
up=$(curl -fs "http://127.0.0.1:$SCRAPER_PORT/api/v1/targets" | python3 -c 'import json,sys; t=json.load(sys.stdin)["data"]["activeTargets"]; print(sum(1 for x in t if x["health"]=="up"), "of", len(t), "targets up; samples per scrape:", t[0]["samples"] if t else 0)')
python3 - "$s0" "$s1" "$b0" "$b1" "$t0" "$t1" "$HZ" <<'PY'
import sys
s0, s1, b0, b1, t0, t1, hz = map(float, sys.argv[1:])
wall = t1 - t0
scraper = (s1 - s0) / hz / wall * 100
base = (b1 - b0) / hz / wall * 100
print(f"scraping Headroom {scraper:.1f}% of one core, idle Headroom {base:.1f}%, scraping costs {scraper - base:.1f}% of one core")
PY
echo "$up"
