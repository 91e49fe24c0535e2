#!/bin/bash
# The GPU check (not part of the CPU suite): on a machine with an NVIDIA GPU and PyTorch 2.x,
# builds the engine and modelforge-cli against the LibTorch inside that PyTorch (with NCCL when
# the wheel's nccl.h is there), trains the 2-conv Fashion-MNIST CNN for one epoch on the GPU in
# float32 and with bf16 autocast, runs PyTorch's own training of the same model and loop on the
# same GPU (tests/benchmarks/peer_pytorch_cnn.py), and prints samples/s side by side; then it
# trains the same epoch as a data-parallel job of one process per GPU (at most 2). A JSON summary
# goes to $OUT/gpu-check.json (or build-gpu/gpu-check.json).
#
# Beforehand, on a Debian machine: tests/gpu/fetch-gpu-debs.sh (the machine has no Debian
# packages; their files are unpacked here with dpkg -x). Budget: about 10 minutes.
#   tests/gpu/run-gpu-check.sh            # DEVICE=cpu runs the same steps on the CPU
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
device=${DEVICE:-cuda}
build=$root/build-gpu
deps=$build/deps
out=${OUT:-$build}
mkdir -p "$deps" "$out"
python=${PYTHON:-python3}

shopt -s nullglob
debs=("$root"/tests/gpu/debs/*.deb)
if [ ${#debs[@]} -eq 0 ]; then
  echo "run-gpu-check: no .deb files in tests/gpu/debs (run tests/gpu/fetch-gpu-debs.sh first)" >&2
  exit 2
fi
for deb in "${debs[@]}"; do dpkg -x "$deb" "$deps"; done
multiarch=$deps/usr/lib/x86_64-linux-gnu
export LD_LIBRARY_PATH="$multiarch${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
dataset=$deps/usr/share/datasets/fashion-mnist

torch_prefix=$("$python" -c 'import torch; print(torch.utils.cmake_prefix_path)')
echo "== $("$python" -c 'import torch; print("PyTorch", torch.__version__, "CUDA", torch.version.cuda)')"
command -v nvidia-smi > /dev/null && nvidia-smi --query-gpu=name,memory.total --format=csv,noheader

# nccl.h for c10d's NCCL group: PyTorch's wheels keep it in the nvidia-nccl package.
nccl_include=$("$python" -c 'import os, nvidia.nccl as n; print(os.path.join(list(n.__path__)[0], "include"))' 2>/dev/null || true)

start=$(date +%s)
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DMODELFORGE_BUILD_GUI=OFF -DMODELFORGE_BUILD_TESTS=OFF \
  -DCMAKE_PREFIX_PATH="$torch_prefix;$deps/usr" ${nccl_include:+-DNCCL_INCLUDE_DIR="$nccl_include"} \
  -DCMAKE_INCLUDE_PATH="$deps/usr/include" -DCMAKE_LIBRARY_PATH="$multiarch" > "$build/configure.log"
grep "c10d:" "$build/configure.log" || true
cmake --build "$build" --target modelforge-cli > "$build/build.log"
echo "== built modelforge-cli in $(( $(date +%s) - start )) s"

cli=$build/app/cli/modelforge-cli
results=()
for amp in off bf16; do
  workspace=$(mktemp -d)
  "$cli" --workspace "$workspace" --json train --dataset "$dataset" --model cnn --epochs 1 \
    --batch-size 64 --device "$device" --amp "$amp" > "$build/ours-$amp.json"
  rm -rf "$workspace"
  "$python" "$root/tests/benchmarks/peer_pytorch_cnn.py" --dataset "$dataset" --epochs 1 \
    --batch-size 64 --device "$device" --amp "$amp" > "$build/peer-$amp.json"
  results+=("$amp")
done

# A data-parallel job on the GPUs, one per process (at most 2): NCCL where the build found it.
if [ "$device" = cuda ]; then
  gpus=$("$python" -c 'import torch; print(min(2, torch.cuda.device_count()))')
  workspace=$(mktemp -d)
  "$cli" --workspace "$workspace" --json train --dataset "$dataset" --model cnn --epochs 1 \
    --batch-size 64 --device cuda --nproc "$gpus" > "$build/ours-nproc.json" || true
  rm -rf "$workspace"
  "$python" - "$build/ours-nproc.json" "$gpus" <<'PY'
import json, sys
try:
    run = json.load(open(sys.argv[1]))
except ValueError:
    sys.exit(f"data-parallel on {sys.argv[2]} GPU process(es): no result")
dist = run.get("distributed", {})
print(f"data-parallel, {dist.get('world_size')} GPU process(es), backend {dist.get('backend')}: "
      f"{run['outcome']}, {run['samples_per_second']:.0f} samples/s"
      + (f", {run['failure_reason']}" if run.get("failure_reason") else ""))
PY
fi

"$python" - "$build" "$out/gpu-check.json" "$device" "${results[@]}" <<'PY'
import json, sys
build, summary, device, *amps = sys.argv[1:]
rows = []
print(f"{'':14} {'ModelForge':>12} {'PyTorch':>12} {'ratio':>7} {'test acc (ours / PyTorch)':>28}")
for amp in amps:
    ours = json.load(open(f"{build}/ours-{amp}.json"))
    peer = json.load(open(f"{build}/peer-{amp}.json"))
    a, b = ours["samples_per_second"], peer["samples_per_second"]
    acc = (ours.get("test") or {}).get("accuracy", float("nan"))
    print(f"{device + ' ' + amp:14} {a:12.0f} {b:12.0f} {a / b:7.2f} "
          f"{acc:13.4f} / {peer['test_accuracy']:.4f}")
    rows.append({"device": device, "amp": amp, "ours_samples_per_second": a,
                 "pytorch_samples_per_second": b, "ratio": a / b, "ours_test_accuracy": acc,
                 "pytorch_test_accuracy": peer["test_accuracy"], "ours_outcome": ours["outcome"]})
json.dump(rows, open(summary, "w"), indent=2)
print("summary:", summary)
PY
