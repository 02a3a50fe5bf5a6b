"""The classifier's figures from the probabilities CSV the Model view saves (Save probabilities),
computed here with numpy alone: test accuracy (the first model), cross-validated train accuracy,
expected calibration error on the test split (15 equal-width bins of the top probability), and
confident learning's label issues per split (cleanlab's rule). Prints one JSON object."""
import json
import sys

import numpy as np


def issues(p, y):
    k = p.shape[1]
    t = np.array([p[y == c, c].mean() if (y == c).any() else np.nan for c in range(k)])
    ok = p >= t - 1e-6
    n = ok.sum(axis=1)
    guess = np.where(n > 1, p.argmax(axis=1), ok.argmax(axis=1))
    return int(((n > 0) & (guess != y)).sum())


def ece(p, y, bins=15):
    top = p.max(axis=1)
    right = p.argmax(axis=1) == y
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for a, b in zip(edges[:-1], edges[1:]):
        inside = (top > a) & (top <= b)
        if inside.any():
            total += inside.mean() * abs(right[inside].mean() - top[inside].mean())
    return float(total)


def main(path):
    with open(path) as f:
        header = f.readline().strip().split(',')
        rows = [line.rstrip('\n').split(',') for line in f]
    split = np.array([r[0] for r in rows])
    y = np.array([int(r[2]) for r in rows])
    predicted = np.array([int(r[3]) for r in rows])
    p = np.array([[float(v) for v in r[4:]] for r in rows])
    assert len(header) == 4 + p.shape[1]
    out = {}
    for s in ('test', 'train'):
        m = split == s
        out[s] = {
            'count': int(m.sum()),
            'accuracy': float((p[m].argmax(axis=1) == y[m]).mean()) if m.any() else None,
            'argmaxMatchesExport': bool((p[m].argmax(axis=1) == predicted[m]).all()),
            'ece': ece(p[m], y[m]) if m.any() else None,
            'issues': issues(p[m], y[m]) if m.any() else 0,
        }
    print(json.dumps(out))


main(sys.argv[1])
