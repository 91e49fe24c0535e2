#!/usr/bin/python3
"""Text classification on Debian's fortunes (fortunes_to_csv.py: the 8 largest categories,
seeded stratified 80/20 split), three parts:

  accuracy    each text preset trained with `modelforge-cli train` (source recipe: Elman RNN,
              embedding 32, hidden 32, RMSprop; biGRU; TextCNN 3,4,5 x 64 filters; bag of
              embeddings, mean) on words alone and again with `--punctuation` (punctuation
              marks as tokens), its test accuracy beside a TF-IDF + logistic-regression
              baseline (python3-sklearn; C chosen by 5-fold cross-validation on train.csv)
              trained on the same train.csv and scored on the same test.csv. Target: best
              preset >= baseline (sklearn's default tokens); the baseline given punctuation
              tokens as well is printed beside it, so the comparison on equal tokens shows too.
  throughput  the biGRU preset: samples/s of `modelforge-cli train` against the same model and
              loop in PyTorch (peer_pytorch_text.py), same data, vocabulary size, sequence
              length, batch, optimiser and threads, rounds alternating which goes first.
              Prints both with the ratio modelforge/pytorch (target >= 1.1).
  pretrain    a Transformer encoder pre-trained with masked tokens on the text of every
              fortunes category (pretrain.csv, labels unused, test documents left out), then
              fine-tuned with 10% of the training labels (a seeded, stratified subset written
              by this script) against the same model trained from scratch on those 10%. Needs
              `train --objective masked_tokens`, `--init-from RUN` and `--freeze-epochs N`.

    tests/benchmarks/bench_text.py --cli build/app/cli/modelforge-cli
        [--accuracy] [--throughput] [--pretrain]   (none given: accuracy and throughput)
        [--data DIR] [--zh] [--threads N ...] [--rounds 3] [--throughput-epochs 2]

--data names a folder fortunes_to_csv.py wrote (default: a fresh conversion in a temporary
folder); --zh converts fortunes-zh instead (a Chinese case: 3 categories). The CLI trains on
the folder's train/<label>/*.txt and test/<label>/*.txt (the layout the core reads with a test
part); the baseline and the peer read train.csv and test.csv, the same documents. Every
CLI run goes to a throwaway --workspace (or --workspace DIR, kept). On 2 cores the accuracy
part takes ~10 minutes (eight runs), the throughput part ~3; the pretrain part is dominated by
masked-token pre-training of ~12,400 documents per epoch (--pretrain-epochs, default 3).
"""
import argparse
import csv
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import fortunes_to_csv  # noqa: E402

PHASES = ["data", "forward", "backward", "optimizer", "recording", "total"]
TEXT_FLAGS = ["--sequence-length", "64", "--max-vocab", "20000", "--min-frequency", "2"]

# name -> (model spec, training flags). Chosen on the validation split, never on test.csv.
PRESETS = {
    "source recipe (RNN 32)": (
        {"type": "rnn", "embedding_dim": 32, "hidden_size": 32},
        ["--optimizer", "rmsprop", "--lr", "1e-3", "--batch-size", "128", "--epochs", "20"]),
    "biGRU 64": (
        {"type": "gru", "embedding_dim": 64, "hidden_size": 64, "bidirectional": True,
         "dropout": 0.5},
        ["--optimizer", "adam", "--lr", "2e-3", "--batch-size", "64", "--epochs", "12"]),
    "TextCNN 3,4,5x64": (
        {"type": "textcnn", "embedding_dim": 64, "kernel_sizes": [3, 4, 5], "filters": 64,
         "dropout": 0.5},
        ["--optimizer", "adam", "--lr", "2e-3", "--batch-size", "64", "--epochs", "15",
         "--sequence-length", "256"]),
    "bag (mean)": (
        {"type": "bag", "embedding_dim": 64, "pooling": "mean"},
        ["--optimizer", "adam", "--lr", "5e-3", "--batch-size", "64", "--epochs", "12",
         "--sequence-length", "256"]),
}
THROUGHPUT_PRESET = "biGRU 64"
# The accuracy part trains every preset with each of these tokenizations: sklearn's token
# pattern for the baseline beside it (its default drops one-character words; the punctuation
# one keeps them, as the engine's tokenizer does).
TOKENS = {
    "words": ([], r"(?u)\b\w\w+\b"),
    "words+punct.": (["--punctuation"], r"(?u)\w+|[^\w\s]"),
}

