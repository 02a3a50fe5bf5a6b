"""numpy's load_data: the four files read and turned into arrays, timed per run."""
import time

from mnist_gz import IMAGES_OFFSET, LABELS_OFFSET, arguments, load, print_ms

directory, runs = arguments()
out = []
for _ in range(runs):
    t = time.perf_counter()
    load(directory, "train-images-idx3-ubyte.gz", IMAGES_OFFSET)
    load(directory, "train-labels-idx1-ubyte.gz", LABELS_OFFSET)
    load(directory, "t10k-images-idx3-ubyte.gz", IMAGES_OFFSET)
    load(directory, "t10k-labels-idx1-ubyte.gz", LABELS_OFFSET)
    out.append((time.perf_counter() - t) * 1000)
print_ms(out)
