#!/usr/bin/python3
"""The PyTorch peer of bench_compress: torch.ao.quantization on the same models, timed the same
way (median and p95 of forward passes after warm-up, without gradients, random weights and
inputs: only time is compared here).
- static int8 of the 2-conv Fashion-MNIST CNN (conv+ReLU and linear+ReLU fused, per-channel
  weights, min/max calibration on 8 random batches) on each engine the build offers;
- dynamic int8 of the MLP 784-1024-1024-10 (quantize_dynamic on nn.Linear);
- dynamic int8 of a bidirectional LSTM text classifier (embedding 20000 x 64, hidden 128,
  64-token documents packed as ModelForge packs them; quantize_dynamic on nn.LSTM and
  nn.Linear);
- pruning: the CNN with half of every layer's channels (16, 32, fc 64: what structured pruning
  of 0.5 leaves; torch.nn.utils.prune only masks, so the smaller network is built), in NCHW and
  channels-last ("cnn_half_fp32", "cnn_fp32_cl", "cnn_half_fp32_cl"); and fc1 of the CNN at 80%
  L1-unstructured sparsity (torch.nn.utils.prune.l1_unstructured), its weight dense and as a
  sparse COO tensor, at batch 64 ("sparse_fc1": {"dense": [...], "sparse": [...]}).
Prints one JSON object: {"threads", "engines", "cnn": {engine: {"1": [med, p95], "64": ...}},
"cnn_fp32": {...}, "mlp": {...}, "mlp_fp32": {...}, "lstm": {...}, "lstm_fp32": {...}, and the
pruning entries} in milliseconds."""
import argparse
import copy
import json
import time

import torch
import torch.nn as nn
import torch.ao.quantization as tq
import torch.nn.utils.prune as prune


class Cnn(nn.Module):
    def __init__(self, width=1.0):
        super().__init__()
        c1, c2, f = int(32 * width), int(64 * width), int(128 * width)
        self.quant = tq.QuantStub()
        self.conv1 = nn.Conv2d(1, c1, 3, padding=1)
        self.relu1 = nn.ReLU()
        self.pool1 = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(c1, c2, 3, padding=1)
        self.relu2 = nn.ReLU()
        self.pool2 = nn.MaxPool2d(2)
        self.fc1 = nn.Linear(c2 * 7 * 7, f)
        self.relu3 = nn.ReLU()
        self.out = nn.Linear(f, 10)
        self.dequant = tq.DeQuantStub()

    def forward(self, x):
        x = self.quant(x)
        x = self.pool1(self.relu1(self.conv1(x)))
        x = self.pool2(self.relu2(self.conv2(x)))
        x = self.relu3(self.fc1(torch.flatten(x, 1)))
        return self.dequant(self.out(x))


def mlp():
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 1024), nn.ReLU(), nn.Linear(1024, 1024),
                         nn.ReLU(), nn.Linear(1024, 10))


class LstmClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(20000, 64, padding_idx=0)
        self.rnn = nn.LSTM(64, 128, batch_first=True, bidirectional=True)
        self.out = nn.Linear(256, 2)

    def forward(self, ids):
        lengths = (ids != 0).sum(1).clamp(min=1)
        packed = nn.utils.rnn.pack_padded_sequence(self.embedding(ids), lengths, batch_first=True,
                                                   enforce_sorted=False)
        _, (h, _) = self.rnn(packed)
        return self.out(torch.cat([h[-2], h[-1]], 1))


def timing(model, shape, repetitions, tokens=False, channels_last=False):
    x = torch.randint(2, 20000, shape) if tokens else torch.randn(shape)
    if channels_last:
        x = x.to(memory_format=torch.channels_last)
    with torch.no_grad():
        for _ in range(5):
            model(x)
        samples = []
        for _ in range(repetitions):
            start = time.perf_counter()
            model(x)
            samples.append((time.perf_counter() - start) * 1000.0)
    samples.sort()
    p95 = samples[min(len(samples) - 1, max(0, int(0.95 * len(samples) + 0.999999) - 1))]
    return [samples[len(samples) // 2], p95]


def both_batches(model, channels_last=False):
    if channels_last:
        model = model.to(memory_format=torch.channels_last)
    return {"1": timing(model, (1, 1, 28, 28), 200, channels_last=channels_last),
            "64": timing(model, (64, 1, 28, 28), 40, channels_last=channels_last)}


def sparse_fc1(cnn):
    """fc1 of the CNN pruned to 80% by L1 magnitude, as a dense and as a sparse matrix."""
    fc1 = nn.Linear(cnn.fc1.in_features, cnn.fc1.out_features)
    fc1.load_state_dict(cnn.fc1.state_dict())
    prune.l1_unstructured(fc1, "weight", amount=0.8)
    prune.remove(fc1, "weight")
    dense, sparse = fc1.weight.detach(), fc1.weight.detach().to_sparse()
    x = torch.randn(64, fc1.in_features)
    result = {}
    for name, multiply in (("dense", lambda: x @ dense.t()),
                           ("sparse", lambda: torch.sparse.mm(sparse, x.t()))):
        for _ in range(5):
            multiply()
        samples = []
        for _ in range(40):
            start = time.perf_counter()
            multiply()
            samples.append((time.perf_counter() - start) * 1000.0)
        samples.sort()
        result[name] = [samples[len(samples) // 2], samples[int(0.95 * len(samples))]]
    return result


def text_batches(model):
    return {"1": timing(model, (1, 64), 100, tokens=True),
            "64": timing(model, (64, 64), 20, tokens=True)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    engines = [e for e in torch.backends.quantized.supported_engines if e != "none"]
    result = {"threads": torch.get_num_threads(), "engines": engines, "cnn": {}, "mlp": {}}
    cnn = Cnn().eval()
    result["cnn_fp32"] = both_batches(cnn)
    result["cnn_fp32_cl"] = both_batches(copy.deepcopy(cnn), channels_last=True)
    half = Cnn(0.5).eval()
    result["cnn_half_fp32"] = both_batches(half)
    result["cnn_half_fp32_cl"] = both_batches(copy.deepcopy(half), channels_last=True)
    result["sparse_fc1"] = sparse_fc1(cnn)
    net = mlp().eval()
    result["mlp_fp32"] = both_batches(net)
    lstm = LstmClassifier().eval()
    result["lstm_fp32"] = text_batches(lstm)
    result["lstm"] = {}
    for engine in engines:
        torch.backends.quantized.engine = engine
        model = Cnn().eval()
        model.load_state_dict(cnn.state_dict())
        model.qconfig = tq.get_default_qconfig(engine)
        tq.fuse_modules(model, [["conv1", "relu1"], ["conv2", "relu2"], ["fc1", "relu3"]],
                        inplace=True)
        tq.prepare(model, inplace=True)
        with torch.no_grad():
            for _ in range(8):
                model(torch.randn(64, 1, 28, 28))
        tq.convert(model, inplace=True)
        result["cnn"][engine] = both_batches(model)
        dynamic = tq.quantize_dynamic(net, {nn.Linear}, dtype=torch.qint8)
        result["mlp"][engine] = both_batches(dynamic)
        quantized = tq.quantize_dynamic(lstm, {nn.LSTM, nn.Linear}, dtype=torch.qint8)
        result["lstm"][engine] = text_batches(quantized)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
