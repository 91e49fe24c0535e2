#!/usr/bin/python3
"""The PyTorch peer of the data-parallel benchmark: the 2-conv Fashion-MNIST CNN of
peer_pytorch_cnn.py trained for one epoch by N processes with DistributedDataParallel over Gloo
(loopback), each on its shard of the shuffled training split with its own batch of 64, Adam 1e-3,
as modelforge-cli train --nproc N does. N = 1 trains without DDP. Timing covers the training
steps of the epoch on every rank (the slowest rank counts). Prints one JSON object:
samples_per_second, processes, threads, steps_per_rank."""
import argparse
import json
import os
import sys
import time

import torch
import torch.distributed as dist
import torch.multiprocessing as mp
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from peer_pytorch_cnn import Net, load  # noqa: E402


def train(rank, args, port, results):
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    if args.nproc > 1:
        os.environ["MASTER_ADDR"] = "127.0.0.1"
        os.environ["MASTER_PORT"] = str(port)
        dist.init_process_group("gloo", rank=rank, world_size=args.nproc)
    images, labels = load(args.dataset, "train")
    order = torch.randperm(len(images), generator=torch.Generator().manual_seed(args.seed))
    train_idx = order[round(len(images) * 0.1):]
    x = images[train_idx].float().div_(255)
    x = (x - x.mean()) / x.std()
    y = labels[train_idx]

    model = Net()
    if args.nproc > 1:
        model = torch.nn.parallel.DistributedDataParallel(model)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    perm = torch.randperm(len(x), generator=torch.Generator().manual_seed(args.seed + 1))
    # DistributedSampler's cut (no drop_last): pad to a multiple of N, rank r takes r, r + N, ...
    per_rank = (len(perm) + args.nproc - 1) // args.nproc
    padded = torch.cat([perm, perm[:per_rank * args.nproc - len(perm)]])
    shard = padded[rank::args.nproc]
    if args.nproc > 1:
        dist.barrier()
    start = time.perf_counter()
    steps = 0
    for i in range(0, len(shard), args.batch_size):
        idx = shard[i:i + args.batch_size]
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x[idx]), y[idx])
        loss.backward()
        optimizer.step()
        loss.item()
        steps += 1
    seconds = time.perf_counter() - start
    if args.nproc > 1:
        slowest = torch.tensor([seconds])
        dist.all_reduce(slowest, op=dist.ReduceOp.MAX)
        seconds = slowest.item()
        dist.destroy_process_group()
    if rank == 0:
        results.put({"samples_per_second": len(shard) * args.nproc / seconds,
                     "processes": args.nproc, "threads": args.threads, "steps_per_rank": steps})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--nproc", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    context = mp.get_context("spawn")
    results = context.SimpleQueue()
    if args.nproc == 1:
        train(0, args, port, results)
    else:
        mp.spawn(train, args=(args, port, results), nprocs=args.nproc)
    print(json.dumps(results.get()))


if __name__ == "__main__":
    main()
