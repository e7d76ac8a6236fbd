#!/usr/bin/env bash
# Downloads the Boston Dynamics examples the interop tests run unmodified against spot-sim
# (replay_mission.py, get_mission_state.py) and the hello world whose spec the corpus records from the spot-sdk repository at a pinned release,
# into a cache outside git, and checks each file's SHA-256. Boston Dynamics' code is never
# committed here: its licence does not allow that, so the tests fetch it like a dependency.
#
#   Scripts/fetch-spot-sdk-examples.sh          # prints the cache directory
#
# The cache is $SPOT_SDK_EXAMPLES_DIR, else ${XDG_CACHE_HOME:-~/.cache}/spot-remote-mission-swift/
# spot-sdk-v5.1.4. Files already there with the right hash are not downloaded again. Where
# GitHub is out of reach, a local git mirror of spot-sdk is read instead when there is one
# ($SPOT_SDK_MIRROR, else /work/.mirror/boston-dynamics+spot-sdk/repo: `git show TAG:path`),
# with the same hash check. Exits 1 (with the reason) when a file cannot be had or its hash
# differs; a wrong file is deleted.
set -euo pipefail

TAG=v5.1.4
BASE="https://raw.githubusercontent.com/boston-dynamics/spot-sdk/$TAG/python/examples"
CACHE="${SPOT_SDK_EXAMPLES_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/spot-remote-mission-swift/spot-sdk-$TAG}"
MIRROR="${SPOT_SDK_MIRROR:-/work/.mirror/boston-dynamics+spot-sdk/repo}"

# path under python/examples, SHA-256 of the file at $TAG
FILES=(
  "replay_mission/replay_mission.py a22b271356969290ea595dd3880beee061d7341735028bc9868c6ecefcb29401"
  "get_mission_state/get_mission_state.py b07a781626c40975e3dc516e0c5554c9df59751bc2a7e349047491804b652e1b"
  "remote_mission_service/hello_world_mission_service.py 7a503b921d7f43dda1c588bd9ba6b4a759c8badf93d0ae22d6ccd40014bccc32"
)

status=0
for entry in "${FILES[@]}"; do
  path=${entry% *}
  sha=${entry#* }
  file="$CACHE/$path"
  if [ -f "$file" ] && echo "$sha  $file" | sha256sum --check --status; then
    continue
  fi
  mkdir -p "$(dirname "$file")"
  if ! curl --silent --show-error --fail --location --max-time 60 --retry 2 \
    --output "$file.part" "$BASE/$path" 2>/dev/null; then
    rm -f "$file.part"
    if ! { git -C "$MIRROR" rev-parse --verify --quiet "$TAG^{commit}" >/dev/null 2>&1 \
      || git -C "$MIRROR" rev-parse --verify --quiet HEAD >/dev/null 2>&1; } \
      || ! { git -C "$MIRROR" show "$TAG:python/examples/$path" >"$file.part" 2>/dev/null \
        || git -C "$MIRROR" show "HEAD:python/examples/$path" >"$file.part" 2>/dev/null; }; then
      echo "Cannot download $BASE/$path, and no spot-sdk mirror at $MIRROR has it (the tests that run Boston Dynamics' examples will fail)." >&2
      rm -f "$file.part"
      status=1
      continue
    fi
  fi
  if ! echo "$sha  $file.part" | sha256sum --check --status; then
    echo "$BASE/$path does not have the pinned SHA-256 $sha; not using it." >&2
    rm -f "$file.part"
    status=1
    continue
  fi
  mv "$file.part" "$file"
done
echo "$CACHE"
exit "$status"
