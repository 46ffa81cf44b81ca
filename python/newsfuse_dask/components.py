"""The global union: connected components of the block edges, and the
assignment of components to reducers."""
import heapq

import numpy as np


def connected_components(n, first, member):
    """Per node 0..n-1 the smallest node of its component, for the edges
    first[k]-member[k]: min-label propagation with pointer jumping (a few
    vectorised rounds; no recursion, no per-edge Python)."""
    label = np.arange(n, dtype=np.int64)
    if len(first) == 0:
        return label
    while True:
        low = np.minimum(label[first], label[member])
        before = label.copy()
        np.minimum.at(label, first, low)
        np.minimum.at(label, member, low)
        while True:  # point each node at its label's label until stable
            jumped = label[label]
            if np.array_equal(jumped, label):
                break
            label = jumped
        if np.array_equal(label, before):
            return label


def assign_reducers(label, valid, reducers):
    """Per node the reducer of its component: the largest components first,
    each to the least loaded reducer, so the reducers get about equal work."""
    sizes = np.bincount(label[valid], minlength=len(label))
    comps = np.flatnonzero(sizes)
    comps = comps[np.argsort(-sizes[comps], kind="stable")]
    reducer_of = np.zeros(len(label), dtype=np.int64)
    load = [(0, r) for r in range(reducers)]
    for c in comps.tolist():
        work, r = heapq.heappop(load)
        reducer_of[c] = r
        heapq.heappush(load, (work + int(sizes[c]), r))
    return reducer_of[label], sizes[comps]
