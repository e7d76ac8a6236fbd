#!/usr/bin/env bash
# Benchmark of the Swift hello-world remote mission service against the Python SDK reference
# and against nghttpd (this machine's HTTP/2 upper bound); with a simulated Spot (spot-sim),
# the cost of its TLS proxy (direct vs through the robot) and of registration keep-alives.
#
# Usage: Scripts/benchmark.sh            (from anywhere; works in the repository root)
#
# Environment knobs (defaults in brackets):
#   SKIP_BUILD=1        do not run `swift build`; use whatever is in .build-release/release [0]
#   QUICK=1             smoke test: REPEATS=1 DURATION=3 WARMUP=1 TICKS=300 SESSIONS=500
#                       KA_SECONDS=5 KA_WARMUP=4
#   REPEATS             runs of every measurement; tables show medians [3]
#   DURATION, WARMUP    h2load main duration and warm-up, seconds [10, 2]
#   TICKS               sequential client ticks per run [2000]
#   SESSIONS            EstablishSession calls before reading the server's RSS [10000]
#   BODY=who            load with TickRequest params who=World instead of a bare TickRequest
#   LOGGING=0           skip the logging-cost runs (servers with BOSDYN_LOG_LEVEL=warning)
#   SECTIONS            any of: load client cold rss proxy keepalive mission autowalk soak
#                       [the first six]
#                       proxy: h2load and sequential ticks, service direct vs through spot-sim
#                       (and through nghttpx, a C reference proxy, when nghttp2-proxy is installed)
#                       keepalive: CPU of KA_COUNT registration keep-alives, Swift vs Python
#                       mission: executor CPU per cycle over 1 000 plain nodes; 100 RemoteGrpc
#                       nodes ticking the Swift hello world at 10 Hz (cycle lateness, Tick round
#                       trip through the executor vs remote-mission-client's)
#                       autowalk: compile and executor load time of walks of 10, 100 and
#                       1 000 elements (target: 1 000 in <= 1 s), executor CPU per cycle
#                       while the 1 000-element walk plays (mission-executor-bench autowalk)
#                       soak (not in the default set): SOAK_SESSIONS sessions ticking the hello
#                       world through spot-sim's proxy for SOAK_SECONDS; the callback is killed
#                       (SIGKILL) and restarted at 1/4, spot-sim stopped and restarted at 1/2;
#                       reports failed ticks outside those windows, RSS and descriptors
#   SOAK_SESSIONS       concurrent sessions in the soak [1000]
#   SOAK_SECONDS        how long the soak's load runs [60]
#   MISSION_SECONDS     how long the 100-callback mission runs [30]
#   KA_COUNT            services kept registered in the keepalive section [100]
#   KA_INTERVAL         their re-registration interval, seconds [1]
#   KA_SECONDS          the measured window, seconds [20]
#   KA_WARMUP           seconds from the client's launch to the window's start [5]
#   SWIFT_SESSION_ARGS  extra arguments for the Swift server in the RSS run, for a
#                       session-keeping variant (e.g. "--sessions") [none]
#   BENCH_VENV          Python venv to create/reuse [.venv in the repository root]
#   PYTHON              interpreter that creates the venv [python3]
#   BUILD_TIMEOUT       seconds allowed for each `swift build` [3600]
#   SWIFT_SERVER_ARGS   extra options for the Swift server (e.g. "--event-loops 1")
#   SWIFT_BIN_DIR       with SKIP_BUILD=1: where the Swift binaries are [.build-release/release]
#
# Everything listens on 127.0.0.1 only; every server started here is stopped on exit.
# Raw outputs, the results file and summary.txt go to bench-results/<timestamp>/
# (bench-results/latest points at the newest run).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

readonly HOST=127.0.0.1
readonly TICK_PATH=/bosdyn.api.mission.RemoteMissionService/Tick
readonly BENCH="$ROOT/Scripts/bench"
# SWIFT_BIN_DIR (with SKIP_BUILD=1) points the benchmark at other binaries, e.g. stand-ins.
readonly SWIFT_BIN_DIR="${SWIFT_BIN_DIR:-$ROOT/.build-release/release}"
readonly SWIFT_SERVER="$SWIFT_BIN_DIR/hello-world-mission-service"
readonly SWIFT_CLIENT="$SWIFT_BIN_DIR/remote-mission-client"
readonly SPOT_SIM="$SWIFT_BIN_DIR/spot-sim"
readonly MISSION_BENCH="$SWIFT_BIN_DIR/mission-executor-bench"
readonly SIM_AUTHORITY=hello-world-callback.spot.robot

if [[ "${QUICK:-0}" == 1 ]]; then
  : "${REPEATS:=1}" "${DURATION:=3}" "${WARMUP:=1}" "${TICKS:=300}" "${SESSIONS:=500}"
  : "${KA_SECONDS:=5}" "${KA_WARMUP:=4}"
fi
REPEATS=${REPEATS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-2}
TICKS=${TICKS:-2000}
SESSIONS=${SESSIONS:-10000}
SKIP_BUILD=${SKIP_BUILD:-0}
LOGGING=${LOGGING:-1}
SECTIONS=${SECTIONS:-load client cold rss proxy keepalive}
KA_COUNT=${KA_COUNT:-100}
MISSION_SECONDS=${MISSION_SECONDS:-30}
SOAK_SESSIONS=${SOAK_SESSIONS:-1000}
SOAK_SECONDS=${SOAK_SECONDS:-60}
KA_INTERVAL=${KA_INTERVAL:-1}
KA_SECONDS=${KA_SECONDS:-20}
KA_WARMUP=${KA_WARMUP:-5}
SWIFT_SESSION_ARGS=${SWIFT_SESSION_ARGS:---sessions}
VENV=${BENCH_VENV:-$ROOT/.venv}
BUILD_TIMEOUT=${BUILD_TIMEOUT:-3600}
H2LOAD_TIMEOUT=$((DURATION + WARMUP + 60))

RUN_DIR="$ROOT/bench-results/$(date +%Y%m%d-%H%M%S)"
RAW="$RUN_DIR/raw"
RESULTS="$RUN_DIR/results.txt"
INPUTS="$RUN_DIR/inputs"
mkdir -p "$RAW" "$INPUTS"
ln -sfn "$(basename "$RUN_DIR")" "$ROOT/bench-results/latest"

say() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }
record() { printf '%s\n' "$*" >>"$RESULTS"; }
note() { say "$*"; record "kind=note msg=$*"; }
has_section() { [[ " $SECTIONS " == *" $1 "* ]]; }

