#!/usr/bin/env bash
# The two set-up commands of the README:
#   packaging/dev.sh run [modelforge args...]   install what is missing, build, launch the workbench
#   packaging/dev.sh test                       install what is missing, build, run the whole suite
# Both share one Release build in build/ (README, "Building"), so running after testing, or
# testing after running, compiles nothing twice.
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

# Wall time of each phase, printed when the command ends, also when a phase fails.
phases=()
current=install
phase_start=$(date +%s)
next_phase() {
  local now
  now=$(date +%s)
  phases+=("$current $((now - phase_start))")
  current=$1
  phase_start=$now
}
report() {
  local rc=$? total=0 entry
  if [ -n "$current" ]; then next_phase ""; fi
  echo "--- packaging/dev.sh $action: wall time per phase (exit $rc)" >&2
  for entry in "${phases[@]}"; do
    printf '  %-10s %5d s\n' "${entry% *}" "${entry##* }" >&2
    total=$((total + ${entry##* }))
  done
  printf '  %-10s %5d s (%d min %d s)\n' total "$total" $((total / 60)) $((total % 60)) >&2
}
trap report EXIT

"$root/packaging/install-deps.sh"
next_phase configure

# Two cores and up to ~1 GB per torch translation unit: more jobs only thrash.
jobs="${MODELFORGE_JOBS:-$(nproc)}"
configure=(-G Ninja -DCMAKE_BUILD_TYPE="${MODELFORGE_BUILD_TYPE:-Release}")
if [ ! -f "$build/CMakeCache.txt" ] && [ -z "${CXX:-}" ] && command -v clang++ >/dev/null; then
  # The compiler is fixed when the build folder is made; CXX=g++ keeps GCC.
  configure+=(-DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++)
fi
cmake -S "$root" -B "$build" "${configure[@]}"
next_phase build

if [ "$action" = run ]; then
  cmake --build "$build" -j "$jobs" --target modelforge modelforge-cli
  trap - EXIT
  report
  if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "No display found: set DISPLAY, run under xvfb-run, or use" \
      "'$build/app/gui/modelforge --screenshot DIR' to render the sections to PNG." >&2
  fi
  exec "$build/app/gui/modelforge" "$@"
fi

cmake --build "$build" -j "$jobs"
next_phase test
cd "$build"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j "$jobs" --timeout 900
