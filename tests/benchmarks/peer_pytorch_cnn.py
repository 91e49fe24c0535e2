#!/usr/bin/python3
"""The PyTorch peer of the throughput benchmark: the 2-conv Fashion-MNIST CNN trained with the
same loop modelforge-cli runs (tensors in memory, seeded shuffle, Adam 1e-3, batch 64,
per-channel normalisation, 10% validation split), timing only the training steps, and each phase of a step as the engine cuts it.
Prints one JSON object: samples_per_second, phases_ms_per_step, epochs, threads, val_accuracy, test_accuracy."""
import argparse
import gzip
import json
import os
import struct
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    magic, count = struct.unpack(">II", data[:8])
    if magic == 0x803:
        rows, cols = struct.unpack(">II", data[8:16])
        return np.frombuffer(data, dtype=np.uint8, offset=16).reshape(count, 1, rows, cols)
    return np.frombuffer(data, dtype=np.uint8, offset=8).astype(np.int64)


def load(directory, prefix):
    images = read_idx(os.path.join(directory, f"{prefix}-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(directory, f"{prefix}-labels-idx1-ubyte.gz"))
    return torch.from_numpy(images.copy()), torch.from_numpy(labels.copy())


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, padding=1)
        self.conv2 = nn.Conv2d(32, 64, 3, padding=1)
        self.fc1 = nn.Linear(64 * 7 * 7, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        return self.fc2(F.relu(self.fc1(x)))


def accuracy(model, x, y, batch=1000):
    model.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, len(x), batch):
            correct += (model(x[i:i + batch]).argmax(1) == y[i:i + batch]).sum().item()
    model.train()
    return correct / len(x)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--device", default="cpu", help="cpu or cuda (the GPU check)")
    parser.add_argument("--amp", default="off", choices=["off", "bf16"],
                        help="bf16 autocast of the forward pass and loss, as --amp bf16 does")
    args = parser.parse_args()
    device = torch.device(args.device)
    autocast = torch.autocast(device_type=device.type, dtype=torch.bfloat16,
                              enabled=args.amp == "bf16")

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    images, labels = load(args.dataset, "train")
    test_images, test_labels = load(args.dataset, "t10k")
    order = torch.randperm(len(images), generator=torch.Generator().manual_seed(args.seed))
    n_val = round(len(images) * 0.1)
    val_idx, train_idx = order[:n_val], order[n_val:]

    x = images[train_idx].float().div_(255)
    mean, std = x.mean().item(), x.std().item()
    x = ((x - mean) / std).to(device)
    y = labels[train_idx].to(device)
    x_val = ((images[val_idx].float().div_(255) - mean) / std).to(device)
    x_test = ((test_images.float().div_(255) - mean) / std).to(device)

    def sync():
        if device.type == "cuda":
            torch.cuda.synchronize()

    model = Net().to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    trained = 0
    train_seconds = 0.0
    # Per-phase time of a step, cut where the engine's trainer cuts it (core/train/trainer.cpp).
    phases = dict(data=0.0, forward=0.0, backward=0.0, optimizer=0.0, recording=0.0)
    steps = 0
    clock = time.perf_counter
    for epoch in range(args.epochs):
        perm = torch.randperm(len(x), generator=torch.Generator().manual_seed(args.seed + epoch))
        perm = perm.to(device)
        sync()
        start = clock()
        for i in range(0, len(x), args.batch_size):
            t0 = clock()
            idx = perm[i:i + args.batch_size]
            xb, yb = x[idx], y[idx]
            t1 = clock()
            optimizer.zero_grad()
            with autocast:
                loss = F.cross_entropy(model(xb), yb)
            t2 = clock()
            loss.backward()
            t3 = clock()
            optimizer.step()
            t4 = clock()
            loss.item()  # the same per-step read-out the engine does for its loss curve
            trained += len(idx)
            t5 = clock()
            phases["data"] += t1 - t0
            phases["forward"] += t2 - t1
            phases["backward"] += t3 - t2
            phases["optimizer"] += t4 - t3
            phases["recording"] += t5 - t4
            steps += 1
        sync()
        train_seconds += clock() - start
    phases_ms = {k: v * 1000.0 / steps for k, v in phases.items()}
    phases_ms["total"] = sum(phases_ms.values())
    phases_ms["steps"] = steps

    print(json.dumps({
        "samples_per_second": trained / train_seconds,
        "phases_ms_per_step": phases_ms,
        "epochs": args.epochs,
        "threads": torch.get_num_threads(),
        "device": str(device),
        "amp": args.amp,
        "val_accuracy": accuracy(model, x_val, labels[val_idx].to(device)),
        "test_accuracy": accuracy(model, x_test, test_labels.to(device)),
    }))


if __name__ == "__main__":
    main()