# ---------------------------------------------------------------- servers and cleanup
declare -A PID=() PORT=() ERRLOG=()
ALL_PIDS=()

stop_pid() {
  local pid=$1 i
  kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$? pid
  trap - EXIT INT TERM
  for pid in "${ALL_PIDS[@]}"; do stop_pid "$pid"; done
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

stop_server() {
  local name=$1
  [[ -n "${PID[$name]:-}" ]] || return 0
  stop_pid "${PID[$name]}"
  unset "PID[$name]" "PORT[$name]"
}

# A free TCP port on 127.0.0.1 (for servers that cannot pick and report one themselves).
free_port() {
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# wait_port PORT PID TIMEOUT_SECONDS: until PORT accepts on 127.0.0.1; fails if PID dies.
wait_port() {
  local port=$1 pid=$2 deadline=$((SECONDS + $3))
  while ((SECONDS < deadline)); do
    kill -0 "$pid" 2>/dev/null || return 1
    port_open "$port" && return 0
    sleep 0.05
  done
  return 1
}

# wait_listen_line FILE PID TIMEOUT: prints N from "... listening on port N." in FILE.
wait_listen_line() {
  local file=$1 pid=$2 deadline=$((SECONDS + $3)) port
  while ((SECONDS < deadline)); do
    port=$(sed -n 's/.*listening on port \([0-9][0-9]*\)\..*/\1/p' "$file" 2>/dev/null | head -n 1)
    [[ -n "$port" ]] && { echo "$port"; return 0; }
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}

# start_grpc_server NAME ENV_ASSIGNMENT... -- COMMAND...: COMMAND gets `--port 0` appended and
# must print "listening on port N."; its stderr (the log) goes to $RAW/NAME.log.
start_grpc_server() {
  local name=$1 envs=() pid port
  shift
  while [[ $# -gt 0 && "$1" != -- ]]; do envs+=("$1"); shift; done
  shift
  env ${envs[@]+"${envs[@]}"} "$@" --port 0 </dev/null >"$RAW/$name.stdout" 2>"$RAW/$name.log" &
  pid=$!
  ALL_PIDS+=("$pid")
  if ! port=$(wait_listen_line "$RAW/$name.stdout" "$pid" 60) || ! wait_port "$port" "$pid" 30
  then
    say "$name did not start; its output:"
    tail -n 20 "$RAW/$name.stdout" "$RAW/$name.log" >&2 || true
    stop_pid "$pid"
    return 1
  fi
  PID[$name]=$pid PORT[$name]=$port ERRLOG[$name]="$RAW/$name.log"
  say "$name: pid $pid on $HOST:$port"
}

start_nghttpd() {
  local port pid
  port=$(free_port)
  nghttpd --no-tls -a "$HOST" -d "$INPUTS/htdocs" --trailer 'grpc-status: 0' "$port" \
    </dev/null >"$RAW/nghttpd.stdout" 2>"$RAW/nghttpd.log" &
  pid=$!
  ALL_PIDS+=("$pid")
  wait_port "$port" "$pid" 30 || { stop_pid "$pid"; return 1; }
  PID[nghttpd]=$pid PORT[nghttpd]=$port
  say "nghttpd: pid $pid on $HOST:$port"
}

# Server command lines without --port (set once the venv is known).
# SWIFT_SERVER_ARGS adds options to the Swift server, to compare configurations
# (e.g. "--event-loops 1" or "--no-handlers-on-event-loops").
read -r -a SWIFT_SERVER_EXTRA <<<"${SWIFT_SERVER_ARGS:-}"
SWIFT_CMD=("$SWIFT_SERVER" local --bind "$HOST" "${SWIFT_SERVER_EXTRA[@]}")
PY_CMD=()

# ---------------------------------------------------------------- 1. Python venv
ensure_venv() {
  local check='import importlib.metadata as m, bosdyn.mission, bosdyn.client, grpc
assert m.version("bosdyn-mission") == m.version("bosdyn-client") == "5.2.0", "not 5.2.0"'
  if [[ -x "$VENV/bin/python" ]] && "$VENV/bin/python" -c "$check" 2>/dev/null; then
    say "reusing venv $VENV"
  else
    say "creating venv $VENV with bosdyn-client/bosdyn-mission 5.2.0"
    [[ -x "$VENV/bin/python" ]] || timeout 300 "${PYTHON:-python3}" -m venv "$VENV"
    timeout 900 "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
      'bosdyn-client==5.2.0' 'bosdyn-mission==5.2.0'
    "$VENV/bin/python" -c "$check" || die "the venv at $VENV cannot import bosdyn.mission 5.2.0"
  fi
  PY="$VENV/bin/python"
  PY_CMD=("$PY" "$BENCH/python_hello_world.py" --bind "$HOST")
}

# ---------------------------------------------------------------- 2. Swift build
build_swift() {
  local product
  if [[ "$SKIP_BUILD" == 1 ]]; then
    say "SKIP_BUILD=1: using existing binaries in $SWIFT_BIN_DIR"
    return 0
  fi
  local products=(hello-world-mission-service remote-mission-client)
  if has_section proxy || has_section keepalive || has_section soak; then products+=(spot-sim); fi
  if has_section mission || has_section autowalk; then products+=(mission-executor-bench); fi
  for product in "${products[@]}"; do
    say "swift build -c release --product $product (log: $RAW/build-$product.log)"
    timeout "$BUILD_TIMEOUT" swift build -c release --scratch-path .build-release \
      --product "$product" >"$RAW/build-$product.log" 2>&1 ||
      { tail -n 30 "$RAW/build-$product.log" >&2; die "swift build of $product failed"; }
  done
}

swift_client_has_bench() {
  [[ -x "$SWIFT_CLIENT" ]] && timeout 20 "$SWIFT_CLIENT" bench-ticks --help >/dev/null 2>&1
}

# ---------------------------------------------------------------- checks
# Every gRPC server must answer the exact body h2load sends with grpc-status 0 and
# STATUS_SUCCESS; h2load itself only sees HTTP 200, which gRPC errors have too.
verify_server() {
  local name=$1 port=${PORT[$1]}
  timeout 60 "$PY" "$BENCH/check_tick.py" --port "$port" \
    --body "$INPUTS/tick_request.bin" --body "$INPUTS/tick_request_who.bin" \
    >"$RAW/check-$name.txt" 2>&1 || { cat "$RAW/check-$name.txt" >&2; return 1; }
  timeout 30 nghttp -n -v -d "$BODY_FILE" -H 'content-type: application/grpc' \
    -H 'te: trailers' "http://$HOST:$port$TICK_PATH" >"$RAW/nghttp-$name.txt" 2>&1 || true
  grep -q 'recv (stream_id=[0-9]*) grpc-status: 0' "$RAW/nghttp-$name.txt" ||
    { say "$name: no 'grpc-status: 0' trailer for the h2load body (see $RAW/nghttp-$name.txt)"
      return 1; }
  say "$name: Tick answers verified ($(grep -c '^ok' "$RAW/check-$name.txt") checks, trailer grpc-status 0)"
}

greetings() { # greeting lines logged so far by server $1 (0 if it logs nowhere we read)
  local file=${ERRLOG[$1]:-}
  [[ -n "$file" && -f "$file" ]] || { echo 0; return; }
  grep -c 'Hello World!' "$file" || true
}

# ---------------------------------------------------------------- 4. h2load runs
run_h2load() {
  local server=$1 load=$2 rep=$3 clients streams out log stats before after logged_ok=n/a
  case "$load" in
    1x1) clients=1 streams=1 ;;
    8x16) clients=8 streams=16 ;;
  esac
  out="$RAW/h2load-$server-$load-$rep.txt"
  log="$RAW/h2load-$server-$load-$rep.tsv"
  rm -f "$log" # h2load appends to --log-file
  before=$(greetings "$server")
  if ! timeout "$H2LOAD_TIMEOUT" h2load -c "$clients" -m "$streams" -t 1 \
    -D "$DURATION" --warm-up-time "$WARMUP" -d "$BODY_FILE" \
    -H 'content-type: application/grpc' -H 'te: trailers' --log-file "$log" \
    "http://$HOST:${PORT[$server]}$TICK_PATH" >"$out" 2>&1; then
    note "h2load against $server ($load, run $rep) failed; see $out"
    return 0
  fi
  if ! stats=$("$PY" "$BENCH/h2load_stats.py" "$out" "$log" 2>>"$RAW/errors.txt"); then
    note "could not read h2load output for $server ($load, run $rep); see $out"
    return 0
  fi
  if [[ "$server" == swift || "$server" == python ]]; then
    sleep 0.2
    after=$(greetings "$server")
    local succeeded
    succeeded=$(sed -n 's/.*succeeded=\([0-9]*\).*/\1/p' <<<"$stats")
    logged_ok=$([[ $((after - before)) -ge ${succeeded:-0} ]] && echo yes || echo no)
  fi
  record "kind=h2load server=$server load=$load rep=$rep $stats server_logged_ok=$logged_ok"
  gzip -1 -f "$log" # per-request rows: up to ~50 MB a run against nghttpd
  say "$(printf '%-13s %-5s run %s: %s' "$server" "$load" "$rep" \
    "$(sed -E 's/.*rps=([0-9.]+).*succeeded=([0-9]+).*p50_ms=([0-9.]+).*p99_ms=([0-9.]+).*/\1 req\/s, \2 ok, p50 \3 ms, p99 \4 ms/' <<<"$stats")")"
}

section_load() {
  local rep load server servers=()
  for server in swift python nghttpd swift-quiet python-quiet; do
    [[ -n "${PORT[$server]:-}" ]] && servers+=("$server")
  done
  say "h2load: ${servers[*]} × loads 1x1 8x16 × $REPEATS runs of ${DURATION}s (+${WARMUP}s warm-up)"
  for ((rep = 1; rep <= REPEATS; rep++)); do
    for load in 1x1 8x16; do
      for server in "${servers[@]}"; do
        run_h2load "$server" "$load" "$rep"
      done
    done
  done
}

# ---------------------------------------------------------------- 5a. client tick loops
section_client() {
  local rep server line swift_client=0 servers=()
  for server in swift python nghttpd; do
    [[ -n "${PORT[$server]:-}" ]] && servers+=("$server")
  done
  # HOOK: `remote-mission-client bench-ticks --host-ip H --port P --count N` printing
  # `ticks_per_second=<float> p50_ms=<float> p99_ms=<float>` (not written yet).
  if swift_client_has_bench; then swift_client=1; else note "swift client: n/a"; fi
  for ((rep = 1; rep <= REPEATS; rep++)); do
    for server in "${servers[@]}"; do
      if line=$(timeout 600 "$PY" "$BENCH/python_client_ticks.py" --host-ip "$HOST" \
        --port "${PORT[$server]}" --count "$TICKS" 2>>"$RAW/client-python-$server.err"); then
        record "kind=client_ticks client=python server=$server rep=$rep $line"
        say "python client -> $server run $rep: $line"
      else
        record "kind=client_ticks client=python server=$server rep=$rep msg=failed"
        say "python client -> $server run $rep failed; see $RAW/client-python-$server.err"
      fi
      ((swift_client)) || continue
      if line=$(timeout 600 "$SWIFT_CLIENT" bench-ticks --host-ip "$HOST" \
        --port "${PORT[$server]}" --count "$TICKS" 2>>"$RAW/client-swift-$server.err" |
        grep -E '^ticks_per_second=' | tail -n 1) && [[ -n "$line" ]]; then
        record "kind=client_ticks client=swift server=$server rep=$rep $line"
        say "swift client -> $server run $rep: $line"
      else
        record "kind=client_ticks client=swift server=$server rep=$rep msg=failed"
        say "swift client -> $server run $rep failed; see $RAW/client-swift-$server.err"
      fi
    done
  done
}

# ---------------------------------------------------------------- 5b. cold start
section_cold() {
  local rep name port line cmd=()
  for ((rep = 1; rep <= REPEATS; rep++)); do
    for name in swift python; do
      [[ "$name" == swift && ! -x "$SWIFT_SERVER" ]] && continue
      port=$(free_port)
      if [[ "$name" == swift ]]; then cmd=("${SWIFT_CMD[@]}"); else cmd=("${PY_CMD[@]}"); fi
      if line=$(timeout 120 "$PY" "$BENCH/cold_start.py" --port "$port" \
        --log "$RAW/cold-$name-$rep.log" -- "${cmd[@]}" --port "$port" \
        2>>"$RAW/cold-$name.err"); then
        record "kind=cold_start server=$name rep=$rep $line"
        say "cold start $name run $rep: $line"
      else
        record "kind=cold_start server=$name rep=$rep msg=failed"
        say "cold start $name run $rep failed; see $RAW/cold-$name.err"
      fi
    done
  done
}

# ---------------------------------------------------------------- 5c. RSS with many sessions
section_rss() {
  local name line variant extra=() cmd=()
  for name in swift python; do
    [[ "$name" == swift && ! -x "$SWIFT_SERVER" ]] && continue
    extra=() variant=hello-world
    # HOOK: a session-keeping Swift variant, e.g. SWIFT_SESSION_ARGS="--sessions".
    if [[ "$name" == swift && -n "$SWIFT_SESSION_ARGS" ]]; then
      read -r -a extra <<<"$SWIFT_SESSION_ARGS"
      variant="hello-world${SWIFT_SESSION_ARGS// /}"
    fi
    if [[ "$name" == swift ]]; then cmd=("${SWIFT_CMD[@]}"); else cmd=("${PY_CMD[@]}"); fi
    if ! start_grpc_server "rss-$name" -- "${cmd[@]}" ${extra[@]+"${extra[@]}"}; then
      note "rss: $name server did not start"
      continue
    fi
    if line=$(timeout 900 "$PY" "$BENCH/sessions_rss.py" --host-ip "$HOST" \
      --port "${PORT[rss-$name]}" --pid "${PID[rss-$name]}" --sessions "$SESSIONS" \
      2>>"$RAW/rss-$name.err"); then
      record "kind=sessions_rss server=$name variant=$variant $line"
      say "rss $name ($variant): $line"
    else
      record "kind=sessions_rss server=$name variant=$variant msg=failed (see raw/rss-$name.err)"
    fi
    stop_server "rss-$name"
  done
}

# ---------------------------------------------------------------- 6. simulated Spot
# CPU time in ns of all live threads of PID, from /proc/PID/task/*/schedstat (nanoseconds;
# /proc/PID/stat only counts 10 ms clock ticks). Threads that end in between are not counted:
# the processes measured here keep their threads.
cpu_ns() {
  cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{ns += $1} END {printf "%.0f\n", ns}'
}

# start_sim NAME LOG_LEVEL [PORT]: spot-sim on PORT (default: a free port) with its data (CA, keys) in the run
# directory; sets PID[NAME], PORT[NAME] and SIM_CA. Its log goes to $RAW/NAME.log.
SIM_CA=
start_sim() {
  local name=$1 level=$2 pid port='' ca='' deadline=$((SECONDS + 60))
  env BOSDYN_LOG_LEVEL="$level" "$SPOT_SIM" --port "${3:-0}" --host "$HOST" \
    --data-dir "$RUN_DIR/sim-data" </dev/null >"$RAW/$name.stdout" 2>"$RAW/$name.log" &
  pid=$!
  ALL_PIDS+=("$pid")
  while ((SECONDS < deadline)); do
    port=$(sed -n 's/^Listening on [0-9.]*:\([0-9][0-9]*\).*/\1/p' "$RAW/$name.stdout" 2>/dev/null | head -n 1)
    [[ -n "$port" ]] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  ca=$(sed -n 's/^CA certificate: //p' "$RAW/$name.stdout" | head -n 1)
  if [[ -z "$port" || -z "$ca" ]] || ! wait_port "$port" "$pid" 30; then
    say "$name (spot-sim) did not start; its output:"
    tail -n 20 "$RAW/$name.stdout" "$RAW/$name.log" >&2 || true
    stop_pid "$pid"
    return 1
  fi
  PID[$name]=$pid PORT[$name]=$port SIM_CA=$ca
  say "$name: spot-sim pid $pid on $HOST:$port (BOSDYN_LOG_LEVEL=$level)"
}

# ---------------------------------------------------------------- 6a. direct vs TLS proxy
SIM_TOKEN=
run_proxy_h2load() {
  local route=$1 load=$2 rep=$3 clients streams out log stats url extra=() sim0 svc0 sim1 svc1
  case "$load" in
    1x1) clients=1 streams=1 ;;
    8x16) clients=8 streams=16 ;;
  esac
  if [[ "$route" == direct ]]; then
    url="http://$HOST:${PORT[proxy-service]}$TICK_PATH"
  elif [[ "$route" == nghttpx ]]; then
    url="https://$HOST:${PORT[nghttpx]}$TICK_PATH"
  else
    url="https://$HOST:${PORT[sim]}$TICK_PATH"
    extra=(-H ":authority: $SIM_AUTHORITY" -H "authorization: Bearer $SIM_TOKEN")
  fi
  out="$RAW/h2load-proxy-$route-$load-$rep.txt"
  log="$RAW/h2load-proxy-$route-$load-$rep.tsv"
  rm -f "$log"
  # The relaying process's CPU: spot-sim's, or nghttpx's on the reference route.
  local relay=${PID[sim]}
  [[ "$route" == nghttpx ]] && relay=${PID[nghttpx]}
  sim0=$(cpu_ns "$relay") svc0=$(cpu_ns "${PID[proxy-service]}")
  if ! timeout "$H2LOAD_TIMEOUT" h2load -c "$clients" -m "$streams" -t 1 \
    -D "$DURATION" --warm-up-time "$WARMUP" -d "$BODY_FILE" \
    -H 'content-type: application/grpc' -H 'te: trailers' ${extra[@]+"${extra[@]}"} --log-file "$log" \
    "$url" >"$out" 2>&1; then
    note "h2load $route ($load, run $rep) failed; see $out"
    return 0
  fi
  sim1=$(cpu_ns "$relay") svc1=$(cpu_ns "${PID[proxy-service]}")
  if ! stats=$("$PY" "$BENCH/h2load_stats.py" "$out" "$log" 2>>"$RAW/errors.txt"); then
    note "could not read h2load output for $route ($load, run $rep); see $out"
    return 0
  fi
  # CPU per request, approximately: the CPU deltas include the warm-up, whose requests h2load
  # does not count, so divide by req/s × (warm-up + duration).
  local per_request
  per_request=$(awk -v rps="$(sed -n 's/.*rps=\([0-9.]*\).*/\1/p' <<<"$stats")" \
    -v seconds=$((DURATION + WARMUP)) -v sim=$((sim1 - sim0)) -v svc=$((svc1 - svc0)) \
    'BEGIN { n = rps * seconds; if (n <= 0) n = 1
             printf "sim_cpu_us_per_req=%.1f service_cpu_us_per_req=%.1f", sim / n / 1000, svc / n / 1000 }')
  record "kind=proxy_h2load route=$route load=$load rep=$rep $stats $per_request"
  gzip -1 -f "$log"
  say "$(printf 'proxy section: %-6s %-5s run %s: %s' "$route" "$load" "$rep" \
    "$(sed -E 's/.*rps=([0-9.]+).*succeeded=([0-9]+).*p50_ms=([0-9.]+).*p90_ms=([0-9.]+).*/\1 req\/s, \2 ok, p50 \3 ms, p90 \4 ms/' <<<"$stats")")"
}

