"""The figure that says a map is right, from its coordinates alone (not the app's code).

For each CSV of `split,index,label,x,y` (the Map view's Save coordinates), every digit's 10
nearest other points on the map (Euclidean, exact: scipy's cKDTree where there is scipy, a numpy
brute force otherwise), and the share of digits whose own label wins the vote of those 10 (a tie
goes to the tied label met first, nearest first). Prints one line per file: that share.
usage: python3 map_agreement.py FILE.csv [FILE.csv ...]
"""
import sys
import numpy as np

K = 10


def neighbours(xy):
    n = len(xy)
    try:
        from scipy.spatial import cKDTree
        _, idx = cKDTree(xy).query(xy, k=K + 1)
    except ImportError:
        idx = np.empty((n, K + 1), dtype=np.int64)
        sq = (xy ** 2).sum(axis=1)
        for start in range(0, n, 1000):
            d2 = sq[start:start + 1000, None] + sq[None, :] - 2 * xy[start:start + 1000] @ xy.T
            part = np.argpartition(d2, K + 1, axis=1)[:, :K + 2]
            rows = np.take_along_axis(d2, part, axis=1)
            idx[start:start + 1000] = np.take_along_axis(part, np.argsort(rows, axis=1, kind="stable"), axis=1)[:, :K + 1]
    out = np.empty((n, K), dtype=np.int64)
    for i in range(n):
        row = idx[i]
        out[i] = row[row != i][:K]  # self is usually first; with exact duplicates it may not be
    return out


def agreement(path):
    labels = np.loadtxt(path, delimiter=",", skiprows=1, usecols=(2,), dtype=np.int64)
    xy = np.loadtxt(path, delimiter=",", skiprows=1, usecols=(3, 4))
    near = labels[neighbours(xy)]
    agree = 0
    for i in range(len(labels)):
        counts = np.bincount(near[i], minlength=labels.max() + 1)
        tops = np.flatnonzero(counts == counts.max())
        winner = tops[0] if len(tops) == 1 else next(l for l in near[i] if l in tops)
        agree += winner == labels[i]
    return agree / len(labels)


for arg in sys.argv[1:]:
    print(f"{agreement(arg):.4f}", flush=True)
