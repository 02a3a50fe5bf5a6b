"""numpy on the same pixels, loaded once, then timed per run: a plain pass over every pixel
(`X.sum(axis=1)`, the ink), then the statistics the app computes written the usual numpy way
(class means and standard deviations, pixel histogram, ink, distance to the class mean)."""
import time

import numpy as np

from mnist_gz import arguments, load_images, load_labels, print_ms

directory, runs = arguments()
splits = [(load_images(directory, s), load_labels(directory, s)) for s in ("train", "test")]
one, same = [], []
for _ in range(runs):
    t = time.perf_counter()
    for X, y in splits:
        X.sum(axis=1, dtype=np.int64)
    one.append((time.perf_counter() - t) * 1000)
    t = time.perf_counter()
    for X, y in splits:
        counts = np.bincount(y, minlength=10)
        ink = X.sum(axis=1, dtype=np.int64)
        hist = np.bincount(X.ravel(), minlength=256)
        for k in range(10):
            members = X[y == k]
            mean = members.mean(axis=0)
            std = members.std(axis=0)
            dist = np.linalg.norm(members - mean, axis=1)
    same.append((time.perf_counter() - t) * 1000)
print_ms(one)
print_ms(same)
