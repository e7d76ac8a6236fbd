#!/usr/bin/env bash
# Builds the DocC documentation of every library with warnings as errors (a broken ``Symbol``
# link, a Topics entry that names nothing, a parameter the signature lacks…) and fails naming
# each module whose documentation has any. Arguments go to `swift package` (for example
# `--scratch-path .build-x`). Scripts/test.sh runs it after its build; standalone, it needs
# nothing but a checkout: run it after any `swift build`.
#
# How it gets the symbol graphs without compiling the package twice: `swift package
# dump-symbol-graph` first asks the build system for an up-to-date build, which after
# `swift build` (with or without --build-tests) compiles none of the package's modules, then runs
# swift-symbolgraph-extract on each library's compiled module. Measured on 2 cores: 35-65 s a
# run, about 10 s of it extraction; the rest is SwiftPM's overhead for a package command here
# (preparing the dependencies' plugins, re-running SwiftProtobuf's compile jobs, which rewrite
# no object file). DocC itself then takes a few seconds.
#
# The alternative, compiler flags on Scripts/test.sh's `swift build` (-emit-symbol-graph
# -emit-symbol-graph-dir DIR -emit-extension-block-symbols), cost no measurable time in a clean
# build (843 s of CPU with them, 872 s without: noise), but then every module's flags differ
# from a plain `swift build`'s, and switching between the two recompiles the package and all
# its dependencies (a clean build's time), while a plain build leaves stale graphs behind. The
# swift-docc-plugin extracts as dump-symbol-graph does, and would add a package dependency.
#
# BosdynAPI is left out on purpose: it is generated code, never edited by hand, whose symbols
# carry no documentation (the descriptors it is generated from have no comments); a fix to its
# docs would be lost on the next regeneration.
set -euo pipefail
cd "$(dirname "$0")/.."

# Dependencies before the modules that use them: each module's archive is what the later
# modules' absolute links (``/BosdynCore/ClientError``) resolve against.
modules=(
  SimulatorDefaults BosdynCore BosdynClient BosdynMission BosdynMissionTesting
  ServiceCustomization MissionExecutor AutowalkCompiler BosdynRobot BosdynServiceRunner
  BosdynCommandLine GRPCRelay SpotSimulator SpotConsole ExampleServicers
)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! swift package "$@" dump-symbol-graph --emit-extension-block-symbols \
  >"$work/dump.log" 2>&1; then
  cat "$work/dump.log" >&2
  echo "check-docs: extracting the symbol graphs failed (see above)." >&2
  exit 1
fi
graphs="$(sed -n 's/^Files written to //p' "$work/dump.log" | tail -n 1)"
if [ ! -d "$graphs" ]; then
  cat "$work/dump.log" >&2
  echo "check-docs: swift package dump-symbol-graph did not say where it wrote the graphs." >&2
  exit 1
fi

dependencies=()
failed=()
for module in "${modules[@]}"; do
  # The module's own graph and those of its extensions to other modules' types (Module@Other).
  mkdir -p "$work/graphs/$module"
  cp "$graphs/$module.symbols.json" "$work/graphs/$module/"
  find "$graphs" -maxdepth 1 -name "$module@*.symbols.json" -exec cp {} "$work/graphs/$module/" \;
  if docc convert "Sources/$module/$module.docc" \
    --additional-symbol-graph-dir "$work/graphs/$module" \
    --fallback-display-name "$module" \
    --fallback-bundle-identifier "$module" \
    --enable-experimental-external-link-support \
    "${dependencies[@]}" \
    --warnings-as-errors \
    --output-path "$work/$module.doccarchive" >"$work/$module.log" 2>&1; then
    dependencies+=(--dependency "$work/$module.doccarchive")
  else
    cat "$work/$module.log" >&2
    echo "check-docs: the documentation of $module has warnings (see above)." >&2
    failed+=("$module")
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "check-docs: FAILED: the documentation of ${failed[*]} does not build without warnings." >&2
  exit 1
fi
echo "check-docs: the documentation of ${#modules[@]} libraries builds without warnings."
