#!/usr/bin/env bash
# The two set-up commands of the README:
#   packaging/dev.sh run [modelforge args...]   install what is missing, build, launch the workbench
#   packaging/dev.sh test                       install what is missing, build, run the whole suite
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${MODELFORGE_BUILD_DIR:-$root/build}"
action="${1:-}"
shift || true

case "$action" in
run | test) ;;
*)
  echo "usage: packaging/dev.sh run|test [args...]" >&2
  exit 2
  ;;
esac

"$root/packaging/install-deps.sh"

# Two cores and ~1.5 GB per torch translation unit: more jobs only thrash.
jobs="${MODELFORGE_JOBS:-$(nproc)}"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi

if [ "$action" = run ]; then
  cmake --build "$build" -j "$jobs" --target modelforge modelforge-cli
  if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "No display found: set DISPLAY, run under xvfb-run, or use" \
      "'$build/app/gui/modelforge --screenshot DIR' to render the sections to PNG." >&2
  fi
  exec "$build/app/gui/modelforge" "$@"
fi

cmake --build "$build" -j "$jobs"
cd "$build"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j "$jobs" --timeout 900
