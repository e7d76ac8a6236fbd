#!/usr/bin/env bash
# Runs every test: builds once (debug), installs the Python peer (the official Spot SDK) into
# .venv if it is not there, fetches Boston Dynamics' examples into a cache, then runs the Swift
# tests, which drive and are driven by it. A full run (no arguments) also checks the sources
# (Scripts/check-source.sh: swift format lint, generated code) and builds every library's
# documentation with warnings as errors, from this build's modules (Scripts/check-docs.sh
# compiles nothing); arguments go to `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."

BOSDYN_VERSION=5.2.0
if ! .venv/bin/python -c "import bosdyn.mission, bosdyn.client" 2>/dev/null; then
  echo "Installing the Python peer (bosdyn-client and bosdyn-mission $BOSDYN_VERSION) into .venv"
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check \
    "bosdyn-client==$BOSDYN_VERSION" "bosdyn-mission==$BOSDYN_VERSION"
fi

# Boston Dynamics' replay_mission and get_mission_state examples, which an interop test runs
# unmodified against spot-sim: downloaded at a pinned release into a cache outside git (their
# licence forbids committing them). Without network the download fails and so does that test,
# saying why; the other tests run.
Scripts/fetch-spot-sdk-examples.sh >/dev/null || true

# The console's browser tests drive Chromium with Selenium (Chromium itself: .ci/run).
SELENIUM_VERSION=4.50.0
if ! .venv/bin/python -c "import selenium, sys; sys.exit(selenium.__version__ != '$SELENIUM_VERSION')" 2>/dev/null; then
  echo "Installing selenium $SELENIUM_VERSION into .venv"
  .venv/bin/pip install --quiet --disable-pip-version-check "selenium==$SELENIUM_VERSION"
fi

swift build --build-tests
# Swift Testing runs every test at once by default; the end-to-end tests start simulated
# robots, services and Python peers, so on 2 cores an unbounded run starves them of CPU.
# TEST_PARALLELISM caps how many run together, and the interop tests, which start most of
# the child processes (executables, Python peers), run after the others rather than beside
# them.
export BOSDYN_TEST_PYTHON="$PWD/.venv/bin/python"
BOSDYN_TEST_BIN="$(swift build --show-bin-path)"
export BOSDYN_TEST_BIN
width=(--experimental-maximum-parallelization-width "${TEST_PARALLELISM:-3}")
if [ "$#" -gt 0 ]; then
  swift test --skip-build "${width[@]}" "$@"
else
  # Source checks that need no build (swift format lint, generated code up to date) first:
  # they take seconds and fail fast.
  Scripts/check-source.sh
  # A documentation failure is reported after the tests, so that it hides none of them.
  docs=0
  Scripts/check-docs.sh || docs=$?
  swift test --skip-build "${width[@]}" --skip InteropTests
  swift test --skip-build "${width[@]}" --filter InteropTests
  if [ "$docs" -ne 0 ]; then
    echo "The tests ran, but the documentation check failed (Scripts/check-docs.sh, above)." >&2
    exit "$docs"
  fi
fi
