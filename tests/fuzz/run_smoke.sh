#!/bin/sh
# Builds the fuzz target (once, into $1) with clang++-19 and fuzzes for ${2:-20} seconds
# from a seed corpus of our own test programs. Exit 77 (skip) without clang/libFuzzer.
set -u
build=${1:?build dir}
secs=${2:-20}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cxx=$(command -v clang++-19 || command -v clang++ || true)
if [ -z "$cxx" ]; then echo "SKIP: no clang++ for libFuzzer"; exit 77; fi
if ! cmake -S "$here" -B "$build" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$build.log" 2>&1; then
  if grep -q "cannot build libFuzzer" "$build.log"; then echo "SKIP: no libFuzzer runtime"; exit 77; fi
  cat "$build.log"; exit 1
fi
cmake --build "$build" -j2 >>"$build.log" 2>&1 || { tail -30 "$build.log"; exit 1; }
seeds="$build/seeds"
mkdir -p "$seeds" "$build/corpus"
for f in "$root"/tests/corpus/hand/*.p4 "$root"/tests/corpus/gen/ok_op_add_bit8.p4 \
         "$root"/resources/examples/*.p4 "$root"/resources/p4include/*.p4; do
  [ -f "$f" ] && cp "$f" "$seeds/"
done
exec "$build/p4wb_fuzz_frontend" -max_total_time="$secs" -max_len=8192 -timeout=10 \
  -rss_limit_mb=2048 -print_final_stats=1 "$build/corpus" "$seeds"
