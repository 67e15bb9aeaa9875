#!/usr/bin/env bash
# What the demo fleet costs on top of Headroom itself: CPU (share of one core) and live heap.
#
# Runs three Headroom JVMs from the packaged jar, each with its own embedded PostgreSQL:
#   sink     - demo off; receives the fleet's telemetry and scrapes its /metrics (that cost is Headroom's, not the fleet's)
#   fleet    - demo on at its defaults but a steady 50 requests/s (no daily curve, no bursts, so
#              that a two-minute window is comparable run to run), exporting OTLP and Jaeger to the sink
#   baseline - demo off, idle: the same Headroom without the fleet
# Fleet cost = fleet JVM minus baseline JVM, CPU from /proc over a sample window after warm-up,
# heap as live bytes after a full GC (jcmd GC.run, then GC.heap_info "used").
#
# Usage: bench/fleet-cost.sh [warmup-seconds] [sample-seconds]   (defaults 90 and 120)
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP=${1:-90}
SAMPLE=${2:-120}
JAR=target/headroom.jar
WORK=$(mktemp -d /tmp/headroom-fleet-cost.XXXXXX)
[ -f "$JAR" ] || ./mvnw -q -B -DskipTests package

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

start() { # name port extra-args...; sets the global "started" to the new JVM's pid
  local name=$1 port=$2; shift 2
  java -Xmx1g -jar "$JAR" --server.port="$port" --headroom.otlp.port=-1 \
       --headroom.db.embedded.data-dir="$WORK/$name-pgdata" "$@" >"$WORK/$name.log" 2>&1 &
  started=$!
  pids+=("$started")
}

wait_up() { # port
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$1/actuator/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "Headroom on port $1 did not start; see $WORK" >&2; exit 1
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

live_heap_mib() {
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | awk '/garbage-first heap|def new generation|PSYoungGen|total .* used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); gsub(/K,?/, "", v); print v / 1024; exit } }'
}

SINK_PORT=$(free_port); FLEET_PORT=$(free_port); BASE_PORT=$(free_port)
# The sink also scrapes the fleet's /metrics (found through the fleet's HTTP SD), so parsing and
# storing scrapes is counted as Headroom's cost, like ingesting its OTLP; the fleet serves them.
start sink "$SINK_PORT" --headroom.demo.enabled=false \
      --headroom.scrape.jobs.demo.http-sd-url="http://127.0.0.1:$FLEET_PORT/api/v1/demo/targets"; sink=$started
wait_up "$SINK_PORT"
start fleet "$FLEET_PORT" --headroom.demo.otlp-endpoint="http://127.0.0.1:$SINK_PORT" \
      --headroom.demo.pattern.daily-amplitude=0 --headroom.demo.pattern.bursts-per-hour=0 \
      --headroom.demo.jaeger-endpoint="http://127.0.0.1:$SINK_PORT/api/traces" --headroom.scrape.enabled=false; fleet=$started
start baseline "$BASE_PORT" --headroom.demo.enabled=false --headroom.scrape.enabled=false; base=$started
wait_up "$FLEET_PORT"; wait_up "$BASE_PORT"

echo "warming up for ${WARMUP}s (sink $sink, fleet $fleet, baseline $base; logs in $WORK)"
sleep "$WARMUP"
HZ=$(getconf CLK_TCK)
f0=$(cpu_ticks "$fleet"); b0=$(cpu_ticks "$base"); t0=$(date +%s.%N)
sleep "$SAMPLE"
f1=$(cpu_ticks "$fleet"); b1=$(cpu_ticks "$base"); t1=$(date +%s.%N)
load=$(curl -fs "http://127.0.0.1:$FLEET_PORT/api/v1/demo/load")
fleet_heap=$(live_heap_mib "$fleet"); base_heap=$(live_heap_mib "$base")

python3 - "$HZ" "$f0" "$f1" "$b0" "$b1" "$t0" "$t1" "$fleet_heap" "$base_heap" "$load" <<'PY'
import json, sys
hz, f0, f1, b0, b1, t0, t1, fh, bh = map(float, sys.argv[1:10])
load = json.loads(sys.argv[10])
elapsed = t1 - t0
fleet = (f1 - f0) / hz / elapsed * 100
base = (b1 - b0) / hz / elapsed * 100
print(f"sample window            {elapsed:.0f} s, load generator sent {load['sent']} requests "
      f"({load['failed']} failed), base rate {load['baseRps']:.0f} req/s")
print(f"Headroom + fleet JVM     {fleet:.1f} % of one core, live heap {fh:.0f} MiB")
print(f"Headroom alone (idle)    {base:.1f} % of one core, live heap {bh:.0f} MiB")
print(f"fleet cost               {fleet - base:.1f} % of one core, {fh - bh:.0f} MiB live heap")
PY
