#!/usr/bin/env bash
# Prometheus remote-write ingestion: Headroom against the Debian Prometheus server's own receiver,
# driven with the same stream (io.headroom.bench.RemoteWriteBenchmark) one after the other in one
# run, each alone on the machine. Headroom acknowledges only committed samples (embedded
# PostgreSQL, fsync and synchronous commit on); Prometheus appends to its head block and WAL.
# Both servers run throughout; the rounds alternate which goes first and the medians are
# compared, because a single pair of runs on a shared 2-core machine varies by a third.
#
# Usage: bench/remote-write.sh [senders] [seconds] [series] [samples-per-request] [rounds]   (defaults 4 60 10000 2000 3)
set -euo pipefail
cd "$(dirname "$0")/.."
SENDERS=${1:-4}
DURATION=${2:-60}
SERIES=${3:-10000}
PER_REQUEST=${4:-2000}
ROUNDS=${5:-3}
JAR=target/headroom.jar
WORK=$(mktemp -d /tmp/headroom-remote-write.XXXXXX)
command -v prometheus >/dev/null || { echo "needs Debian's prometheus package (apt-get install prometheus)" >&2; exit 1; }
[ -f "$JAR" ] || ./mvnw -q -B -DskipTests package
./mvnw -q -B test-compile -Dvaadin.skip

pids=()
# The stores hold gigabytes after a run: only the logs are kept.
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done; rm -rf "$WORK/pgdata" "$WORK/prometheus"; true; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_for() { # url
  for _ in $(seq 1 120); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "$1 did not come up; see $WORK" >&2; exit 1
}

drive() { # name endpoint
  local line
  line=$(./mvnw -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.headroom.bench.RemoteWriteBenchmark \
    -Dexec.args="--endpoint=$2 --senders=$SENDERS --seconds=$DURATION --series=$SERIES --samples-per-request=$PER_REQUEST")
  printf '%-10s %s\n' "$1" "$line"
  echo "$line" | sed -E 's/.*samples_per_s=([0-9]+).*/\1/' >> "$WORK/$1.rates"
  sleep 10 # let Headroom compact what it just took, so the next run starts on an idle machine
}

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

PROMETHEUS_PORT=$(free_port)
printf 'global:\n  scrape_interval: 1h\n' > "$WORK/prometheus.yml"
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/prometheus" \
  --web.enable-remote-write-receiver --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" >"$WORK/prometheus.log" 2>&1 &
pids+=($!)
HEADROOM_PORT=$(free_port)
java -Xmx1g -jar "$JAR" --server.port="$HEADROOM_PORT" --headroom.otlp.port=-1 --headroom.demo.enabled=false \
  --headroom.db.embedded.data-dir="$WORK/pgdata" >"$WORK/headroom.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$PROMETHEUS_PORT/-/ready"
wait_for "http://127.0.0.1:$HEADROOM_PORT/actuator/health"

for round in $(seq 1 "$ROUNDS"); do
  echo "round $round"
  if [ $((round % 2)) -eq 1 ]; then
    drive prometheus "http://127.0.0.1:$PROMETHEUS_PORT/api/v1/write"
    drive headroom "http://127.0.0.1:$HEADROOM_PORT/api/v1/write"
  else
    drive headroom "http://127.0.0.1:$HEADROOM_PORT/api/v1/write"
    drive prometheus "http://127.0.0.1:$PROMETHEUS_PORT/api/v1/write"
  fi
done
p=$(median "$WORK/prometheus.rates")
h=$(median "$WORK/headroom.rates")
awk -v p="$p" -v h="$h" 'BEGIN { printf "median samples/s: prometheus %.0f headroom %.0f (headroom at %.0f%% of prometheus)\n", p, h, 100 * h / p }'
echo "logs in $WORK"
