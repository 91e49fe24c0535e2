#!/usr/bin/python3
"""Data-parallel scaling on this machine: the Fashion-MNIST CNN trained for one epoch by
modelforge-cli with 1 process x 1 thread and with --nproc 2 x 1 thread (Gloo), beside PyTorch's
DistributedDataParallel on the same model, loop and shards (peer_pytorch_ddp.py), and our
pipeline-parallel mode on the same 2 processes (torch.distributed.pipeline's Pipe needs CUDA
devices: no peer). Prints samples/s, the speed-up and efficiency of 2 processes over 1, and
ours / PyTorch.

    /usr/bin/python3 tests/benchmarks/bench_dist.py --cli build/app/cli/modelforge-cli
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def processor():
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor()


def ours(cli, dataset, nproc, threads, mode="data", schedule="gpipe"):
    with tempfile.TemporaryDirectory() as workspace:
        command = [cli, "--workspace", workspace, "--json", "train", "--dataset", dataset,
                   "--model", "cnn", "--epochs", "1", "--batch-size", "64",
                   "--threads", str(threads)]
        if nproc > 1:
            command += ["--nproc", str(nproc), "--parallel", mode]
        if mode == "pipeline":
            command += ["--pipeline-schedule", schedule]
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        return json.loads(out)["samples_per_second"]


def peer(dataset, nproc, threads):
    command = ["/usr/bin/python3", os.path.join(HERE, "peer_pytorch_ddp.py"), "--dataset",
               dataset, "--nproc", str(nproc), "--threads", str(threads)]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])["samples_per_second"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--dataset", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--nproc", type=int, default=2)
    args = parser.parse_args()

    print(f"{processor()}, {os.cpu_count()} cores; one epoch of the Fashion-MNIST CNN, batch 64 "
          f"per process, 1 thread per process; median of {args.rounds} round(s)")
    figures = {}
    for nproc in (1, args.nproc):
        for name, measure in (("ModelForge", lambda n: ours(args.cli, args.dataset, n, 1)),
                              ("PyTorch DDP", lambda n: peer(args.dataset, n, 1))):
            runs = [measure(nproc) for _ in range(args.rounds)]
            figures[(name, nproc)] = statistics.median(runs)
    print(f"{'':12} {'1 proc':>10} {str(args.nproc) + ' procs':>10} {'speed-up':>9} "
          f"{'efficiency':>10}")
    for name in ("ModelForge", "PyTorch DDP"):
        one, many = figures[(name, 1)], figures[(name, args.nproc)]
        print(f"{name:12} {one:10.0f} {many:10.0f} {many / one:9.2f} "
              f"{many / one / args.nproc:10.2f}")
    one = figures[("ModelForge", 1)]
    for schedule, label in (("gpipe", "GPipe"), ("1f1b", "1F1B")):
        pipeline = statistics.median(
            ours(args.cli, args.dataset, args.nproc, 1, "pipeline", schedule)
            for _ in range(args.rounds))
        print(f"{'MF ' + label:12} {one:10.0f} {pipeline:10.0f} {pipeline / one:9.2f} "
              f"{pipeline / one / args.nproc:10.2f}   (pipeline, 4 micro-batches of 16; no "
              f"PyTorch peer on the CPU)")
    print(f"ours / PyTorch at {args.nproc} processes: "
          f"{figures[('ModelForge', args.nproc)] / figures[('PyTorch DDP', args.nproc)]:.2f}; "
          f"at 1 process: {figures[('ModelForge', 1)] / figures[('PyTorch DDP', 1)]:.2f}")


if __name__ == "__main__":
    main()
