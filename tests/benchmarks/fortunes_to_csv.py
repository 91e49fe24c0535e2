#!/usr/bin/python3
"""Turns Debian's `fortunes` package into the text datasets the text benchmarks train on
(bench_text.py): the N largest categories (default 8) by record count, split 80/20 per category
with a fixed seed (stratified), labels are the category names.

    tests/benchmarks/fortunes_to_csv.py OUT [--categories 8] [--test-fraction 0.2] [--seed 42]
        [--zh] [--source /usr/share/games/fortunes]

Writes, in OUT:
  train.csv, test.csv      "text","label" CSV files (the core's CSV text format);
  train/<label>/NNNNN.txt, test/<label>/NNNNN.txt
                           the same documents as an aclImdb-style folder: the layout
                           loadTextDataset() reads with a test part (a .csv file has none), so
                           `modelforge-cli train --dataset OUT` reports test accuracy;
  pretrain.csv             the text of every category of the source (labels unused, they are
                           the category names only because the CSV reader wants one), without
                           the documents of test.csv: the corpus of masked-token pre-training.

A record is the text between lines holding only `%` in /usr/share/games/fortunes/<category>
(the *.dat/*.u8 index files and the offensive sub-folder are skipped). Terminal escapes and
backspace over-striking are removed, whitespace (records are multi-line) is collapsed to single
spaces and empty records are dropped; a record repeated within a category is kept once, and a
record found in more than one of the chosen categories is dropped (its label is ambiguous).

--zh converts fortunes-zh's files instead (chinese, tang300, song100: Chinese texts and poems,
three categories), for a Chinese case. Prints the per-class counts.
"""
import argparse
import collections
import csv
import os
import random
import re
import sys

DEFAULT_SOURCE = "/usr/share/games/fortunes"
# The files of fortunes-zh (`dpkg -L fortunes-zh`); they sit beside the English ones.
ZH_CATEGORIES = ("chinese", "song100", "tang300")

ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
OVERSTRIKE = re.compile(r".\x08")  # "_\bx" (underlined) and "x\bx" (bold) print as "x"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean(record):
    text = ESCAPE.sub("", record)
    while "\x08" in text:
        stripped = OVERSTRIKE.sub("", text)
        if stripped == text:
            stripped = text.replace("\x08", "")
        text = stripped
    text = CONTROL.sub(" ", text)
    return " ".join(text.split())


def read_records(path):
    with open(path, "rb") as f:
        content = f.read().decode("utf-8", errors="replace")
    records, current = [], []
    for line in content.splitlines():
        if line.rstrip("\r") == "%":
            records.append("\n".join(current))
            current = []
        else:
            current.append(line)
    records.append("\n".join(current))
    return [text for text in (clean(r) for r in records) if text]


def category_files(source, zh):
    names = []
    for name in sorted(os.listdir(source)):
        path = os.path.join(source, name)
        if (name.startswith(".") or name.endswith((".dat", ".u8")) or os.path.islink(path)
                or not os.path.isfile(path)):
            continue  # index files, their .u8 links, and the "off" (offensive) folder
        if (name in ZH_CATEGORIES) == zh:
            names.append(name)
    return names


def load_categories(source, zh):
    """{category: [unique records in file order]} for every category file of the source."""
    categories = {}
    for name in category_files(source, zh):
        records = list(dict.fromkeys(read_records(os.path.join(source, name))))
        if records:
            categories[name] = records
    return categories


def split(categories, chosen, test_fraction, seed):
    """Stratified split: each category shuffled with its own seeded generator, the first
    round(n * test_fraction) records to test. Returns (train rows, test rows, dropped)."""
    owners = collections.Counter(r for name in chosen for r in categories[name])
    train, test, dropped = [], [], 0
    for name in chosen:
        records = [r for r in categories[name] if owners[r] == 1]
        dropped += len(categories[name]) - len(records)
        random.Random(f"{seed}:{name}").shuffle(records)
        n_test = round(len(records) * test_fraction)
        test += [(r, name) for r in records[:n_test]]
        train += [(r, name) for r in records[n_test:]]
    # Interleave the classes, so a reader of the CSV that keeps the file order sees them mixed.
    random.Random(seed).shuffle(train)
    random.Random(seed + 1).shuffle(test)
    return train, test, dropped


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["text", "label"])
        writer.writerows(rows)