# proxy_ticks CLIENT ROUTE REP COMMAND...: one sequential tick loop, recorded.
proxy_ticks() {
  local client=$1 route=$2 rep=$3 line
  shift 3
  if line=$(timeout 600 "$@" 2>>"$RAW/proxy-ticks-$client-$route.err" |
    grep -E '^ticks_per_second=' | tail -n 1) && [[ -n "$line" ]]; then
    record "kind=proxy_ticks client=$client route=$route rep=$rep $line"
    say "proxy section: $client client $route run $rep: $line"
  else
    record "kind=proxy_ticks client=$client route=$route rep=$rep msg=failed"
    say "proxy section: $client client $route run $rep failed; see $RAW/proxy-ticks-$client-$route.err"
  fi
}

# start_proxy_pair: spot-sim (warning level) plus the Swift hello-world service registered with
# it (robot mode, warning level); sets SIM_TOKEN. Both are restarted for every run: see
# probe_proxy.
start_proxy_pair() {
  local pid port
  start_sim sim warning || { note "proxy: spot-sim did not start"; return 1; }
  port=$(free_port)
  BOSDYN_LOG_LEVEL=warning "$SWIFT_SERVER" robot --host-ip "$HOST" --port "$port" \
    --bind "$HOST" --robot-ca "$SIM_CA" --username user --password password \
    "$HOST:${PORT[sim]}" </dev/null >>"$RAW/proxy-service.stdout" 2>>"$RAW/proxy-service.log" &
  pid=$!
  ALL_PIDS+=("$pid")
  if ! wait_port "$port" "$pid" 60; then
    note "proxy: the hello-world service (robot mode) did not start; see raw/proxy-service.log"
    stop_pid "$pid"
    stop_server sim
    return 1
  fi
  PID[proxy-service]=$pid PORT[proxy-service]=$port
  if ! SIM_TOKEN=$(timeout 90 "$PY" "$BENCH/robot_token.py" --port "${PORT[sim]}" \
    --ca "$SIM_CA" --wait-service hello-world-callback 2>>"$RAW/proxy-token.err"); then
    note "proxy: no token, or the service never appeared in the directory (raw/proxy-token.err)"
    stop_proxy_pair
    return 1
  fi
}

