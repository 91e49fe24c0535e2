#!/usr/bin/python3
"""Training throughput and accuracy of the 2-conv Fashion-MNIST CNN: modelforge-cli against the
same model and loop in PyTorch (peer_pytorch_cnn.py), run one after the other on the same data,
threads, batch size and epochs, alternating which goes first. Prints both figures and the ratio.

    tests/benchmarks/bench_train.py --cli build/app/cli/modelforge-cli [--epochs 2] [--rounds 1]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def run_cli(cli, dataset, epochs, threads, batch_size, workspace):
    command = [cli, "--json", "--workspace", workspace, "train", "--dataset", dataset,
               "--model", "cnn", "--optimizer", "adam", "--lr", "1e-3",
               "--batch-size", str(batch_size), "--epochs", str(epochs),
               "--threads", str(threads), "--seed", "42", "--quiet"]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result = json.loads(out)
    return result["samples_per_second"], result["test"]["accuracy"]


def run_peer(dataset, epochs, threads, batch_size):
    command = ["/usr/bin/python3", os.path.join(HERE, "peer_pytorch_cnn.py"),
               "--dataset", dataset, "--epochs", str(epochs), "--threads", str(threads),
               "--batch-size", str(batch_size)]
    result = json.loads(subprocess.run(command, check=True, capture_output=True,
                                       text=True).stdout)
    return result["samples_per_second"], result["test_accuracy"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--dataset", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()

    ours, peer, accuracies, peer_accuracies = [], [], [], []
    with tempfile.TemporaryDirectory() as workspace:
        for round_ in range(args.rounds):
            order = ["cli", "peer"] if round_ % 2 == 0 else ["peer", "cli"]
            for who in order:
                if who == "cli":
                    speed, acc = run_cli(args.cli, args.dataset, args.epochs, args.threads,
                                         args.batch_size, workspace)
                    ours.append(speed)
                    accuracies.append(acc)
                else:
                    speed, acc = run_peer(args.dataset, args.epochs, args.threads,
                                          args.batch_size)
                    peer.append(speed)
                    peer_accuracies.append(acc)
                print(f"round {round_ + 1} {who:4s} {speed:8.0f} samples/s  test acc {acc:.4f}",
                      file=sys.stderr, flush=True)

    ours_median, peer_median = statistics.median(ours), statistics.median(peer)
    print(f"2-conv CNN, Fashion-MNIST, Adam 1e-3, batch {args.batch_size}, "
          f"{args.epochs} epoch(s), {args.threads} thread(s), {args.rounds} round(s)")
    print(f"{'':24s}{'samples/s':>12s}{'test acc':>10s}")
    print(f"{'modelforge-cli':24s}{ours_median:12.0f}{statistics.median(accuracies):10.4f}")
    print(f"{'PyTorch (Python) peer':24s}{peer_median:12.0f}"
          f"{statistics.median(peer_accuracies):10.4f}")
    print(f"ratio modelforge/peer: {ours_median / peer_median:.3f}  (target >= 1.15; "
          f"accuracy target >= 0.90 after 2 epochs)")


if __name__ == "__main__":
    main()