# The pretrain part keeps the vocabulary to 10,000 entries for all three of its runs (the
# figures in the notes were measured so; the token head's cost grows with the vocabulary).
PRETRAIN_TEXT_FLAGS = ["--sequence-length", "64", "--max-vocab", "10000", "--min-frequency", "2"]
TRANSFORMER = {"type": "transformer", "embedding_dim": 64, "max_length": 64, "layers": 2,
               "heads": 4, "ff_dim": 128, "dropout": 0.1}


class CliError(RuntimeError):
    pass


def run_cli(cli, workspace, arguments, retries=10):
    """`modelforge-cli --json --workspace W train ...`, its JSON result. Waits while the binary
    is missing or being relinked (another build may be replacing it)."""
    command = [cli, "--json", "--workspace", workspace] + arguments
    for attempt in range(retries + 1):
        if not os.access(cli, os.X_OK):
            if attempt == retries:
                raise CliError(f"{cli}: not found or not executable")
            print(f"  {cli} is missing, waiting 30 s", file=sys.stderr, flush=True)
            time.sleep(30)
            continue
        try:
            done = subprocess.run(command, capture_output=True, text=True)
        except OSError as error:  # ETXTBSY while the linker writes it
            if attempt == retries:
                raise CliError(f"{cli}: {error}")
            time.sleep(30)
            continue
        if done.returncode != 0:
            raise CliError(f"exit {done.returncode}: {done.stderr.strip() or done.stdout[-500:]}"
                           f"\n  command: {' '.join(command)}")
        result = json.loads(done.stdout)
        # A stop (SIGINT/SIGTERM) exits 0 with outcome "stopped": no figures to report.
        if isinstance(result, dict) and result.get("outcome", "finished") not in (
                "finished", "early_stopped"):
            raise CliError(f"run {result.get('run')} ended {result['outcome']} "
                           f"{result.get('failure_reason', '')}\n  command: {' '.join(command)}")
        return result
    raise CliError("unreachable")


def write_config(workspace, name, spec):
    path = os.path.join(workspace, f"{name}.json")
    with open(path, "w") as f:
        json.dump({"model": spec}, f)
    return path


def train_preset(args, workspace, name, threads, extra=(), dataset=None, epochs=None):
    spec, flags = PRESETS[name]
    # The preset's own flags win over TEXT_FLAGS (e.g. a longer --sequence-length).
    values = dict(zip(TEXT_FLAGS[::2], TEXT_FLAGS[1::2]))
    values.update(zip(flags[::2], flags[1::2]))
    if epochs is not None:
        values["--epochs"] = str(epochs)
    config = write_config(workspace, "".join(c for c in name if c.isalnum()), spec)
    return run_cli(args.cli, workspace,
                   ["train", "--config", config, "--dataset", dataset or args.data,
                    "--threads", str(threads), "--seed", str(args.seed), "--quiet"]
                   + [item for pair in values.items() for item in pair] + list(extra))


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [r["text"] for r in rows], [r["label"] for r in rows]


def is_cjk(texts):
    sample = "".join(texts[:500])
    return sum(1 for c in sample if "\u3400" <= c <= "\u9fff") > len(sample) / 4


