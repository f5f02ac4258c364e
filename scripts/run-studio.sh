#!/usr/bin/env bash
# Installs what is missing, builds p4wb and p4wb-studio, and opens the bundled example.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j2 --target p4wb p4wb-studio
exec ./build/bin/p4wb-studio "${@:-resources/examples/basic_fwd.p4}"
