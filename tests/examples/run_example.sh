#!/usr/bin/env bash
# Runs one example's STF test: run_example.sh P4WB EXAMPLE.p4 TEST.stf
# BPF_PROG_TEST_RUN needs root; without it the test is skipped (exit 77, ctest SKIP).
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP: $(basename "$2") STF test needs root (BPF_PROG_TEST_RUN)"
  exit 77
fi
exec "$1" stf "$2" "$3"