stop_proxy_pair() {
  stop_server nghttpx
  stop_server proxy-service
  stop_server sim
}

# start_reference_proxy: nghttpx (nghttp2's C proxy, one worker) terminating TLS with the
# simulator's certificate and relaying over h2c to the same service: what a lean proxy costs
# on this machine, for comparison with spot-sim's. Optional (Debian package nghttp2-proxy).
start_reference_proxy() {
  local port pid
  command -v nghttpx >/dev/null || return 1
  port=$(free_port)
  nghttpx --conf=/dev/null --no-ocsp --single-process --workers=1 --frontend="$HOST,$port" \
    --backend="$HOST,${PORT[proxy-service]};;proto=h2" --backend-keep-alive-timeout=600s \
    --log-level=WARN --accesslog-file=/dev/null --errorlog-file="$RAW/nghttpx.log" \
    "$RUN_DIR/sim-data/server-key.pem" "$RUN_DIR/sim-data/server.pem" </dev/null \
    >>"$RAW/nghttpx.stdout" 2>&1 &
  pid=$!
  ALL_PIDS+=("$pid")
  if ! wait_port "$port" "$pid" 30; then
    stop_pid "$pid"
    return 1
  fi
  PID[nghttpx]=$pid PORT[nghttpx]=$port
}

