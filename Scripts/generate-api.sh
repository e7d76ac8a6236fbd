#!/usr/bin/env bash
# Regenerates Sources/BosdynAPI/Generated from the official bosdyn-api wheel.
#
# Maintainer work, not CI's: it needs protoc and the two Swift protoc plugins built from
# the pinned versions below. The output is deterministic: run it twice, get the same tree.
#
#   Scripts/generate-api.sh            # builds the plugins into .build-plugins if missing
#   PROTOC_GEN_SWIFT=… PROTOC_GEN_GRPC_SWIFT=… Scripts/generate-api.sh
#   Scripts/generate-api.sh --check    # regenerate into a temp dir and diff with the committed tree
set -euo pipefail

BOSDYN_API_VERSION=5.2.0
PROTOBUF_PY_VERSION=7.36.2
SWIFT_PROTOBUF_VERSION=1.39.0
GRPC_SWIFT_PROTOBUF_VERSION=2.4.1

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/Sources/BosdynAPI/Generated"
work="$root/.build-plugins"
mkdir -p "$work"

check=0
[ "${1:-}" = "--check" ] && check=1

command -v protoc >/dev/null || { echo "protoc is missing: apt-get install protobuf-compiler" >&2; exit 1; }

build_plugin() { # repo tag product
  local repo=$1 tag=$2 product=$3 dir="$work/$(basename "$1" .git)-$2"
  if [ ! -x "$dir/.build/release/$product" ]; then
    [ -d "$dir" ] || git clone -q --branch "$tag" "$repo" "$dir"
    (cd "$dir" && swift build -c release --product "$product" >&2)
  fi
  echo "$dir/.build/release/$product"
}
PROTOC_GEN_SWIFT=${PROTOC_GEN_SWIFT:-$(build_plugin https://github.com/apple/swift-protobuf.git "$SWIFT_PROTOBUF_VERSION" protoc-gen-swift)}
PROTOC_GEN_GRPC_SWIFT=${PROTOC_GEN_GRPC_SWIFT:-$(build_plugin https://github.com/grpc/grpc-swift-protobuf.git "$GRPC_SWIFT_PROTOBUF_VERSION" protoc-gen-grpc-swift-2)}

venv="$work/venv-api"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "bosdyn-api==$BOSDYN_API_VERSION" "protobuf==$PROTOBUF_PY_VERSION"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gen="$tmp/Generated"
mkdir -p "$gen"
mapfile -t protos < <("$venv/bin/python" "$root/Scripts/collect_descriptors.py" "$tmp/bosdyn.pb" \
  "$gen/HeaderedMessages.swift")
bosdyn_protos=()
service_protos=()
for p in "${protos[@]}"; do
  case "$p" in google/*) continue ;; esac
  bosdyn_protos+=("$p")
  case "$p" in *_service.proto) service_protos+=("$p") ;; esac
done

protoc --descriptor_set_in="$tmp/bosdyn.pb" \
  --plugin=protoc-gen-swift="$PROTOC_GEN_SWIFT" \
  --swift_out="$gen" --swift_opt=Visibility=Public,FileNaming=PathToUnderscores \
  "${bosdyn_protos[@]}"
protoc --descriptor_set_in="$tmp/bosdyn.pb" \
  --plugin=protoc-gen-grpc-swift-2="$PROTOC_GEN_GRPC_SWIFT" \
  --grpc-swift-2_out="$gen" --grpc-swift-2_opt=Visibility=Public,FileNaming=PathToUnderscores \
  "${service_protos[@]}"

if [ $check = 1 ]; then
  if diff -r "$gen" "$out" >/dev/null; then
    echo "Generated code matches bosdyn-api $BOSDYN_API_VERSION."
  else
    echo "Generated code differs from a fresh generation:" >&2
    diff -r "$gen" "$out" | head -20 >&2
    exit 1
  fi
else
  rm -rf "$out"
  mkdir -p "$(dirname "$out")"
  cp -r "$gen" "$out"
  echo "Wrote $(ls "$out" | wc -l) files to $out (${#bosdyn_protos[@]} protos, ${#service_protos[@]} services)."
fi
