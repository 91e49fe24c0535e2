#!/usr/bin/env bash
# Installs ModelForge's build, run and test dependencies from the Debian 12 archive.
# Idempotent: packages already present are skipped; sudo is used only when not root.
set -euo pipefail

packages=(
  # build tools; clang compiles the torch-heavy files ~3x faster than g++ here and mold links
  # several times faster than GNU ld (README, "Building")
  cmake ninja-build g++ clang mold pkg-config
  # Qt 6: widgets, charts (whose CMake package requires Qt6OpenGL's, from libqt6opengl6-dev),
  # Linguist tools and Qt's own translations. No QtSql: the run store uses SQLite directly.
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n
  # the engine: LibTorch (CPU), gloo for c10d, SQLite, header-only libraries
  libtorch-dev libgloo-dev libsqlite3-dev zlib1g-dev libssl-dev nlohmann-json3-dev libcli11-dev libstb-dev
  libicu-dev # ICU: word segmentation, case folding and NFKC of text (core/text)
  # a fast BLAS: Debian's reference BLAS makes LibTorch's matmul ~25x slower
  libopenblas0-openmp
  # CJK glyphs for the Chinese UI
  fonts-noto-cjk
  # the default dataset, and WordNet for synonym replacement in text augmentation
  dataset-fashion-mnist wordnet-base
  # tests only: pdftotext reads the ROI report back to check that its text is really text
  poppler-utils
)
if [ "${MODELFORGE_BENCH_DEPS:-0}" = 1 ]; then
  # peers the benchmarks compare against
  packages+=(python3-torch python3-torchvision)
  # the text benchmarks: the TF-IDF + logistic-regression baseline, and their data (short
  # English texts by category; Chinese poems for a CJK case), see tests/benchmarks/bench_text.py
  packages+=(python3-sklearn fortunes fortunes-zh)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
echo "Installing from Debian: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