# nghttp_proxy_tick TIMEOUT OUT: one Tick through the robot; succeeds on grpc-status 0.
nghttp_proxy_tick() {
  timeout "$1" nghttp -n -v -d "$BODY_FILE" -H 'content-type: application/grpc' \
    -H 'te: trailers' -H ":authority: $SIM_AUTHORITY" -H "authorization: Bearer $SIM_TOKEN" \
    "https://$HOST:${PORT[sim]}$TICK_PATH" >"$2" 2>&1 || true
  grep -q 'recv (stream_id=[0-9]*) grpc-status: 0' "$2"
}

# probe_proxy LABEL: 10 concurrent fresh Ticks through the robot with a 2 s deadline; notes
# how many got no answer. (Until the proxy remembered more reset streams, the answers to the
# calls h2load abandons at the end of a 128-stream run broke an upstream connection, and later
# calls on that event loop hung: this checks it stays fixed.)
probe_proxy() {
  local label=$1 i hung=0 pids=()
  for ((i = 0; i < 10; i++)); do
    nghttp_proxy_tick 2 "$RAW/probe-$label-$i.txt" &
    pids+=($!)
  done
  for i in "${pids[@]}"; do wait "$i" || hung=$((hung + 1)); done
  record "kind=proxy_probe label=$label hung=$hung of=10"
  ((hung == 0)) || note "proxy: $label, $hung of 10 fresh calls through the robot got no answer within 2 s"
}

