"""MNIST's four .gz files read the way the notebook and Keras read them: gzip, then np.frombuffer.

Shared by the benchmark's numpy references; each is run as `python3 <script> <dir> <runs>` and
prints one line per measure: the milliseconds of every run, separated by spaces.
"""
import gzip
import sys

import numpy as np

PIXELS_PER_IMAGE = 28 * 28
# The IDX header: four bytes, then four per dimension (images have three, labels one).
IMAGES_OFFSET = 16
LABELS_OFFSET = 8


def load(directory, name, offset):
    with gzip.open(f"{directory}/{name}", "rb") as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)


def file_prefix(split):
    """The files' own word for the split: "train" or "t10k" (the test split)."""
    return "train" if split == "train" else "t10k"


def load_images(directory, split):
    return load(directory, f"{file_prefix(split)}-images-idx3-ubyte.gz", IMAGES_OFFSET).reshape(-1, PIXELS_PER_IMAGE)


def load_labels(directory, split):
    return load(directory, f"{file_prefix(split)}-labels-idx1-ubyte.gz", LABELS_OFFSET)


def arguments():
    """The folder of the four files and how many timed runs."""
    return sys.argv[1], int(sys.argv[2])


def print_ms(times):
    print(" ".join(f"{x:.3f}" for x in times))