def write_folder(directory, rows):
    """rows as directory/<label>/NNNNN.txt, numbered in row order per label."""
    counts = collections.Counter()
    for text, label in rows:
        folder = os.path.join(directory, label)
        if counts[label] == 0:
            os.makedirs(folder, exist_ok=True)
            for old in os.listdir(folder):  # a previous conversion's files
                if old.endswith(".txt"):
                    os.remove(os.path.join(folder, old))
        with open(os.path.join(folder, f"{counts[label]:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(text + "\n")
        counts[label] += 1


def write_dataset(out, train, test):
    """train.csv/test.csv and the same rows as the aclImdb-style train/ and test/ folders."""
    os.makedirs(out, exist_ok=True)
    write_csv(os.path.join(out, "train.csv"), train)
    write_csv(os.path.join(out, "test.csv"), test)
    write_folder(os.path.join(out, "train"), train)
    write_folder(os.path.join(out, "test"), test)


def convert(out, source=DEFAULT_SOURCE, zh=False, top=8, test_fraction=0.2, seed=42,
            quiet=False):
    if not os.path.isdir(source):
        sys.exit(f"{source}: no such folder (apt-get install fortunes fortunes-zh)")
    categories = load_categories(source, zh)
    if not categories:
        sys.exit(f"{source}: no {'fortunes-zh' if zh else 'fortunes'} category files "
                 f"(apt-get install {'fortunes-zh' if zh else 'fortunes'})")
    chosen = sorted(sorted(categories, key=lambda c: (-len(categories[c]), c))[:top])
    train, test, dropped = split(categories, chosen, test_fraction, seed)
    write_dataset(out, train, test)

    test_texts = set(text for text, _ in test)
    pretrain = [(r, name) for name in sorted(categories) for r in categories[name]
                if r not in test_texts]
    write_csv(os.path.join(out, "pretrain.csv"), pretrain)

    if not quiet:
        train_counts = collections.Counter(label for _, label in train)
        test_counts = collections.Counter(label for _, label in test)
        words = [len(text.split()) for text, _ in train]
        print(f"{source}: {len(categories)} categories, the {len(chosen)} largest kept "
              f"(seed {seed}, test fraction {test_fraction}); {dropped} records dropped as "
              f"found in more than one of them")
        print(f"{'class':16s}{'train':>8s}{'test':>8s}")
        for name in chosen:
            print(f"{name:16s}{train_counts[name]:8d}{test_counts[name]:8d}")
        print(f"{'all':16s}{len(train):8d}{len(test):8d}")
        words.sort()
        chars = sorted(len(text) for text, _ in train)
        print(f"train documents: whitespace-separated words median {words[len(words) // 2]}, "
              f"90th percentile {words[len(words) * 9 // 10]}, max {words[-1]}; characters "
              f"median {chars[len(chars) // 2]}, max {chars[-1]}")
        print(f"pre-training corpus: {len(pretrain)} documents of all {len(categories)} "
              f"categories, test documents left out")
        print(f"written: {out}/train.csv, {out}/test.csv, {out}/train/<label>/*.txt, "
              f"{out}/test/<label>/*.txt, {out}/pretrain.csv")
    return chosen, train, test


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="output folder")
    parser.add_argument("--source", default=DEFAULT_SOURCE)
    parser.add_argument("--zh", action="store_true", help="convert fortunes-zh instead")
    parser.add_argument("--categories", type=int, default=8, help="keep the N largest")
    parser.add_argument("--test-fraction", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    convert(args.out, args.source, args.zh, args.categories, args.test_fraction, args.seed)


if __name__ == "__main__":
    main()