section_proxy() {
  local rep load route swift_robot=1
  if [[ ! -x "$SPOT_SIM" || ! -x "$SWIFT_SERVER" ]]; then
    note "proxy: n/a (spot-sim or hello-world-mission-service missing in $SWIFT_BIN_DIR)"
    return 0
  fi
  note "proxy: spot-sim and the hello-world service run with BOSDYN_LOG_LEVEL=warning (per-call log lines would dominate); both restarted for every run"
  timeout 20 "$SWIFT_CLIENT" bench-ticks --help 2>/dev/null | grep -q -- '--robot' ||
    { note "proxy: this remote-mission-client has no bench-ticks --robot"; swift_robot=0; }
  say "proxy: per run: sequential ticks, then h2load direct vs proxy × loads 1x1 8x16 (${DURATION}s + ${WARMUP}s warm-up); $REPEATS runs"
  for ((rep = 1; rep <= REPEATS; rep++)); do
    start_proxy_pair || return 0
    # Both routes must answer the h2load body with grpc-status 0.
    verify_server proxy-service || note "proxy: the service failed the direct Tick check"
    if nghttp_proxy_tick 30 "$RAW/nghttp-proxy-$rep.txt"; then
      say "proxy: Tick through the robot answers grpc-status 0"
    else
      note "proxy: no 'grpc-status: 0' through the robot (see raw/nghttp-proxy-$rep.txt)"
    fi
    if swift_client_has_bench; then
      proxy_ticks swift direct "$rep" "$SWIFT_CLIENT" bench-ticks --host-ip "$HOST" \
        --port "${PORT[proxy-service]}" --count "$TICKS"
      ((swift_robot)) && proxy_ticks swift robot "$rep" "$SWIFT_CLIENT" bench-ticks \
        --robot "$HOST:${PORT[sim]}" --robot-ca "$SIM_CA" --username user \
        --password password --count "$TICKS"
    fi
    proxy_ticks python direct "$rep" "$PY" "$BENCH/python_client_ticks.py" --host-ip "$HOST" \
      --port "${PORT[proxy-service]}" --count "$TICKS"
    proxy_ticks python robot "$rep" "$PY" "$BENCH/python_robot_ticks.py" \
      --port "${PORT[sim]}" --ca "$SIM_CA" --count "$TICKS"
    local routes=(direct proxy)
    if start_reference_proxy; then
      routes+=(nghttpx)
      # The Python client through the C proxy: its own per-call cost of TLS and the token.
      proxy_ticks python nghttpx "$rep" "$PY" "$BENCH/python_robot_ticks.py" \
        --port "${PORT[sim]}" --ca "$SIM_CA" --relay-port "${PORT[nghttpx]}" --count "$TICKS"
    elif ((rep == 1)); then
      note "proxy: no nghttpx reference (Debian package nghttp2-proxy); see raw/nghttpx.log"
    fi
    for load in 1x1 8x16; do
      for route in "${routes[@]}"; do run_proxy_h2load "$route" "$load" "$rep"; done
    done
    probe_proxy "after-the-128-stream-run-$rep"
    stop_proxy_pair
  done
}

# ---------------------------------------------------------------- 6b. registration keep-alive
# (Re-)registration calls the simulator has logged so far (one info line per call).
registration_calls() {
  grep -cE ' - INFO - (RegisterService|UpdateService) ' "$1" 2>/dev/null || true
}

run_keepalive() {
  local client=$1 rep=$2 sim=ka-sim-$1-$2 pid dummy total cmd=() line status=0
  local c0 s0 r0 t0 c1 s1 r1 t1
  start_sim "$sim" info || { note "keepalive: spot-sim did not start"; return 0; }
  dummy=$(free_port) # the entries point here; nothing needs to listen
  total=$(awk -v w="$KA_WARMUP" -v s="$KA_SECONDS" 'BEGIN { print w + s + 1 }')
  if [[ "$client" == swift ]]; then
    cmd=("$SWIFT_CLIENT" bench-keepalive --robot "$HOST:${PORT[$sim]}" --robot-ca "$SIM_CA"
      --username user --password password --count "$KA_COUNT" --seconds "$total"
      --interval "$KA_INTERVAL" --port "$dummy")
  else
    cmd=("$PY" "$BENCH/python_keepalive.py" --port "${PORT[$sim]}" --ca "$SIM_CA"
      --count "$KA_COUNT" --seconds "$total" --interval "$KA_INTERVAL" --service-port "$dummy")
  fi
  "${cmd[@]}" </dev/null >"$RAW/keepalive-$client-$rep.stdout" \
    2>"$RAW/keepalive-$client-$rep.err" &
  pid=$!
  ALL_PIDS+=("$pid")
  sleep "$KA_WARMUP"
  if ! kill -0 "$pid" 2>/dev/null; then
    note "keepalive: the $client client ended early; see raw/keepalive-$client-$rep.err"
    stop_server "$sim"
    return 0
  fi
  c0=$(cpu_ns "$pid") s0=$(cpu_ns "${PID[$sim]}") r0=$(registration_calls "$RAW/$sim.log")
  t0=$(date +%s.%N)
  sleep "$KA_SECONDS"
  c1=$(cpu_ns "$pid") s1=$(cpu_ns "${PID[$sim]}") r1=$(registration_calls "$RAW/$sim.log")
  t1=$(date +%s.%N)
  timeout 120 tail --pid="$pid" -f /dev/null || true
  wait "$pid" || status=$?
  line=$(grep -E '^keepalives=' "$RAW/keepalive-$client-$rep.stdout" | tail -n 1 || true)
  stop_server "$sim"
  if ((status != 0)) || [[ -z "$line" ]]; then
    record "kind=keepalive client=$client rep=$rep msg=failed (exit $status; see raw/keepalive-$client-$rep.err)"
    say "keepalive $client run $rep failed; see $RAW/keepalive-$client-$rep.err"
    return 0
  fi
  line=$(awk -v t0="$t0" -v t1="$t1" -v c="$((c1 - c0))" -v s="$((s1 - s0))" \
    -v r="$((r1 - r0))" -v rest="$line" 'BEGIN {
      printf "window_s=%.3f calls=%d client_cpu_ms=%.1f sim_cpu_ms=%.1f %s",
        t1 - t0, r, c / 1e6, s / 1e6, rest }')
  record "kind=keepalive client=$client rep=$rep $line"
  say "keepalive $client run $rep: $line"
}

section_keepalive() {
  local rep client clients=(python)
  if [[ ! -x "$SPOT_SIM" ]]; then
    note "keepalive: n/a ($SPOT_SIM missing)"
    return 0
  fi
  if [[ -x "$SWIFT_CLIENT" ]] && timeout 20 "$SWIFT_CLIENT" bench-keepalive --help >/dev/null 2>&1
  then
    clients=(swift python)
  else
    note "keepalive: swift client n/a (no remote-mission-client bench-keepalive)"
  fi
  note "keepalive: spot-sim runs with BOSDYN_LOG_LEVEL=info here: its one line per (re-)registration call counts the calls (same cost for both clients); a fresh spot-sim per run"
  say "keepalive: ${clients[*]} × $KA_COUNT keep-alives every ${KA_INTERVAL}s, window ${KA_SECONDS}s after ${KA_WARMUP}s, $REPEATS runs"
  for ((rep = 1; rep <= REPEATS; rep++)); do
    for client in "${clients[@]}"; do run_keepalive "$client" "$rep"; done
  done
}

