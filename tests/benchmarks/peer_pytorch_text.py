#!/usr/bin/python3
"""The PyTorch peer of the text throughput benchmark (bench_text.py): the bidirectional GRU
preset, Embedding(padding_idx 0) -> bidirectional GRU over packed sequences (lengths = the
non-pad tokens, at least 1, computed in the forward pass as the engine does) -> the last
layer's final states of both directions, concatenated -> dropout -> Linear, trained with the
loop modelforge-cli runs (ids in memory, seeded shuffle, Adam, cross-entropy, the loss read
back every step, 10% of the training file held out for validation), timing only the training
steps and each phase of a step as the engine cuts it (core/train/trainer.cpp).

    tests/benchmarks/peer_pytorch_text.py --train OUT/train.csv [--test OUT/test.csv]
        [--epochs 2] [--threads N] [--batch-size 64] [--lr 2e-3] [--sequence-length 64]
        [--max-vocab 20000] [--min-frequency 2] [--embedding-dim 64] [--hidden-size 64]
        [--dropout 0.5]

The tokens approximate the engine's ICU word segmentation (UAX #29 words, lower-cased, CJK one
token per character) with a regular expression; the vocabulary is built the engine's way (the
training split's tokens by frequency, <pad> 0 and <unk> 1 first, --min-frequency, at most
--max-vocab entries). Prints one JSON object: samples_per_second, phases_ms_per_step, epochs,
threads, vocab_size, mean_tokens, val_accuracy, test_accuracy. Importable (run(parser()
.parse_args([...])), tokenize, BiGruClassifier); bench_text.py runs it as a process of its own,
so that its threads and memory do not mix with the benchmark's.
"""
import argparse
import collections
import csv
import json
import os
import re
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

CJK = "\u1100-\u11ff\u3040-\u30ff\u3100-\u312f\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff" \
      "\uac00-\ud7af\uf900-\ufaff"
CJK_CHAR = re.compile(f"[{CJK}]")
# A UAX #29 word: letters/digits/underscores joined by apostrophes, dots and colons inside it.
WORD = re.compile(rf"[^\W{CJK}]+(?:['\u2019.:][^\W{CJK}]+)*|[{CJK}]")


def tokenize(text):
    return [t.replace("\u2019", "'") for t in WORD.findall(text.lower())
            if CJK_CHAR.match(t) or any(c.isalnum() for c in t)]


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["text"].strip() and r["label"].strip()]
    return [r["text"] for r in rows], [r["label"].strip() for r in rows]


def build_vocab(documents, min_frequency, max_vocab):
    counts = collections.Counter(t for doc in documents for t in doc)
    tokens = ["<pad>", "<unk>"]
    limit = max_vocab if max_vocab > 0 else float("inf")
    for token, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if count < min_frequency or len(tokens) >= limit:
            break
        tokens.append(token)
    return {t: i for i, t in enumerate(tokens)}


def encode(documents, vocab, length):
    ids = torch.zeros(len(documents), length, dtype=torch.int64)
    for i, doc in enumerate(documents):
        row = [vocab.get(t, 1) for t in doc[:length]]
        if row:
            ids[i, :len(row)] = torch.tensor(row)
    return ids


class BiGruClassifier(nn.Module):
    def __init__(self, vocab_size, embedding_dim, hidden_size, classes, dropout):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim, padding_idx=0)
        self.rnn = nn.GRU(embedding_dim, hidden_size, batch_first=True, bidirectional=True)
        self.drop = nn.Dropout(dropout) if dropout > 0 else nn.Identity()
        self.out = nn.Linear(2 * hidden_size, classes)

    def forward(self, ids):
        lengths = ids.ne(0).sum(1).clamp_min(1)
        packed = nn.utils.rnn.pack_padded_sequence(self.embedding(ids), lengths,
                                                   batch_first=True, enforce_sorted=False)
        _, state = self.rnn(packed)  # [2, batch, hidden], in the batch's order
        return self.out(self.drop(torch.cat([state[-2], state[-1]], 1)))