def baseline(train_csv, test_csv, seed, token_pattern=TOKENS["words"][1]):
    """TF-IDF (sublinear tf; tokens by `token_pattern`, or character 1-2-grams for Chinese) +
    multinomial logistic regression, C from {1, 3, 10} by 5-fold cross-validation on the
    training file."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GridSearchCV
    from sklearn.pipeline import make_pipeline

    texts, labels = read_csv(train_csv)
    test_texts, test_labels = read_csv(test_csv)
    vectorizer = (TfidfVectorizer(sublinear_tf=True, analyzer="char", ngram_range=(1, 2))
                  if is_cjk(texts) else
                  TfidfVectorizer(sublinear_tf=True, token_pattern=token_pattern))
    search = GridSearchCV(make_pipeline(vectorizer, LogisticRegression(max_iter=2000)),
                          {"logisticregression__C": [1.0, 3.0, 10.0]},
                          cv=5, n_jobs=1)
    search.fit(texts, labels)
    predicted = search.predict(test_texts)
    accuracy = sum(p == t for p, t in zip(predicted, test_labels)) / len(test_labels)
    return accuracy, search.best_params_["logisticregression__C"]


def part_accuracy(args, workspace):
    threads = args.threads[0]
    print(f"\n=== accuracy: {args.data}, {threads} thread(s), text "
          f"{' '.join(TEXT_FLAGS)} (TextCNN and bag: --sequence-length 256), seed {args.seed}",
          flush=True)
    train_csv, test_csv = (os.path.join(args.data, f) for f in ("train.csv", "test.csv"))
    baselines = {}
    for tokens, (_, pattern) in TOKENS.items():
        start = time.perf_counter()
        baselines[tokens] = baseline(train_csv, test_csv, args.seed, pattern)
        print(f"  baseline TF-IDF + logistic regression, {tokens} ({pattern}, C="
              f"{baselines[tokens][1]:g} by 5-fold CV): test accuracy {baselines[tokens][0]:.4f} "
              f"({time.perf_counter() - start:.0f} s)", file=sys.stderr, flush=True)
    base = baselines["words"][0]
    rows = []
    for name in PRESETS:
        for tokens, (flags, _) in TOKENS.items():
            start = time.perf_counter()
            try:
                result = train_preset(args, workspace, name, threads, extra=flags)
                seconds = time.perf_counter() - start
                rows.append((name, tokens, result["test"]["accuracy"], result["epochs"],
                             result["best_val_accuracy"], result["samples_per_second"], seconds,
                             result))
                print(f"  {name}, {tokens}: test accuracy {result['test']['accuracy']:.4f} "
                      f"({seconds:.0f} s)", file=sys.stderr, flush=True)
            except CliError as error:
                rows.append((name, tokens, None, 0, None, None, time.perf_counter() - start,
                             None))
                print(f"  {name}, {tokens}: modelforge-cli failed: {error}", file=sys.stderr,
                      flush=True)

    print(f"{'preset':24s}{'tokens':>14s}{'epochs':>7s}{'best val':>10s}{'test acc':>10s}"
          f"{'baseline':>10s}{'diff':>9s}{'same tok.':>10s}{'diff':>9s}{'samples/s':>11s}"
          f"{'seconds':>9s}")
    for name, tokens, acc, epochs, val, speed, seconds, _ in rows:
        same = baselines[tokens][0]
        if acc is None:
            print(f"{name:24s}{tokens:>14s}{'failed':>7s}{'':20s}{base:10.4f}{'':9s}{same:10.4f}")
            continue
        print(f"{name:24s}{tokens:>14s}{epochs:7d}{val:10.4f}{acc:10.4f}{base:10.4f}"
              f"{acc - base:+9.4f}{same:10.4f}{acc - same:+9.4f}{speed:11.0f}{seconds:9.0f}")
    done = [r for r in rows if r[2] is not None]
    if done:
        chosen = max(done, key=lambda r: r[4])
        best = max(done, key=lambda r: r[2])
        print(f"best preset: {best[0]}, {best[1]} {best[2]:.4f} vs baseline {base:.4f} "
              f"({'meets' if best[2] >= base else 'misses'} the target best >= baseline); "
              f"vs the baseline on the same tokens {baselines[best[1]][0]:.4f}: "
              f"{best[2] - baselines[best[1]][0]:+.4f}")
        print(f"chosen on validation: {chosen[0]}, {chosen[1]} (best val {chosen[4]:.4f}), "
              f"test {chosen[2]:.4f}", flush=True)
    return rows


def run_peer(args, threads, epochs):
    spec, flags = PRESETS[THROUGHPUT_PRESET]
    value = dict(zip(flags[::2], flags[1::2]))
    text = dict(zip(TEXT_FLAGS[::2], TEXT_FLAGS[1::2]))
    command = ["/usr/bin/python3", os.path.join(HERE, "peer_pytorch_text.py"),
               "--train", os.path.join(args.data, "train.csv"),
               "--test", os.path.join(args.data, "test.csv"),
               "--epochs", str(epochs), "--threads", str(threads), "--seed", str(args.seed),
               "--batch-size", value["--batch-size"], "--lr", value["--lr"],
               "--sequence-length", text["--sequence-length"],
               "--max-vocab", text["--max-vocab"], "--min-frequency", text["--min-frequency"],
               "--embedding-dim", str(spec["embedding_dim"]),
               "--hidden-size", str(spec["hidden_size"]), "--dropout", str(spec["dropout"])]
    result = json.loads(subprocess.run(command, check=True, capture_output=True,
                                       text=True).stdout)
    return {"speed": result["samples_per_second"], "accuracy": result["test_accuracy"],
            "phases": result["phases_ms_per_step"], "vocab": result["vocab_size"]}


def median_phases(runs):
    return {p: statistics.median(r["phases"][p] for r in runs) for p in PHASES}


def part_throughput(args, workspace):
    ratios, first = {}, None
    for threads in dict.fromkeys(args.threads):
        ours, peer = [], []
        for round_ in range(args.rounds):
            for who in (["cli", "peer"] if round_ % 2 == 0 else ["peer", "cli"]):
                load = os.getloadavg()[0]
                if who == "cli":
                    result = train_preset(args, workspace, THROUGHPUT_PRESET, threads,
                                          epochs=args.throughput_epochs)
                    run = {"speed": result["samples_per_second"],
                           "accuracy": result["test"]["accuracy"],
                           "phases": result["phases_ms_per_step"], "result": result}
                    ours.append(run)
                    first = first or result
                else:
                    run = run_peer(args, threads, args.throughput_epochs)
                    peer.append(run)
                print(f"  round {round_ + 1} {who:4s} {run['speed']:8.0f} samples/s  "
                      f"test acc {run['accuracy']:.4f}  (load average before: {load:.2f})",
                      file=sys.stderr, flush=True)
        ours_speed = statistics.median(r["speed"] for r in ours)
        peer_speed = statistics.median(r["speed"] for r in peer)
        ratio = ratios[threads] = ours_speed / peer_speed
        spec, flags = PRESETS[THROUGHPUT_PRESET]
        print(f"\n=== throughput, {threads} thread(s): {THROUGHPUT_PRESET} (embedding "
              f"{spec['embedding_dim']}, hidden {spec['hidden_size']}, bidirectional, packed), "
              f"{' '.join(flags[:6])}, {' '.join(TEXT_FLAGS)}, {args.throughput_epochs} "
              f"epoch(s), median of {args.rounds} round(s)")
        print(f"{'':24s}{'samples/s':>12s}{'test acc':>10s}")
        print(f"{'modelforge-cli':24s}{ours_speed:12.0f}"
              f"{statistics.median(r['accuracy'] for r in ours):10.4f}")
        print(f"{'PyTorch (Python) peer':24s}{peer_speed:12.0f}"
              f"{statistics.median(r['accuracy'] for r in peer):10.4f}")
        print(f"ratio modelforge/pytorch at {threads} thread(s): {ratio:.3f}  (target >= 1.1); "
              f"vocabulary: peer {peer[0]['vocab']} entries, modelforge "
              f"{vocab_size(args, workspace, ours[0]['result']['run'])}")
        ours_phases, peer_phases = median_phases(ours), median_phases(peer)
        print(f"ms per step {''.join(f'{p:>10s}' for p in PHASES)}")
        print(f"{'modelforge':12s}{''.join(f'{ours_phases[p]:10.2f}' for p in PHASES)}")
        print(f"{'pytorch':12s}{''.join(f'{peer_phases[p]:10.2f}' for p in PHASES)}")
        print(f"{'pytorch/ours':12s}"
              + "".join(f"{peer_phases[p] / ours_phases[p]:10.2f}" if ours_phases[p] > 0
                        else f"{'-':>10s}" for p in PHASES), flush=True)
    return ratios, first


def vocab_size(args, workspace, run):
    try:
        exported = run_cli(args.cli, workspace, ["runs", "export", str(run)])
        return exported[0]["params"].get("model.vocab_size", "?")
    except (CliError, KeyError, IndexError, TypeError, AttributeError):
        return "?"


def write_subset(data, out, fraction, seed):
    """A seeded, stratified `fraction` of data/train.csv with all of data/test.csv, written
    like fortunes_to_csv.py writes a dataset (CSV files and aclImdb-style folders)."""
    texts, labels = read_csv(os.path.join(data, "train.csv"))
    test_texts, test_labels = read_csv(os.path.join(data, "test.csv"))
    by_label = {}
    for text, label in zip(texts, labels):
        by_label.setdefault(label, []).append(text)
    subset = []
    for label in sorted(by_label):
        rows = by_label[label]
        random.Random(f"{seed}:subset:{label}").shuffle(rows)
        subset += [(t, label) for t in rows[:max(1, round(len(rows) * fraction))]]
    random.Random(seed).shuffle(subset)
    fortunes_to_csv.write_dataset(out, subset, list(zip(test_texts, test_labels)))
    return len(subset), len(texts)


def part_pretrain(args, workspace):
    threads = args.threads[0]
    few = os.path.join(workspace, "labels-10pct")
    kept, total = write_subset(args.data, few, 0.1, args.seed)
    config = os.path.join(workspace, "transformer.json")
    with open(config, "w") as f:
        json.dump({"model": TRANSFORMER}, f)
    common = ["--config", config, "--threads", str(threads), "--seed", str(args.seed),
              "--optimizer", "adamw", "--lr", "1e-3", "--batch-size", "64", "--quiet"]
    print(f"\n=== pre-training: Transformer {json.dumps(TRANSFORMER)}, {threads} thread(s), "
          f"{' '.join(PRETRAIN_TEXT_FLAGS)}; fine-tuning on {kept} of {total} training documents (10%, stratified, seed "
          f"{args.seed}: {few}/train.csv)", flush=True)

    pretrain_csv = os.path.join(args.data, "pretrain.csv")
    start = time.perf_counter()
    parent = run_cli(args.cli, workspace,
                     ["train", "--dataset", pretrain_csv, "--objective", "masked_tokens",
                      "--epochs", str(args.pretrain_epochs)] + common + PRETRAIN_TEXT_FLAGS)
    validation = parent.get("validation", {})
    print(f"  pre-trained run {parent['run']} on {pretrain_csv}: {parent['epochs']} epoch(s), "
          f"{parent['samples_per_second']:.0f} samples/s, {time.perf_counter() - start:.0f} s; "
          f"validation masked-token loss {validation.get('loss', float('nan')):.4f}, accuracy "
          f"{validation.get('accuracy', float('nan')):.4f}", flush=True)

    epochs = ["--epochs", str(args.finetune_epochs)]
    # The child reuses the parent's vocabulary, but not its sequence length (the default, 128,
    # exceeds max_length): the same text flags go to all three runs.
    tuned = run_cli(args.cli, workspace,
                    ["train", "--dataset", few, "--init-from", str(parent["run"]),
                     "--freeze-epochs", str(args.freeze_epochs)] + epochs + common
                    + PRETRAIN_TEXT_FLAGS)
    scratch = run_cli(args.cli, workspace,
                      ["train", "--dataset", few] + epochs + common + PRETRAIN_TEXT_FLAGS)
    try:
        params = run_cli(args.cli, workspace, ["runs", "export", str(tuned["run"])])[0]["params"]
        print(f"  run {tuned['run']} loaded {len(json.loads(params['finetune.loaded']))} "
              f"parameter tensors from run {parent['run']}; new: {params['finetune.new']}; "
              f"skipped: {params['finetune.skipped']}", flush=True)
    except (CliError, KeyError, IndexError, ValueError, TypeError):
        pass
    base, c = baseline(os.path.join(few, "train.csv"), os.path.join(few, "test.csv"), args.seed)
    print(f"{'10% of the labels':40s}{'test acc':>10s}")
    print(f"{'fine-tuned from the pre-trained encoder':40s}{tuned['test']['accuracy']:10.4f}"
          f"   (run {tuned['run']}, encoder frozen {args.freeze_epochs} epoch(s))")
    print(f"{'same model from scratch':40s}{scratch['test']['accuracy']:10.4f}"
          f"   (run {scratch['run']})")
    print(f"{'TF-IDF + logistic regression':40s}{base:10.4f}   (C={c:g})")
    print(f"difference fine-tuned - scratch: "
          f"{tuned['test']['accuracy'] - scratch['test']['accuracy']:+.4f}", flush=True)
    return parent


def processor():
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        return next(line.split(":", 1)[1].strip() for line in out.splitlines()
                    if line.startswith("Model name"))
    except (OSError, StopIteration):
        return "?"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", default="build/app/cli/modelforge-cli")
    parser.add_argument("--data", help="a folder fortunes_to_csv.py wrote (default: convert "
                                       "now into a temporary folder)")
    parser.add_argument("--zh", action="store_true", help="convert fortunes-zh instead")
    parser.add_argument("--accuracy", action="store_true")
    parser.add_argument("--throughput", action="store_true")
    parser.add_argument("--pretrain", action="store_true")
    parser.add_argument("--threads", type=int, nargs="+", default=[os.cpu_count()],
                        help="thread counts; the accuracy and pretrain parts use the first")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--throughput-epochs", type=int, default=2)
    parser.add_argument("--pretrain-epochs", type=int, default=3)
    parser.add_argument("--finetune-epochs", type=int, default=15)
    parser.add_argument("--freeze-epochs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--workspace", help="run store to use (default: a temporary one)")
    args = parser.parse_args()
    if not (args.accuracy or args.throughput or args.pretrain):
        args.accuracy = args.throughput = True
    args.cli = os.path.abspath(args.cli)

    with tempfile.TemporaryDirectory(prefix="bench_text.") as scratch:
        workspace = args.workspace or os.path.join(scratch, "workspace")
        os.makedirs(workspace, exist_ok=True)
        if not args.data:
            args.data = os.path.join(scratch, "fortunes-zh" if args.zh else "fortunes")
            fortunes_to_csv.convert(args.data, zh=args.zh, seed=args.seed)
        args.data = os.path.abspath(args.data)
        first = None
        if args.accuracy:
            rows = part_accuracy(args, workspace)
            first = next((r[7] for r in rows if r[7]), None)
        if args.throughput:
            ratios, first = part_throughput(args, workspace)
        if args.pretrain:
            parent = part_pretrain(args, workspace)
            first = first or parent

    kernels = (first or {}).get("kernels", {})
    libraries = (first or {}).get("libraries", {})
    peer = subprocess.run(["/usr/bin/python3", "-c", "import torch; print(torch.__version__)"],
                          capture_output=True, text=True).stdout.strip() or "?"
    print(f"\nprocessor: {processor()}; {os.cpu_count()} cores; ATen CPU capability: "
          f"{kernels.get('capability', '?')}; libtorch {libraries.get('libtorch', '?')} "
          f"(peer: torch {peer})")
    if args.throughput:
        print("ratios modelforge/pytorch: " +
              ", ".join(f"{t} thread(s) {r:.3f}" for t, r in ratios.items()) +
              "  (target >= 1.1)")


if __name__ == "__main__":
    main()