# ---------------------------------------------------------------- 7. mission executor
section_mission() {
  local rep line server=mission-hello
  if [[ ! -x "$MISSION_BENCH" ]]; then
    note "mission: n/a ($MISSION_BENCH missing)"
    return 0
  fi
  for ((rep = 1; rep <= REPEATS; rep++)); do
    if line=$(timeout 600 "$MISSION_BENCH" plain --nodes 1000 --cycles 2000 \
      2>>"$RAW/mission-plain.err" | grep -E '^nodes=' | tail -n 1) && [[ -n "$line" ]]; then
      record "kind=mission_plain rep=$rep $line"
      say "mission plain run $rep: $line"
    else
      record "kind=mission_plain rep=$rep msg=failed"
    fi
  done
  # The Swift hello world as the document runs it (logging each greeting), fresh per run.
  for ((rep = 1; rep <= REPEATS; rep++)); do
    start_grpc_server "$server" -- "${SWIFT_CMD[@]}" ||
      { note "mission: the hello world did not start"; return 0; }
    if line=$(timeout $((MISSION_SECONDS + 120)) "$MISSION_BENCH" callbacks \
      --port "${PORT[$server]}" --count 100 --seconds "$MISSION_SECONDS" --hz 10 \
      2>>"$RAW/mission-callbacks.err" | grep -E '^callbacks=' | tail -n 1) && [[ -n "$line" ]]
    then
      record "kind=mission_callbacks rep=$rep $line"
      say "mission callbacks run $rep: $line"
    else
      record "kind=mission_callbacks rep=$rep msg=failed"
    fi
    # The same Tick from remote-mission-client, sequentially, to the same service.
    if line=$(timeout 600 "$SWIFT_CLIENT" bench-ticks --host-ip "$HOST" \
      --port "${PORT[$server]}" --count "$TICKS" 2>>"$RAW/mission-client.err" |
      grep -E '^ticks_per_second=' | tail -n 1) && [[ -n "$line" ]]; then
      record "kind=mission_client rep=$rep $line"
      say "mission: remote-mission-client run $rep: $line"
    fi
    stop_server "$server"
  done
}

# ---------------------------------------------------------------- 9. autowalk
# Walks of 10, 100 and 1 000 elements compiled (AutowalkCompiler) and loaded into an executor,
# then the executor's CPU per cycle while the largest plays; the target is 1 000 elements
# compiled and loaded in at most a second.
section_autowalk() {
  local rep line
  if [[ ! -x "$MISSION_BENCH" ]]; then
    note "autowalk: n/a ($MISSION_BENCH missing)"
    return 0
  fi
  for ((rep = 1; rep <= REPEATS; rep++)); do
    if ! timeout 600 "$MISSION_BENCH" autowalk --elements 10,100,1000 --cycles 2000 \
      >"$RAW/autowalk-$rep.out" 2>>"$RAW/autowalk.err"; then
      record "kind=autowalk rep=$rep msg=failed"
      continue
    fi
    while read -r line; do
      record "kind=autowalk rep=$rep $line"
      say "autowalk run $rep: $line"
    done < <(grep -E '^(elements|playing_elements)=' "$RAW/autowalk-$rep.out")
  done
}

# ---------------------------------------------------------------- 8. soak
# soak_callback PORT SIM_PORT: the hello world in robot mode (registered with the sim) on PORT.
soak_callback() {
  BOSDYN_LOG_LEVEL=warning "$SWIFT_SERVER" robot --host-ip "$HOST" --port "$1" --bind "$HOST" \
    --robot-ca "$SIM_CA" --username user --password password "$HOST:$2" </dev/null \
    >>"$RAW/soak-callback.stdout" 2>>"$RAW/soak-callback.log" &
  SOAK_CALLBACK=$!
  ALL_PIDS+=("$SOAK_CALLBACK")
}

# soak_event NAME: the time of an event, for the report to tell restart windows.
soak_event() { echo "t=$(date +%s.%N) event=$1" >>"$RAW/soak-events.txt"; }

section_soak() {
  local sim_port svc_port client_pid sampler_pid quarter half
  for exe in "$SPOT_SIM" "$SWIFT_SERVER" "$SWIFT_CLIENT"; do
    [[ -x "$exe" ]] || { note "soak: n/a ($exe missing)"; return 0; }
  done
  sim_port=$(free_port)
  svc_port=$(free_port)
  start_sim soak-sim warning "$sim_port" || { note "soak: spot-sim did not start"; return 0; }
  soak_callback "$svc_port" "$sim_port"
  if ! timeout 90 "$PY" "$BENCH/robot_token.py" --port "$sim_port" --ca "$SIM_CA" \
    --wait-service hello-world-callback >/dev/null 2>>"$RAW/soak-token.err"; then
    note "soak: the callback never appeared in the directory (raw/soak-token.err)"
    stop_server soak-sim
    return 0
  fi
  : >"$RAW/soak-events.txt"
  : >"$RAW/soak-samples.txt"
  # Every second: RSS and open descriptors of the simulator, the callback and the client.
  (
    while true; do
      now=$(date +%s.%N)
      for entry in "sim $(cat "$RAW/soak-sim.pid" 2>/dev/null || echo 0)" "callback $(cat "$RAW/soak-callback.pid" 2>/dev/null || echo 0)" \
        "client $(cat "$RAW/soak-client.pid" 2>/dev/null || echo 0)"; do
        set -- $entry
        [[ "$2" != 0 && -r /proc/$2/status ]] || continue
        rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$2/status" 2>/dev/null || echo 0)
        fds=$(ls "/proc/$2/fd" 2>/dev/null | wc -l)
        echo "t=$now name=$1 pid=$2 rss_kb=${rss:-0} fds=$fds"
      done
      sleep 1
    done
  ) >>"$RAW/soak-samples.txt" &
  sampler_pid=$!
  ALL_PIDS+=("$sampler_pid")
  echo "$SOAK_CALLBACK" >"$RAW/soak-callback.pid"
  echo "${PID[soak-sim]}" >"$RAW/soak-sim.pid"
  sleep 3 # samples of the idle processes
  say "soak: $SOAK_SESSIONS sessions for ${SOAK_SECONDS}s through spot-sim's proxy"
  soak_event load-start
  "$SWIFT_CLIENT" bench-soak --robot "$HOST:$sim_port" --robot-ca "$SIM_CA" --username user \
    --password password --sessions "$SOAK_SESSIONS" --seconds "$SOAK_SECONDS" \
    </dev/null >"$RAW/soak-client.out" 2>"$RAW/soak-client.err" &
  client_pid=$!
  ALL_PIDS+=("$client_pid")
  echo "$client_pid" >"$RAW/soak-client.pid"
  quarter=$((SOAK_SECONDS / 4))
  half=$((SOAK_SECONDS / 2))
  sleep "$quarter"
  soak_event callback-killed
  kill -KILL "$SOAK_CALLBACK" 2>/dev/null || true
  wait "$SOAK_CALLBACK" 2>/dev/null || true
  sleep 2
  soak_callback "$svc_port" "$sim_port"
  echo "$SOAK_CALLBACK" >"$RAW/soak-callback.pid"
  soak_event callback-restarted
  sleep $((half - quarter - 2 > 0 ? half - quarter - 2 : 0))
  soak_event sim-stopped
  stop_server soak-sim
  sleep 2
  start_sim soak-sim-restarted warning "$sim_port" || note "soak: spot-sim did not restart"
  echo "${PID[soak-sim-restarted]:-0}" >"$RAW/soak-sim.pid"
  soak_event sim-restarted
  wait "$client_pid" || note "soak: the client exited with status $?"
  soak_event load-end
  sleep 10 # samples after the load
  kill "$sampler_pid" 2>/dev/null || true
  wait "$sampler_pid" 2>/dev/null || true
  stop_pid "$SOAK_CALLBACK"
  stop_server soak-sim-restarted
  "$PY" "$BENCH/report_soak.py" --client "$RAW/soak-client.out" --samples "$RAW/soak-samples.txt" \
    --events "$RAW/soak-events.txt" --record >>"$RESULTS" || note "soak: no report"
}