def accuracy(model, x, y, batch=512):
    model.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, len(x), batch):
            correct += (model(x[i:i + batch]).argmax(1) == y[i:i + batch]).sum().item()
    model.train()
    return correct / max(len(x), 1)


def run(args):
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    texts, labels = read_csv(args.train)
    classes = sorted(set(labels))
    index = {c: i for i, c in enumerate(classes)}
    documents = [tokenize(t) for t in texts]
    y_all = torch.tensor([index[label] for label in labels])

    order = torch.randperm(len(documents), generator=torch.Generator().manual_seed(args.seed))
    n_val = round(len(documents) * 0.1)
    val_idx, train_idx = order[:n_val].tolist(), order[n_val:].tolist()
    vocab = build_vocab([documents[i] for i in train_idx], args.min_frequency, args.max_vocab)
    ids = encode(documents, vocab, args.sequence_length)
    x, y = ids[train_idx], y_all[train_idx]
    x_val, y_val = ids[val_idx], y_all[val_idx]

    model = BiGruClassifier(len(vocab), args.embedding_dim, args.hidden_size, len(classes),
                            args.dropout)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    phases = dict(data=0.0, forward=0.0, backward=0.0, optimizer=0.0, recording=0.0)
    steps, trained, train_seconds = 0, 0, 0.0
    clock = time.perf_counter
    for epoch in range(args.epochs):
        perm = torch.randperm(len(x), generator=torch.Generator().manual_seed(args.seed + epoch))
        correct = torch.zeros((), dtype=torch.int64)
        start = clock()
        for i in range(0, len(x), args.batch_size):
            t0 = clock()
            idx = perm[i:i + args.batch_size]
            xb, yb = x.index_select(0, idx), y.index_select(0, idx)
            t1 = clock()
            optimizer.zero_grad(set_to_none=True)
            logits = model(xb)
            loss = F.cross_entropy(logits, yb)
            t2 = clock()
            loss.backward()
            t3 = clock()
            optimizer.step()
            t4 = clock()
            loss.item()  # the per-step read-out the engine does for its loss curve
            correct += logits.detach().argmax(1).eq(yb).sum()
            trained += len(idx)
            t5 = clock()
            phases["data"] += t1 - t0
            phases["forward"] += t2 - t1
            phases["backward"] += t3 - t2
            phases["optimizer"] += t4 - t3
            phases["recording"] += t5 - t4
            steps += 1
        train_seconds += clock() - start
    phases_ms = {k: v * 1000.0 / steps for k, v in phases.items()}
    phases_ms["total"] = sum(phases_ms.values())
    phases_ms["steps"] = steps

    result = {
        "samples_per_second": trained / train_seconds,
        "phases_ms_per_step": phases_ms,
        "epochs": args.epochs,
        "threads": torch.get_num_threads(),
        "vocab_size": len(vocab),
        "mean_tokens": float(x.ne(0).sum(1).float().mean()),
        "val_accuracy": accuracy(model, x_val, y_val),
        "test_accuracy": None,
    }
    if args.test:
        test_texts, test_labels = read_csv(args.test)
        keep = [i for i, label in enumerate(test_labels) if label in index]
        x_test = encode([tokenize(test_texts[i]) for i in keep], vocab, args.sequence_length)
        y_test = torch.tensor([index[test_labels[i]] for i in keep])
        result["test_accuracy"] = accuracy(model, x_test, y_test)
    return result


def parser():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--train", required=True, help="CSV with text and label columns")
    p.add_argument("--test", help="CSV to report test accuracy on")
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--sequence-length", type=int, default=64)
    p.add_argument("--max-vocab", type=int, default=20000)
    p.add_argument("--min-frequency", type=int, default=2)
    p.add_argument("--embedding-dim", type=int, default=64)
    p.add_argument("--hidden-size", type=int, default=64)
    p.add_argument("--dropout", type=float, default=0.5)
    return p


def main():
    print(json.dumps(run(parser().parse_args())))


if __name__ == "__main__":
    main()
