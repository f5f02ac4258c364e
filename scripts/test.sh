#!/usr/bin/env bash
# Installs what is missing, builds everything in build/ and runs every test with ctest.
# Kernel tests need root (they create their own network namespaces) and skip otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j2
ctest --test-dir build --output-on-failure -j2 "$@"
