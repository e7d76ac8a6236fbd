#!/usr/bin/env bash
# The document's "Running with a robot", in one command, against the embedded simulated Spot:
# builds, starts spot-sim (TLS, own CA in a temporary data directory), starts the hello-world
# and power-off services in robot mode (they register in the simulated robot's directory),
# drives both with the client through the robot's proxy, then plays the hello-world mission on
# the robot (build-mission writes it, replay-mission plays it), stops everything with Ctrl+C's
# signal and shows what each program printed.
set -euo pipefail
cd "$(dirname "$0")/.."

for product in spot-sim hello-world-mission-service power-off-mission-service \
  remote-mission-client bosdyn build-mission replay-mission; do
  swift build --product "$product" >&2
done
bin=$(swift build --show-bin-path)
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

wait_for() { # FILE PATTERN: wait up to 10 s for PATTERN to appear in FILE
  for _ in $(seq 1 200); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.05
  done
  echo "timed out waiting for '$2' in $1:" >&2
  cat "$1" "${1%.out}.err" >&2 2>/dev/null || true
  exit 1
}

# The simulated robot; the programs trust its CA through BOSDYN_ROBOT_CA and log in with the
# simulator's default user through the SDK's environment variables.
"$bin/spot-sim" --port 0 --data-dir "$work/robot" --power-transition-seconds 1 \
  >"$work/sim.out" 2>"$work/sim.err" &
sim=$!
pids+=($sim)
wait_for "$work/sim.out" "Listening on"
port=$(sed -n 's/^Listening on .*:\([0-9]*\)$/\1/p' "$work/sim.out")
robot="127.0.0.1:$port"
export BOSDYN_ROBOT_CA="$work/robot/ca.pem"
export BOSDYN_CLIENT_USERNAME=user BOSDYN_CLIENT_PASSWORD=password
echo "\$ spot-sim --port 0 --data-dir $work/robot"
cat "$work/sim.out"

echo "\$ bosdyn $robot self-ip"
"$bin/bosdyn" "$robot" self-ip | tee "$work/self-ip"
self_ip=$(awk '{print $NF}' "$work/self-ip")

"$bin/hello-world-mission-service" robot --host-ip "$self_ip" --port 0 "$robot" \
  >"$work/hello.out" 2>"$work/hello.err" &
pids+=($!)
"$bin/power-off-mission-service" "$robot" --host-ip "$self_ip" --port 0 \
  >"$work/power.out" 2>"$work/power.err" &
pids+=($!)
wait_for "$work/hello.err" "Starting directory registration loop"
wait_for "$work/power.err" "Starting directory registration loop"

echo
echo "\$ remote-mission-client --hello-world --user-string Spot robot $robot"
"$bin/remote-mission-client" --hello-world --user-string Spot robot "$robot"
echo
echo "\$ remote-mission-client --power-off robot $robot"
"$bin/remote-mission-client" --power-off robot "$robot" 2>&1

# Ctrl+C: the power-off service unregisters from the directory, then stops.
kill -INT "${pids[2]}"
wait "${pids[2]}"

# The hello-world mission on the robot: its RemoteGrpc node calls the hello-world service.
echo
echo "\$ build-mission $work/hello-world.pb --user-string Spot"
"$bin/build-mission" "$work/hello-world.pb" --user-string Spot
echo "\$ replay-mission $robot simple $work/hello-world.pb"
mark=$(wc -l <"$work/hello.err")
"$bin/replay-mission" "$robot" simple "$work/hello-world.pb" 2>&1

# The robot keeps a mission loaded, with its callbacks' sessions open, until another mission
# replaces it or the robot shuts down: Ctrl+C the simulated robot, which tears the session down.
kill -INT "$sim"
wait "$sim"
echo
echo "hello-world-mission-service printed for the mission (the session opens at load, the node"
echo "greets, is stopped after its last tick, and the session is torn down at shutdown):"
tail -n +"$((mark + 1))" "$work/hello.err"

# Ctrl+C the hello-world service; with the robot gone it cannot unregister, and says so.
kill -INT "${pids[1]}"
wait "${pids[1]}"
echo
echo "hello-world-mission-service printed:"
cat "$work/hello.out" "$work/hello.err"
echo
echo "power-off-mission-service printed:"
cat "$work/power.out" "$work/power.err"
