#!/usr/bin/env bash
# Takes the README screenshots of p4wb-studio under xvfb into docs/screenshots/ and
# refreshes docs/screenshot.png. As root it also loads basic_fwd.p4 onto a veth in a
# throwaway pair of namespaces, pings through it so the counters move, and removes
# everything again (namespaces, pins, state) on exit.
#   usage: scripts/screenshots.sh [BUILD_DIR]   (default: build)
# The screenshot tool is shared/tools/screenshot beside this checkout (or SCREENSHOT=...).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
studio=$build/bin/p4wb-studio
shot=${SCREENSHOT:-../shared/tools/screenshot}
command -v screenshot >/dev/null && shot=screenshot
[ -x "$shot" ] || { echo "screenshot tool not found: set SCREENSHOT=/path/to/screenshot" >&2; exit 2; }
[ -x "$studio" ] || { echo "build p4wb-studio first: cmake --build $build --target p4wb-studio" >&2; exit 2; }
out=docs/screenshots
mkdir -p "$out"
example=resources/examples/basic_fwd.p4
export XDG_CONFIG_HOME=$(mktemp -d)  # fresh settings: default layout in every shot
size=1440x900

# 1. Editing and compiling: needs no privileges.
"$shot" "$out/compile.png" --wait 8 --size $size -- "$studio" "$example" --compile --line 75
# 2. The dark theme with the Outline (parsers, states, controls, tables, actions).
"$shot" "$out/dark_outline.png" --wait 8 --size $size -- "$studio" "$example" --compile --line 61 \
  --theme dark --show OutlineDock
rm -rf "$XDG_CONFIG_HOME"; export XDG_CONFIG_HOME=$(mktemp -d)  # back to the light default

if [ "$(id -u)" -ne 0 ]; then
  echo "not root: skipping the runtime screenshots (tables, counters, packet lab)" >&2
  cp "$out/compile.png" docs/screenshot.png
  exit 0
fi

ns=p4wb-shot-$$; peer=p4wb-shotp-$$
export P4WB_PIN_DIR=/sys/fs/bpf/p4wb-shot-$$ P4WB_STATE_DIR=$(mktemp -d)
ping_pid=""
cleanup() {
  [ -n "$ping_pid" ] && kill "$ping_pid" 2>/dev/null && wait "$ping_pid" 2>/dev/null || true
  ip netns del "$ns" 2>/dev/null || true
  ip netns del "$peer" 2>/dev/null || true
  rm -rf "$P4WB_PIN_DIR" "$P4WB_STATE_DIR" "$XDG_CONFIG_HOME"
}
trap cleanup EXIT
ip netns add "$ns"; ip netns add "$peer"
ip link add veth0 netns "$ns" type veth peer name veth1 netns "$peer"
ip -n "$ns" addr add 10.0.0.2/24 dev veth0; ip -n "$ns" addr add 10.0.0.3/24 dev veth0
ip -n "$ns" addr add 10.0.0.66/24 dev veth0; ip -n "$peer" addr add 10.0.0.1/24 dev veth1
for n in "$ns" "$peer"; do ip -n "$n" link set lo up; done
ip -n "$ns" link set veth0 up; ip -n "$peer" link set veth1 up
script=$(mktemp)
cat > "$script" <<'CLI'
table_add ingress.ipv4_fwd ingress.forward 10.0.0.2 => 02:00:00:00:00:aa 02:00:00:00:00:bb
table_add ingress.ipv4_fwd ingress.drop 10.0.0.66 =>
table_add ingress.ipv4_fwd ingress.pass_to_kernel 10.0.0.1 =>
CLI
# Traffic without ping (not installed everywhere): UDP datagrams from bash, to a
# forwarded (.2), a dropped (.66) and a missed (.3, passed to the kernel) address.
ip netns exec "$peer" bash -c 'while :; do for d in 2 2 2 3 66; do
  echo hello >/dev/udp/10.0.0.$d/9; done 2>/dev/null; sleep 0.02; done' & ping_pid=$!

# 3. Loaded: tables, counters and the pipeline with live counts.
"$shot" "$out/runtime.png" --wait 10 --size $size -- "$studio" "$example" --load "$ns:veth0:xdp-generic" \
  --as shot$$ --table-script "$script" --show TablesDock --show CountersDock
# The killed studio left its program attached and pinned: take it away by hand.
ip -n "$ns" link set dev veth0 xdpgeneric off
rm -rf "${P4WB_PIN_DIR:?}/shot$$" "${P4WB_STATE_DIR:?}/shot$$"
# 4. Packet lab: a frame to 10.0.0.2 bounced back with rewritten MACs, path on the pipeline.
"$shot" "$out/packet_lab.png" --wait 10 --size $size -- "$studio" "$example" --load "$ns:veth0:xdp-generic" \
  --as shot$$b --table-script "$script" --packet "dst=10.0.0.2" --show PacketLabDock --show PipelineDock
ip -n "$ns" link set dev veth0 xdpgeneric off
rm -rf "${P4WB_PIN_DIR:?}/shot$$b" "${P4WB_STATE_DIR:?}/shot$$b"
# 5. Targets: namespaces -> interfaces -> the attached program (ours, marked as such).
"$shot" "$out/targets.png" --wait 10 --size $size -- "$studio" "$example" --load "$ns:veth0:xdp-generic" \
  --as shot$$c --table-script "$script" --show TargetsDock
ip -n "$ns" link set dev veth0 xdpgeneric off
rm -rf "${P4WB_PIN_DIR:?}/shot$$c" "${P4WB_STATE_DIR:?}/shot$$c"
rm -f "$script"
cp "$out/runtime.png" docs/screenshot.png
echo "screenshots in $out/ and docs/screenshot.png"
