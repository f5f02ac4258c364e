#!/usr/bin/env bash
# Installs the Debian 12 packages p4wb needs to build, test and run.
# Safe to run again; needs root (or sudo).
set -euo pipefail
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
PKGS=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools libqscintilla2-qt6-dev libgl-dev
  llvm-19-dev clang-19 llvm-19-tools libclang-cpp19-dev libclang-rt-19-dev
  libbpf-dev bpftool libelf-dev zlib1g-dev libzstd-dev
  libgraphviz-dev libpcap-dev nlohmann-json3-dev libcli11-dev
  iproute2 xvfb xauth imagemagick
)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
