#!/bin/sh
# Runs one STF program of tests/stf with p4wb and applies the expected-failure list.
#   run_stf.sh P4WB PROGRAM.p4 TEST.stf XFAIL_LIST
# Exit 0: passed (or failed as expected: XFAIL); 1: failed, or passed while listed as
# expected to fail (XPASS); 77: skipped (not root).
p4wb=$1 prog=$2 stf=$3 xfail_list=$4
name=$(basename "$prog" .p4)
if [ "$(id -u)" != 0 ]; then
    echo "SKIP: $name needs root (BPF_PROG_TEST_RUN, map writes)"
    exit 77
fi
reason=$(awk -v n="$name" '$1 == n { $1 = ""; sub(/^ +/, ""); print; exit }' "$xfail_list" 2>/dev/null)
out=$("$p4wb" stf -I "$(dirname "$prog")" "$prog" "$stf" 2>&1)
status=$?
printf '%s\n' "$out"
if [ -n "$reason" ]; then
    if [ $status -eq 0 ]; then
        echo "XPASS: $name is listed in xfail.txt ($reason) but passed: remove it from the list"
        exit 1
    fi
    echo "XFAIL: $name ($reason)"
    exit 0
fi
if [ $status -eq 0 ]; then echo "PASS: $name"; else echo "FAIL: $name (exit $status)"; fi
exit $status
