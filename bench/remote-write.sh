#!/usr/bin/env bash
# Prometheus remote-write ingestion: Headroom against the Debian Prometheus server's own receiver,
# driven with the same stream (io.headroom.bench.RemoteWriteBenchmark) one after the other in one
# run, each alone on the machine. Headroom acknowledges only committed samples (embedded
# PostgreSQL, fsync and synchronous commit on); Prometheus appends to its head block and WAL.
#
# Usage: bench/remote-write.sh [senders] [seconds] [series] [samples-per-request]   (defaults 4 60 10000 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
SENDERS=${1:-4}
DURATION=${2:-60}
SERIES=${3:-10000}
PER_REQUEST=${4:-2000}
JAR=target/headroom.jar
WORK=$(mktemp -d /tmp/headroom-remote-write.XXXXXX)
command -v prometheus >/dev/null || { echo "needs Debian's prometheus package (apt-get install prometheus)" >&2; exit 1; }
[ -f "$JAR" ] || ./mvnw -q -B -DskipTests package
./mvnw -q -B -o test-compile -Dvaadin.skip

pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; true; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_for() { # url
  for _ in $(seq 1 120); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "$1 did not come up; see $WORK" >&2; exit 1
}

drive() { # name endpoint
  printf '%-10s ' "$1"
  ./mvnw -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.headroom.bench.RemoteWriteBenchmark \
    -Dexec.args="--endpoint=$2 --senders=$SENDERS --seconds=$DURATION --series=$SERIES --samples-per-request=$PER_REQUEST"
}

PORT=$(free_port)
printf 'global:\n  scrape_interval: 1h\n' > "$WORK/prometheus.yml"
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/prometheus" \
  --web.enable-remote-write-receiver --web.listen-address="127.0.0.1:$PORT" >"$WORK/prometheus.log" 2>&1 &
pid=$!
wait_for "http://127.0.0.1:$PORT/-/ready"
drive prometheus "http://127.0.0.1:$PORT/api/v1/write"
cleanup; pid=""

PORT=$(free_port)
java -Xmx1g -jar "$JAR" --server.port="$PORT" --headroom.otlp.port=-1 --headroom.demo.enabled=false \
  --headroom.db.embedded.data-dir="$WORK/pgdata" >"$WORK/headroom.log" 2>&1 &
pid=$!
wait_for "http://127.0.0.1:$PORT/actuator/health"
drive headroom "http://127.0.0.1:$PORT/api/v1/write"
echo "logs in $WORK"
