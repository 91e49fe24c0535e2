#!/usr/bin/python3
"""The torchvision peer of bench_augment: random crop (padding 4), horizontal flip, brightness
and contrast jitter (0.2) and normalisation applied per sample by torchvision transforms in a
DataLoader (batch 256, num_workers 0) over random uint8 CIFAR-sized images [3, 32, 32].
Prints one JSON object: images_per_second, images, batch_size, threads."""
import argparse
import json
import time

import torch
import torchvision.transforms as T
from torch.utils.data import DataLoader, Dataset

CIFAR_MEAN = (0.4914, 0.4822, 0.4465)
CIFAR_STD = (0.2470, 0.2435, 0.2616)


class TransformedImages(Dataset):
    def __init__(self, images, transform):
        self.images = images
        self.transform = transform

    def __len__(self):
        return len(self.images)

    def __getitem__(self, index):
        return self.transform(self.images[index])


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--batches", type=int, default=50)
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--threads", type=int, default=torch.get_num_threads())
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    images = torch.randint(0, 256, (args.batches * args.batch_size, 3, 32, 32), dtype=torch.uint8)
    transform = T.Compose([
        T.ConvertImageDtype(torch.float32),
        T.RandomCrop(32, padding=4),
        T.RandomHorizontalFlip(),
        T.ColorJitter(brightness=0.2, contrast=0.2),
        T.Normalize(CIFAR_MEAN, CIFAR_STD),
    ])
    loader = DataLoader(TransformedImages(images, transform), batch_size=args.batch_size,
                        shuffle=False, num_workers=0)
    for i in range(args.batch_size):  # warm-up, outside the timing
        transform(images[i])

    count = 0
    start = time.perf_counter()
    for batch in loader:
        count += batch.shape[0]
    seconds = time.perf_counter() - start
    print(json.dumps({"images_per_second": count / seconds, "images": count,
                      "batch_size": args.batch_size, "threads": args.threads}))


if __name__ == "__main__":
    main()
