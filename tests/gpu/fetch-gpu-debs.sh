#!/bin/bash
# Downloads, on a Debian 12 machine with package access, the .deb files that run-gpu-check.sh
# unpacks on a GPU machine that has PyTorch (and with it LibTorch, CUDA and Gloo) but no Debian
# packages: the libraries the engine and modelforge-cli build against besides LibTorch, the
# header-only ones, and the Fashion-MNIST dataset. They land in tests/gpu/debs/ (ignored by git);
# carry that folder along with the working tree.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/debs"
cd "$here/debs"
packages=(
  libsqlite3-dev libsqlite3-0          # the run store
  libicu-dev libicu72 icu-devtools     # Unicode text (word boundaries, case folding, NFKC)
  zlib1g-dev zlib1g                    # gzip-compressed IDX files
  libssl-dev libssl3                   # SHA-256 of checkpoints
  nlohmann-json3-dev libcli11-dev libstb-dev libstb0   # JSON, command line, image decoding
  dataset-fashion-mnist                # the data the check trains on
)
apt-get download "${packages[@]}"
ls -1 "$here/debs"
