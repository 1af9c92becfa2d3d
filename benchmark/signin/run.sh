#!/usr/bin/env bash
# Sign-in throughput with HTTP Basic on the embedded default (H2 with the demo data), in one run: wrk against the
# health endpoint (no sign-in), a registry read as the planner and a referral read as its probation officer, each
# after a warm-up, with the ratios against health. Builds the jar, starts it on a free port with a database of its
# own in a temporary directory (./data is not touched), and stops it at the end.
#
#   benchmark/signin/run.sh                      # DURATION=20s THREADS=2 CONNECTIONS=16 by default
#   MAVEN_ARGS=-o DURATION=30s benchmark/signin/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
command -v wrk >/dev/null || { echo "wrk is missing (Debian: apt-get install -y wrk)" >&2; exit 1; }

./mvnw -q -B ${MAVEN_ARGS:-} -pl backend -am package -DskipTests

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
data=$(mktemp -d)
java -jar backend/target/passend.jar --server.port="$port" \
    --spring.datasource.url="jdbc:h2:file:$data/passend;MODE=MySQL;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_ON_EXIT=FALSE" \
    >"$data/app.log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; rm -rf "$data"' EXIT

base="http://127.0.0.1:$port"
for _ in $(seq 120); do
    curl -fs "$base/actuator/health" >/dev/null && break
    kill -0 "$app" 2>/dev/null || { cat "$data/app.log" >&2; exit 1; }
    sleep 1
done

basic() { printf 'Authorization: Basic %s' "$(printf '%s' "$1" | base64)"; }
# Requests per second of one wrk run; a run with any answer but 2xx fails the benchmark.
measure() {
    local duration=$1 url=$2; shift 2
    local out
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" "$@" "$url")
    if grep -q 'Non-2xx' <<<"$out"; then echo "$out" >&2; echo "non-2xx answers from $url" >&2; exit 1; fi
    awk '/Requests\/sec/ { print $2 }' <<<"$out"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

health="$base/actuator/health"
offers="$base/api/v1/offers?size=20"
referral="$base/api/v1/referrals/1"
planner=$(basic planner:planner-demo)
officer=$(basic jr.gelderland:officer-demo)

measure "$WARMUP" "$health" >/dev/null
measure "$WARMUP" "$offers" -H "$planner" >/dev/null
measure "$WARMUP" "$referral" -H "$officer" >/dev/null

h=$(measure "$DURATION" "$health")
o=$(measure "$DURATION" "$offers" -H "$planner")
r=$(measure "$DURATION" "$referral" -H "$officer")

echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, HTTP Basic, embedded H2 with the demo data ($(nproc) cores)"
printf '%-48s %10s %8s\n' endpoint 'requests/s' 'x health'
printf '%-48s %10.1f %8.2f\n' "GET /actuator/health" "$h" 1
printf '%-48s %10.1f %8.2f\n' "GET /api/v1/offers?size=20 as planner" "$o" "$(ratio "$o" "$h")"
printf '%-48s %10.1f %8.2f\n' "GET /api/v1/referrals/1 as jr.gelderland" "$r" "$(ratio "$r" "$h")"
