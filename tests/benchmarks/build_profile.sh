#!/usr/bin/env bash
# Wall time of the README's test command from a fresh clone, and where the build spends it.
#
#   tests/benchmarks/build_profile.sh [--rev REV] [--dir DIR] [--keep] [--slowest N]
#
# Clones this repository at REV (default HEAD) into DIR (default a new temporary folder), runs
# `packaging/dev.sh test` there, and prints: the whole command's wall time, the configure, build
# and test phases, the number of build steps with their summed time, and the N (default 20)
# slowest steps from .ninja_log. Run it on an idle machine with the packages already installed
# (the first `packaging/dev.sh test` installs them) so that only the build and the tests are
# timed. Compare two revisions back to back:
#   tests/benchmarks/build_profile.sh --rev <old>; tests/benchmarks/build_profile.sh --rev HEAD
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
rev=HEAD
dir=
keep=0
slowest=20
while [ $# -gt 0 ]; do
  case "$1" in
  --rev) rev="$2"; shift 2 ;;
  --dir) dir="$2"; shift 2 ;;
  --keep) keep=1; shift ;;
  --slowest) slowest="$2"; shift 2 ;;
  *) echo "usage: $0 [--rev REV] [--dir DIR] [--keep] [--slowest N]" >&2; exit 2 ;;
  esac
done

if [ -z "$dir" ]; then
  dir=$(mktemp -d /tmp/modelforge-profile.XXXXXX)
elif [ -e "$dir" ]; then
  echo "$dir exists; give a new folder" >&2
  exit 2
fi
if [ "$keep" = 0 ]; then
  trap 'rm -rf "$dir"' EXIT
fi

commit=$(git -C "$root" rev-parse "$rev")
git clone -q --no-hardlinks "$root" "$dir/src"
git -C "$dir/src" checkout -q "$commit"

log="$dir/test.log"
start=$(date +%s.%N)
set +e
(cd "$dir/src" && packaging/dev.sh test) >"$log" 2>&1
rc=$?
set -e
end=$(date +%s.%N)

ninja_log="$dir/src/build/.ninja_log"
printf 'revision   %s (%s)\n' "$(git -C "$root" log -1 --format='%h %s' "$commit")" "$rev"
printf 'processor  %s, %s cores\n' "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)" "$(nproc)"
printf 'command    packaging/dev.sh test  (exit %d)\n' "$rc"
awk -v s="$start" -v e="$end" 'BEGIN { printf "wall       %.1f s (%.1f min)\n", e - s, (e - s) / 60 }'
if [ -f "$ninja_log" ]; then
  # .ninja_log v5: start ms, end ms, mtime, output, command hash. Keep the last entry per
  # output, then one line per step: a command with several outputs (moc's timestamp and
  # mocs_compilation.cpp, in relative and absolute form) is one step, named by its shortest output.
  awk -F'\t' '!/^#/ { last[$4] = $1 "\t" $2 "\t" $5 }
    END { for (o in last) {
            k = last[o]
            if (!(k in name) || length(o) < length(name[k])) name[k] = o
          }
          for (k in name) { split(k, t, "\t"); print t[1] "\t" t[2] "\t" name[k] } }' \
    "$ninja_log" >"$dir/steps.tsv"
  awk -F'\t' '{ if (min == "" || $1 < min) min = $1; if ($2 > max) max = $2; sum += $2 - $1; n++ }
    END { printf "build      %.1f s wall, %d steps, %.1f s summed over steps\n",
          (max - min) / 1000, n, sum / 1000 }' "$dir/steps.tsv"
fi
grep -E '^Total Test time|tests passed|tests failed' "$log" | sed 's/^/test       /' || true
if [ -f "$ninja_log" ]; then
  echo "slowest $slowest build steps (s, output):"
  awk -F'\t' '{ printf "%8.1f  %s\n", ($2 - $1) / 1000, $3 }' "$dir/steps.tsv" |
    sort -rn | head -n "$slowest"
fi
if [ "$rc" -ne 0 ]; then
  echo "--- the command failed; the end of its output:"
  tail -n 40 "$log"
fi
if [ "$keep" = 1 ]; then echo "kept in $dir"; fi
exit "$rc"