# ================================================================ main
if has_section load || has_section client || has_section proxy; then
  command -v h2load >/dev/null || die "h2load not found (Debian package nghttp2-client)"
  command -v nghttpd >/dev/null || die "nghttpd not found (Debian package nghttp2-server)"
  command -v nghttp >/dev/null || die "nghttp not found (Debian package nghttp2-client)"
fi

ensure_venv
build_swift

"$PY" "$BENCH/bodies.py" "$INPUTS" >"$RAW/bodies.txt"
case "${BODY:-plain}" in
  plain) BODY_FILE="$INPUTS/tick_request.bin" ;;
  who) BODY_FILE="$INPUTS/tick_request_who.bin" ;;
  *) die "BODY must be plain or who" ;;
esac

{
  echo "date: $(date -Is)"
  echo "host: $(uname -srm), $(nproc) cpus"
  echo "loadavg at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "h2load: $(h2load --version 2>/dev/null | head -n 1 || echo none)"
  echo "python: $("$PY" --version 2>&1), bosdyn $("$PY" -c 'import importlib.metadata as m; print(m.version("bosdyn-mission"))')"
  if [[ -x "$SWIFT_SERVER" ]]; then
    echo "swift server: built $(date -r "$SWIFT_SERVER" -Is)"
  else
    echo "swift server: missing"
  fi
  echo "body: $(basename "$BODY_FILE") ($(stat -c %s "$BODY_FILE") bytes)"
} >"$RUN_DIR/env.txt"
record "kind=settings repeats=$REPEATS duration=$DURATION warmup=$WARMUP ticks=$TICKS sessions=$SESSIONS body=${BODY:-plain} ka_count=$KA_COUNT ka_interval=$KA_INTERVAL ka_seconds=$KA_SECONDS ka_warmup=$KA_WARMUP"

# 3. Servers (for the load and client sections). Logging stays on (to a file) for the main
# Swift and Python servers.
if ! has_section load && ! has_section client; then
  : # the other sections start their own servers
elif [[ -x "$SWIFT_SERVER" ]]; then
  if start_grpc_server swift -- "${SWIFT_CMD[@]}"; then
    verify_server swift || { note "swift server failed the Tick check; not measured"; stop_server swift; }
  else
    note "swift server did not start"
  fi
else
  note "swift server: n/a ($SWIFT_SERVER missing)"
fi
if has_section load || has_section client; then
  start_grpc_server python -- "${PY_CMD[@]}" || die "the Python reference server did not start"
  verify_server python || die "the Python reference server failed the Tick check"
  start_nghttpd || die "nghttpd did not start"
  verify_server nghttpd || die "nghttpd's canned answer failed the Tick check"
fi
if [[ "$LOGGING" == 1 ]] && has_section load; then
  # Logging cost: the same servers with the per-tick info greeting filtered out.
  if [[ -n "${PORT[swift]:-}" ]]; then
    if ! { start_grpc_server swift-quiet BOSDYN_LOG_LEVEL=warning -- "${SWIFT_CMD[@]}" &&
      verify_server swift-quiet; }; then
      note "swift-quiet server unusable"
      stop_server swift-quiet
    fi
    if [[ -n "${PORT[swift-quiet]:-}" && "$(greetings swift-quiet)" != 0 ]]; then
      note "BOSDYN_LOG_LEVEL=warning does not silence the Swift greetings yet (the quiet run still logs)"
    fi
  fi
  if ! { start_grpc_server python-quiet BOSDYN_LOG_LEVEL=warning -- "${PY_CMD[@]}" &&
    verify_server python-quiet; }; then
    note "python-quiet server unusable"
    stop_server python-quiet
  fi
fi

has_section load && section_load
has_section client && section_client
for name in swift-quiet python-quiet swift python nghttpd; do stop_server "$name"; done
has_section cold && section_cold
has_section rss && section_rss
has_section proxy && section_proxy
has_section keepalive && section_keepalive
has_section mission && section_mission
has_section autowalk && section_autowalk
has_section soak && section_soak

echo "loadavg at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RUN_DIR/env.txt"
find "$RAW" -name '*.log' -size +1M -exec gzip -1 -f {} + # per-tick server logs
{
  cat "$RUN_DIR/env.txt"
  echo
  "$PY" "$BENCH/report.py" "$RESULTS"
  "$PY" "$BENCH/report_robot.py" "$RESULTS"
  "$PY" "$BENCH/report_mission.py" "$RESULTS"
  if grep -q '^kind=autowalk' "$RESULTS"; then
    echo
    echo "autowalk (compile and load of walks; CPU per executor cycle playing the largest):"
    grep '^kind=autowalk' "$RESULTS" | sed 's/^kind=autowalk /  /'
  fi
  if has_section soak; then
    "$PY" "$BENCH/report_soak.py" --client "$RAW/soak-client.out" \
      --samples "$RAW/soak-samples.txt" --events "$RAW/soak-events.txt" || true
  fi
} >"$RUN_DIR/summary.txt"
echo
cat "$RUN_DIR/summary.txt"
echo
say "raw outputs and summary: ${RUN_DIR#"$ROOT"/}"
