#!/usr/bin/env bash
# Load benchmark of the web UI and the API (issue #5; figures in docs/performance.md).
#
# Builds the release binary, makes a node with 100,000 synthetic cases (once; reused
# afterwards), signs a user in over HTTP to get a browser session cookie and an API
# token, serves the node on loopback and runs wrk against the case list page and the
# list API, unfiltered, filtered and deep in the list, at several concurrencies
# (api-filt-p50: page 50 of the filtered list; api-rare: a filter that matches only 90 cases).
#
#   bench/web_load.sh                       # 100,000 cases, 20 s per run, 4, 16 and 64 connections
#   CASES=10000 DURATION=5s CONNECTIONS="16" bench/web_load.sh
#
# Needs wrk (`apt-get install wrk`) and curl. Settings, from the environment:
#   CASES        cases in the node (default 100000)
#   DURATION     length of each wrk run (default 20s)
#   CONNECTIONS  wrk connections, one run each (default "4 16 64")
#   THREADS      wrk threads (default 2)
#   PORT         loopback port (default 18431)
#   WORK         folder for the node, key and CSV (default $CARGO_TARGET_DIR/web-load-$CASES)
#   CARGO_TARGET_DIR  where cargo builds (default target)
#
# Prints one line per run: endpoint, connections, requests/s, p50, p90, p99 and the
# number of answers other than 2xx (must be 0: a redirect to the sign-in page would be
# fast and meaningless). The synthetic data is fixed by its seed, so runs compare.
set -euo pipefail

cd "$(dirname "$0")/.."
CASES=${CASES:-100000}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-"4 16 64"}
THREADS=${THREADS:-2}
PORT=${PORT:-18431}
TARGET_DIR=${CARGO_TARGET_DIR:-target}
WORK=${WORK:-$TARGET_DIR/web-load-$CASES}
BASE="http://127.0.0.1:$PORT"

for tool in wrk curl; do
    command -v "$tool" >/dev/null || { echo "web_load: needs $tool (apt-get install $tool)" >&2; exit 2; }
done

cargo build --release -p concord
CONCORD="$TARGET_DIR/release/concord"
NODE=(--data-dir "$WORK/node" --key-file "$WORK/node.key")

if [ ! -f "$WORK/node/concord.sqlite3" ]; then
    mkdir -p "$WORK"
    echo "== creating a node with $CASES synthetic cases in $WORK"
    "$CONCORD" synth -o "$WORK/cases.csv" --cases "$CASES" --seed 5
    "$CONCORD" init "${NODE[@]}" --name "Load benchmark" --country UA --kind LawEnforcement >/dev/null
    "$CONCORD" import "$WORK/cases.csv" "${NODE[@]}"
    "$CONCORD" user add bench --role Analyst --name "Load benchmark" "${NODE[@]}" >/dev/null
    rm "$WORK/cases.csv"
fi
# A new password at every run: nothing secret is left lying in $WORK.
PASSWORD=$("$CONCORD" user reset-password bench "${NODE[@]}" | sed -n 's/^New password for `bench`: \([^ ]*\) .*/\1/p')
[ -n "$PASSWORD" ] || { echo "web_load: could not reset the password of user bench" >&2; exit 1; }

if curl -s -o /dev/null "$BASE/"; then
    echo "web_load: something already listens on port $PORT; choose another with PORT=" >&2
    exit 1
fi
"$CONCORD" serve "${NODE[@]}" --listen "127.0.0.1:$PORT" >"$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    curl -fs "$BASE/api/v1/health" >/dev/null && break
    sleep 0.1
done
kill -0 "$SERVER" 2>/dev/null || { echo "web_load: the node did not start:" >&2; cat "$WORK/serve.log" >&2; exit 1; }
echo "== serving on $BASE (pid $SERVER)"

# Sign in like a browser: the answer sets the session cookie.
COOKIE=$(curl -s -o /dev/null -D - -X POST "$BASE/sign-in" \
    --data-urlencode username=bench --data-urlencode "password=$PASSWORD" \
    | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(__Host-concord-session=[^;]*\).*/\1/p')
[ -n "$COOKIE" ] || { echo "web_load: sign-in gave no session cookie" >&2; exit 1; }
# Any page of the session carries its CSRF token; with it, make an API token.
CSRF=$(curl -s -H "Cookie: $COOKIE" "$BASE/tokens" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
[ -n "$CSRF" ] || { echo "web_load: no CSRF token on /tokens" >&2; exit 1; }
TOKEN=$(curl -s -X POST "$BASE/api/v1/tokens" -H "Cookie: $COOKIE" -H "X-CSRF-Token: $CSRF" \
    -H 'Content-Type: application/json' -d '{"name":"load benchmark"}' \
    | sed -n 's/.*"secret":"\(concord_[^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || { echo "web_load: could not make an API token" >&2; exit 1; }

FILTER="status=Active&exploitation=ForcedLabour"
# name | path | header
RUNS=(
    "api|/api/v1/cases|Authorization: Bearer $TOKEN"
    "api-filtered|/api/v1/cases?$FILTER|Authorization: Bearer $TOKEN"
    "api-page-50|/api/v1/cases?page=50|Authorization: Bearer $TOKEN"
    "api-filt-p50|/api/v1/cases?$FILTER&page=50|Authorization: Bearer $TOKEN"
    "api-rare|/api/v1/cases?exploitation=ChildLabour|Authorization: Bearer $TOKEN"
    "html|/cases|Cookie: $COOKIE"
    "html-filtered|/cases?$FILTER|Cookie: $COOKIE"
    "html-page-50|/cases?page=50|Cookie: $COOKIE"
)

for run in "${RUNS[@]}"; do
    IFS='|' read -r name path header <<<"$run"
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "$header" "$BASE$path")
    [ "$status" = 200 ] || { echo "web_load: $path answers $status, not 200" >&2; exit 1; }
done

echo "== $(nproc) cores; load before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-14s %5s %10s %9s %9s %9s %7s\n' endpoint conns 'req/s' p50 p90 p99 non-2xx
for conns in $CONNECTIONS; do
    for run in "${RUNS[@]}"; do
        IFS='|' read -r name path header <<<"$run"
        out=$(wrk -t"$THREADS" -c"$conns" -d"$DURATION" --latency -H "$header" "$BASE$path")
        rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
        p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
        p90=$(awk '$1 == "90%" {print $2}' <<<"$out")
        p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
        bad=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
        errors=$(awk '/Socket errors/ {print}' <<<"$out")
        printf '%-14s %5s %10s %9s %9s %9s %7s %s\n' "$name" "$conns" "$rps" "$p50" "$p90" "$p99" "${bad:-0}" "$errors"
    done
done
echo "== load after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
