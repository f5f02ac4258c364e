#!/bin/sh
# Checks that `p4wb stf` fails when behaviour differs from the STF: each script below is
# run against a program of this folder and must end with the given "N passed, M failed"
# line, exit status, and (when given) a failure message.
#   runner_rules.sh P4WB
p4wb=$1 dir=$(dirname "$0")
if [ "$(id -u)" != 0 ]; then echo "SKIP: runner rules need root (BPF_PROG_TEST_RUN)"; exit 77; fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fails=0
E="00000000000d 00000000000e 1234"
# check NAME PROGRAM EXPECTED_LAST_LINE|- EXPECTED_STATUS MESSAGE_SUBSTRING  (script on stdin)
check() {
    cat > "$tmp/$1.stf"
    out=$("$p4wb" stf -I "$dir" "$dir/$2.p4" "$tmp/$1.stf" 2>&1)
    status=$?
    last=$(printf '%s\n' "$out" | tail -n 1)
    if { [ "$3" != - ] && [ "$last" != "$3" ]; } || [ $status -ne "$4" ] || ! printf '%s' "$out" | grep -qF -- "$5"; then
        echo "FAIL: $1: got status $status, output:"; printf '%s\n' "$out"
        fails=$((fails + 1))
    else
        echo "ok: $1"
    fi
}
check forwarded_without_expect 001_parser_extract "0 passed, 1 failed" 1 "unexpected packet on port 0" <<EOS
packet 0 $E 01 02 00ff
EOS
check wrong_byte 001_parser_extract "0 passed, 1 failed" 1 "expected 00000000000d00000000000e123402010101 on port 0" <<EOS
packet 0 $E 01 02 00ff
expect 0 $E 02 01 0101 \$
EOS
check wildcards_and_prefix 001_parser_extract "2 passed, 0 failed" 0 "" <<EOS
packet 0 $E 01 02 00ff 99
expect 0 $E 0* *1 0100
packet 0 $E 01 02 00ff 99
expect 0 $E ** ** **** 99 \$
EOS
check exact_length 001_parser_extract "0 passed, 1 failed" 1 "expected" <<EOS
packet 0 $E 01 02 00ff 99
expect 0 $E 02 01 0100 \$
EOS
check dropped_but_expected 001_parser_extract "0 passed, 1 failed" 1 "none left" <<EOS
packet 0 $E 01 02
expect 0 $E 01 02
EOS
check other_port 001_parser_extract "0 passed, 2 failed" 1 "expected a packet on port 1, none left" <<EOS
packet 0 $E 01 02 00ff
expect 1 $E 02 01 0100
EOS
check wrong_verdict 085_verdict_xdp_actions "0 passed, 1 failed" 1 "expected XDP_PASS, got XDP_DROP" <<EOS
add t hdr.h.k:2 drop()
packet 0 $E 02 aa
expect XDP_PASS
EOS
check counter_value 095_counter_dense "1 passed, 1 failed" 1 "expected C.per_k(1) packets == 2, got 1" <<EOS
packet 0 $E 01
check_counter per_k(1) packets == 2
check_counter per_k(1) packets < 2
EOS
check redirect_unchecked 087_verdict_redirect "0 passed, 1 failed" 1 "without 'expect XDP_REDIRECT'" <<EOS
add t hdr.h.k:1 redirect(port:7)
packet 0 $E 01 00000000
EOS
check table_miss_vs_hit 030_table_exact_mac "0 passed, 1 failed" 1 "expected a packet on port 0, none left" <<EOS
packet 0 0a0b0c0d0e0f 00000000000e 1234 00
expect 0 0a0b0c0d0e0f 112233445566 1234 00
EOS
check unknown_table 030_table_exact_mac - 1 "no table named 'nosuch'" <<EOS
add nosuch hdr.eth.dst:1 C.set_src(mac:1)
EOS
check unknown_counter 095_counter_dense - 1 "no counter named 'nosuch'" <<EOS
check_counter nosuch(0) == 0
EOS
[ $fails -eq 0 ] && echo "all runner rules hold" || echo "$fails rule(s) broken"
[ $fails -eq 0 ]
