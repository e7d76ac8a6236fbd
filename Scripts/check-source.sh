#!/usr/bin/env bash
# Checks that need no build, run first by Scripts/test.sh (and so by CI):
#  - every Swift file except the generated API is `swift format` clean (.swift-format);
#  - the generated API matches a fresh generation from bosdyn-api, when the generator's tools
#    (protoc and the two protoc plugins in .build-plugins) are on this machine. They are
#    maintainer tools: to run that check elsewhere, `apt-get install protobuf-compiler` and
#    `Scripts/generate-api.sh --check` (it builds the plugins first, about 2 minutes each).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== swift format lint"
if ! git ls-files '*.swift' | grep -v '/Generated/' | xargs swift format lint --strict --parallel; then
  echo "swift format found problems: run 'git ls-files \"*.swift\" | grep -v /Generated/ | xargs swift format -i' and commit." >&2
  exit 1
fi

echo "== generated API"
plugins=.build-plugins
if command -v protoc >/dev/null \
  && [ -x "$plugins/swift-protobuf-1.39.0/.build/release/protoc-gen-swift" ] \
  && [ -x "$plugins/grpc-swift-protobuf-2.4.1/.build/release/protoc-gen-grpc-swift-2" ]; then
  Scripts/generate-api.sh --check
else
  echo "skipped: protoc or the protoc plugins are not on this machine (Scripts/generate-api.sh --check runs it, building them)"
fi
