#!/usr/bin/env bash
# The document's "Running without a robot", in one command: builds, starts the hello-world
# service, runs the client against it (plain, then with --user-string Spot), stops the service
# with Ctrl+C's signal and shows what both sides printed.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product hello-world-mission-service >&2
swift build --product remote-mission-client >&2
bin=$(swift build --show-bin-path)
log=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$log"' EXIT

"$bin/hello-world-mission-service" local --port 0 --bind 127.0.0.1 >"$log/out" 2>"$log/err" &
server=$!
for _ in $(seq 1 200); do
  grep -q "Ctrl + C to shutdown." "$log/out" 2>/dev/null && break
  sleep 0.05
done
port=$(sed -n 's/.*listening on port \([0-9]*\)\..*/\1/p' "$log/out")
[ -n "$port" ] || { echo "the service did not start:" >&2; cat "$log/err" >&2; exit 1; }

echo "\$ remote-mission-client --hello-world local --host-ip 127.0.0.1 --port $port"
"$bin/remote-mission-client" --hello-world local --host-ip 127.0.0.1 --port "$port"
echo "\$ remote-mission-client --hello-world --user-string Spot local --host-ip 127.0.0.1 --port $port"
"$bin/remote-mission-client" --hello-world --user-string Spot local --host-ip 127.0.0.1 --port "$port"

kill -INT "$server"
wait "$server"
echo
echo "The service printed:"
cat "$log/out" "$log/err"
