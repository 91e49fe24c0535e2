#!/usr/bin/python3
"""Training throughput and accuracy of the 2-conv Fashion-MNIST CNN: modelforge-cli against the
same model and loop in PyTorch (peer_pytorch_cnn.py), run one after the other on the same data,
batch size and epochs, alternating which goes first, at every core and at one thread (a single
thread shows kernel cost without OpenMP scheduling noise). Prints the processor, the vector code
LibTorch dispatches to, the kernels the engine chose and the timings it chose them by, both
throughputs with their ratio, and where a step spends its time in each.

    tests/benchmarks/bench_train.py --cli build/app/cli/modelforge-cli [--epochs 2] [--rounds 3]
        [--threads N ...]

The first engine run of each thread count measures its kernels (the time it takes is printed,
and is not part of samples/s); the later ones find the decision in the workspace's cache.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PHASES = ["data", "forward", "backward", "optimizer", "recording", "total"]


def run_cli(cli, dataset, epochs, threads, batch_size, workspace):
    command = [cli, "--json", "--workspace", workspace, "train", "--dataset", dataset,
               "--model", "cnn", "--optimizer", "adam", "--lr", "1e-3",
               "--batch-size", str(batch_size), "--epochs", str(epochs),
               "--threads", str(threads), "--seed", "42", "--quiet"]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result = json.loads(out)
    return {"speed": result["samples_per_second"], "accuracy": result["test"]["accuracy"],
            "phases": result["phases_ms_per_step"], "kernels": result["kernels"],
            "libraries": result.get("libraries", {})}


def run_peer(dataset, epochs, threads, batch_size):
    command = ["/usr/bin/python3", os.path.join(HERE, "peer_pytorch_cnn.py"),
               "--dataset", dataset, "--epochs", str(epochs), "--threads", str(threads),
               "--batch-size", str(batch_size)]
    result = json.loads(subprocess.run(command, check=True, capture_output=True,
                                       text=True).stdout)
    return {"speed": result["samples_per_second"], "accuracy": result["test_accuracy"],
            "phases": result["phases_ms_per_step"]}


def median_phases(runs):
    return {p: statistics.median(r["phases"][p] for r in runs) for p in PHASES}


def print_kernels(kernels):
    print(f"kernels chosen: {kernels['plan']}")
    for op in kernels["choices"]:
        timings = sorted(op["timings_ms"].items(), key=lambda item: item[1])
        why = " < ".join(f"{name} {ms:.2f} ms" for name, ms in timings)
        for name, reason in op.get("failed", {}).items():
            why += f"; {name} unusable: {reason}"
        what = "one step" if op["op"] == "optimizer" else "forward+backward"
        print(f"  {op['op']:9s} on {op['shape']:24s} -> {op['chosen']:12s} ({why}, {what})")


def bench(args, threads, workspace):
    ours, peer = [], []
    for round_ in range(args.rounds):
        order = ["cli", "peer"] if round_ % 2 == 0 else ["peer", "cli"]
        for who in order:
            if who == "cli":
                run = run_cli(args.cli, args.dataset, args.epochs, threads, args.batch_size,
                              workspace)
                ours.append(run)
            else:
                run = peer_run = run_peer(args.dataset, args.epochs, threads, args.batch_size)
                peer.append(peer_run)
            print(f"  round {round_ + 1} {who:4s} {run['speed']:8.0f} samples/s  "
                  f"test acc {run['accuracy']:.4f}", file=sys.stderr, flush=True)

    ours_speed = statistics.median(r["speed"] for r in ours)
    peer_speed = statistics.median(r["speed"] for r in peer)
    first = ours[0]["kernels"]
    print(f"\n=== {threads} thread(s): 2-conv CNN, Fashion-MNIST, Adam 1e-3, batch "
          f"{args.batch_size}, {args.epochs} epoch(s), median of {args.rounds} round(s)")
    print_kernels(first)
    print(f"  measuring took {first['measure_seconds']:.1f} s in the first run "
          f"(not part of samples/s); later runs: "
          f"{'cache' if all(r['kernels']['measure_seconds'] == 0 for r in ours[1:]) else 'measured again'}")
    print(f"{'':24s}{'samples/s':>12s}{'test acc':>10s}")
    print(f"{'modelforge-cli':24s}{ours_speed:12.0f}"
          f"{statistics.median(r['accuracy'] for r in ours):10.4f}")
    print(f"{'PyTorch (Python) peer':24s}{peer_speed:12.0f}"
          f"{statistics.median(r['accuracy'] for r in peer):10.4f}")
    ratio = ours_speed / peer_speed
    print(f"ratio modelforge/peer at {threads} thread(s): {ratio:.3f}")
    ours_phases, peer_phases = median_phases(ours), median_phases(peer)
    print(f"ms per step {''.join(f'{p:>10s}' for p in PHASES)}")
    print(f"{'modelforge':12s}{''.join(f'{ours_phases[p]:10.2f}' for p in PHASES)}")
    print(f"{'peer':12s}{''.join(f'{peer_phases[p]:10.2f}' for p in PHASES)}")
    print(f"{'peer/ours':12s}"
          f"{''.join(f'{peer_phases[p] / ours_phases[p]:10.2f}' if ours_phases[p] > 0 else f'{0:10s}' for p in PHASES)}",
          flush=True)
    return ratio, ours[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--dataset", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--threads", type=int, nargs="+", default=[os.cpu_count(), 1])
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()

    ratios = {}
    with tempfile.TemporaryDirectory() as workspace:
        for threads in dict.fromkeys(args.threads):
            ratio, first = bench(args, threads, workspace)
            ratios[threads] = ratio
            if len(ratios) == 1:
                kernels, libraries = first["kernels"], first["libraries"]
    print(f"\nprocessor: {kernels['processor']}; ATen CPU capability: {kernels['capability']}; "
          f"libtorch {libraries.get('libtorch', '?')}, oneDNN {libraries.get('onednn') or 'none'}")
    print("ratios: " + ", ".join(f"{t} thread(s) {r:.3f}" for t, r in ratios.items()) +
          "  (targets: >= 1.3 at 2 threads, >= 1.15 at 1 thread)")


if __name__ == "__main__":
    main()
