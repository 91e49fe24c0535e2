#!/usr/bin/env bash
# Checks that the engine, the CLI and the workbench's tensor code compile against LibTorch 2.x,
# without a LibTorch 2.x install: downloads Debian trixie's libtorch-dev (LibTorch 2.6's
# headers, 2.4 MB) from the Debian archive, unpacks it under build/libtorch2/, and compiles
# every source of core/ and app/cli/ and app/gui's torch files against those headers (clang
# -fsyntax-only, one per core, the torch precompiled header built once from them). Linking
# needs the 2.x libraries and is what tests/gpu/run-gpu-check.sh does on a GPU machine.
#
#   packaging/check-libtorch2.sh [file.cpp ...]     # default: all of the above
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache="${MODELFORGE_LIBTORCH2_DIR:-$root/build/libtorch2}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
suite="${LIBTORCH2_SUITE:-trixie}"
mkdir -p "$cache"
cd "$cache"

if [ ! -d root/usr/include/torch ]; then
  echo "Fetching the package index of Debian $suite ..." >&2
  curl -fsS -o Packages.xz "$mirror/dists/$suite/main/binary-amd64/Packages.xz"
  # awk reads to the end: leaving early would fail the pipeline (pipefail) on xz's SIGPIPE.
  file=$(xz -dc Packages.xz | awk '/^Package: libtorch-dev$/ {p=1} p && /^Filename:/ && !f {f=$2} END {print f}')
  [ -n "$file" ] || { echo "no libtorch-dev in Debian $suite" >&2; exit 1; }
  echo "Fetching $file ..." >&2
  curl -fsS -o libtorch-dev.deb "$mirror/$file"
  rm -rf root && dpkg -x libtorch-dev.deb root
fi
include="$cache/root/usr/include"
header="$include/torch/csrc/api/include/torch/version.h"
version=$(awk '/define TORCH_VERSION_(MAJOR|MINOR|PATCH)/ {printf "%s%s", sep, $3; sep="."}' "$header")

flags=(-std=c++17 -DUSE_C10D_GLOO -DUSE_DISTRIBUTED -DNDEBUG -D_GLIBCXX_USE_CXX11_ABI=1
  -DQT_NO_KEYWORDS -DMODELFORGE_VERSION='"check"' -I"$root"
  -isystem "$include/torch/csrc/api/include" -isystem "$include")
# Qt's headers for the workbench's files (the engine and the CLI include none).
mapfile -t qt < <(pkg-config --cflags Qt6Widgets Qt6Charts | tr ' ' '\n' | grep .)
flags+=("${qt[@]}")
if [ ! -f torchpch.pch ] || [ "$root/core/torchpch.h" -nt torchpch.pch ] ||
  [ "$0" -nt torchpch.pch ]; then
  echo "Precompiling core/torchpch.h against LibTorch $version ..." >&2
  clang++ "${flags[@]}" -x c++-header "$root/core/torchpch.h" -o torchpch.pch
fi

cd "$root"
if [ $# -gt 0 ]; then
  sources=("$@")
else
  mapfile -t sources < <(find core app/cli -name '*.cpp' | sort)
  # The workbench's files that hold tensors (app/gui/CMakeLists.txt's precompiled-header list).
  mapfile -t -O "${#sources[@]}" sources < <(awk '/modelforge_use_torch_pch\(modelforge_app/ {p=1; next}
    p && /\)/ {exit} p {print "app/gui/" $1}' app/gui/CMakeLists.txt)
fi

# One clang per core; each prints FAIL and its first errors, or nothing.
export CHECK_FLAGS="${flags[*]} -include-pch $cache/torchpch.pch -fsyntax-only" CHECK_CACHE="$cache"
printf '%s\n' "${sources[@]}" | xargs -P "$(nproc)" -I{} sh -c '
  log="$CHECK_CACHE/$(echo "$1" | tr / _).log"
  clang++ $CHECK_FLAGS "$1" 2>"$log" || { echo "FAIL $1"; grep -m3 "error:" "$log"; }
' _ {} >"$cache/failures.txt" || true
failed=$(grep -c '^FAIL' "$cache/failures.txt" || true)
cat "$cache/failures.txt" >&2
echo "LibTorch $version headers: $((${#sources[@]} - failed)) of ${#sources[@]} sources compile, $failed fail" >&2
[ "$failed" -eq 0 ]
