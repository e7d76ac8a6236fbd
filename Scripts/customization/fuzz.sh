#!/bin/sh
# Runs COUNT (default 1 000 000) random service-customization values against random specs
# through spec validation, value validation, coercion, re-validation and typed access, and
# prints the count and the rate. The generator and the checked properties are those of
# Tests/ServiceCustomizationTests/Fuzz; the seed is CUSTOMIZATION_FUZZ_SEED (default 1).
#
# Builds the tests in release mode in their own scratch path (.build-fuzz), so it does not
# disturb a debug build: the first run compiles the whole package (several minutes).
set -eu
cd "$(dirname "$0")/../.."
COUNT="${1:-1000000}"
CUSTOMIZATION_FUZZ_VALUES="$COUNT" swift test -c release --scratch-path .build-fuzz \
  --filter 'ServiceCustomizationTests.FuzzTests/benchmark'
