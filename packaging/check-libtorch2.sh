#!/usr/bin/env bash
# Checks that the engine, the CLI and the workbench's tensor code compile against LibTorch 2.x,
# without a LibTorch 2.x install: downloads Debian trixie's libtorch-dev (LibTorch 2.6's
# headers, 2.4 MB) from the Debian archive, unpacks it under build/libtorch2/, and compiles
# every source of core/ and app/cli/ and app/gui's torch files against those headers (clang
# -fsyntax-only, one per core, the torch precompiled header built once from them). Linking
# needs the 2.x libraries and is what tests/gpu/run-gpu-check.sh does on a GPU machine.
#
# With --cuda, the headers are those of a CUDA build instead (contrib's libtorch-cuda-dev, with
# NCCL's, CUDA's and libcu++'s: about 1 GB to download once, under build/libtorch2cuda/), and
# the sources compile as in a CUDA build with NCCL (MODELFORGE_NCCL).
#
#   packaging/check-libtorch2.sh [--cuda] [file.cpp ...]     # default: all of the above
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cuda=0
if [ "${1:-}" = --cuda ]; then
  cuda=1
  shift
fi
if [ $cuda -eq 1 ]; then
  cache="${MODELFORGE_LIBTORCH2_DIR:-$root/build/libtorch2cuda}"
  # package, archive section
  packages=("libtorch-cuda-dev contrib" "libnccl-dev contrib" "nvidia-cuda-dev non-free"
    "libcu++-dev main")
else
  cache="${MODELFORGE_LIBTORCH2_DIR:-$root/build/libtorch2}"
  packages=("libtorch-dev main")
fi
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
suite="${LIBTORCH2_SUITE:-trixie}"
mkdir -p "$cache"
cd "$cache"

if [ ! -f root/.complete ]; then
  rm -rf root && mkdir root
  for entry in "${packages[@]}"; do
    read -r package section <<<"$entry"
    if [ ! -f "Packages-$section.xz" ]; then
      echo "Fetching the package index of Debian $suite/$section ..." >&2
      curl -fsS -o "Packages-$section.xz" "$mirror/dists/$suite/$section/binary-amd64/Packages.xz"
    fi
    # awk reads to the end: leaving early would fail the pipeline (pipefail) on xz's SIGPIPE.
    file=$(xz -dc "Packages-$section.xz" | awk -v p="$package" '$0 == "Package: " p {f=1}
      f && /^Filename:/ && !n {n=$2} END {print n}')
    [ -n "$file" ] || { echo "no $package in Debian $suite/$section" >&2; exit 1; }
    echo "Fetching $file ..." >&2
    curl -fsS -o "$package.deb" "$mirror/$file"
    # Headers only: nvidia-cuda-dev's libraries alone take 2.5 GB.
    dpkg-deb --fsys-tarfile "$package.deb" | tar -x -C root --wildcards './usr/include/*'
    rm "$package.deb"
  done
  touch root/.complete
fi
include="$cache/root/usr/include"
header="$include/torch/csrc/api/include/torch/version.h"
version=$(awk '/define TORCH_VERSION_(MAJOR|MINOR|PATCH)/ {printf "%s%s", sep, $3; sep="."}' "$header")

flags=(-std=c++17 -DUSE_C10D_GLOO -DUSE_DISTRIBUTED -DNDEBUG -D_GLIBCXX_USE_CXX11_ABI=1
  -DQT_NO_KEYWORDS -DMODELFORGE_VERSION='"check"' -I"$root"
  -isystem "$include/torch/csrc/api/include" -isystem "$include")
[ $cuda -eq 1 ] && flags+=(-DUSE_CUDA -DMODELFORGE_NCCL)
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
flavour=$([ $cuda -eq 1 ] && echo "CUDA (NCCL) " || true)
echo "LibTorch $version ${flavour}headers: $((${#sources[@]} - failed)) of ${#sources[@]} sources compile, $failed fail" >&2
[ "$failed" -eq 0 ]
