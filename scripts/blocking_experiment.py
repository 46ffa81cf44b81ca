#!/usr/bin/env python3
"""How far a blocking rule splits an input, and what the split costs: per
rule the blocks (components of the articles linked by a shared key), the
largest block, the stories when each block is clustered on its own, and B3 F1
of those stories against clustering the whole input at once (the answer of
`newsfuse cluster`). This was how newsfuse-dask cut its reduce before it
cut by scored pairs (docs/scale-out.md): a rule is worth having only if it
splits AND keeps F1 at the single machine's, and none did.

    scripts/blocking_experiment.py FILE.jsonl RULE... [--build build]

RULE is KIND:CAP. KIND `single`: each name and word key of the sketch (what
newsfuse-dask used); `pairs`: each pair of an article's name/word keys.
Copy keys and ids are always kept. A key in more than CAP articles links
nothing; a negative CAP is per mille of the input (-5: 0.5% of the articles).
"""
import argparse
import itertools
import os
import sys
import time

import numpy as np

_LOW = (1 << 62) - 1


def rule_keys(kind, keys):
    """The keys an article blocks by under `kind` (top two bits of a sketch
    key: 0 copy band, 1 name, 2 word, 3 id)."""
    kept = [k for k in keys if k >> 62 in (0, 3)]
    terms = sorted(k for k in keys if k >> 62 in (1, 2))
    if kind == "single":
        return kept + terms
    if kind == "pairs":
        return kept + [(hash((a, b)) & _LOW) | (1 << 63) for a, b in itertools.combinations(terms, 2)]
    raise SystemExit(f"blocking_experiment: unknown rule kind '{kind}' (single or pairs)")


def block_edges(cap, keys, articles):
    """Per key shared by 2 to `cap` articles, an edge from each of them to
    the key's first article (a key in more articles links nothing)."""
    order = np.lexsort((articles, keys))
    keys, articles = keys[order], articles[order]
    if len(keys) == 0:
        return articles, articles
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    sizes = np.diff(np.r_[starts, len(keys)])
    keep = np.repeat((sizes >= 2) & (sizes <= cap), sizes)
    first = np.repeat(articles[starts], sizes)
    return first[keep], articles[keep]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input")
    ap.add_argument("rules", nargs="+")
    ap.add_argument("--build", default="build")
    ap.add_argument("--ner-model", default="models/ner-conll2003.bin")
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:0] = [os.path.join(args.build, "python"), os.path.join(here, "..", "python"), here]
    import newsfuse
    from b3_score import b_cubed
    from newsfuse_dask import components

    newsfuse.configure(threads=2, ner_model=args.ner_model)
    with open(args.input, encoding="utf-8") as f:
        records, _, _ = newsfuse.analyse(f.read().splitlines(), args.input)
    records = [r for r in records if r is not None]
    n = len(records)
    keys = newsfuse.blocking_keys(records)
    start = time.monotonic()
    whole = newsfuse.cluster(records)[0]["stories"]
    print(f"{args.input}: {n} articles, {len(whole)} stories clustered whole in {time.monotonic() - start:.1f} s")
    gold = {i: s for s, story in enumerate(whole) for i in story["members"]}
    for rule in args.rules:
        kind, cap = rule.split(":")
        cap = int(cap) if int(cap) > 0 else max(2, -int(cap) * n // 1000)
        pair_keys, pair_articles = [], []
        for a, ks in enumerate(keys):
            use = rule_keys(kind, ks)
            pair_keys.extend(use)
            pair_articles.extend([a] * len(use))
        first, member = block_edges(cap, np.array(pair_keys, dtype=np.uint64),
                                    np.array(pair_articles, dtype=np.int64))
        label = components.connected_components(n, first, member)
        blocks = np.bincount(label, minlength=n)
        start = time.monotonic()
        results = newsfuse.cluster(records, label.tolist())
        seconds = time.monotonic() - start
        stories = [story for group in results for story in group["stories"]]
        pred = {i: s for s, story in enumerate(stories) for i in story["members"]}
        print(f"{kind}:{cap}: blocks {int((blocks > 0).sum())}, largest {int(blocks.max())}, stories {len(stories)}, "
              f"B3 F1 vs whole {b_cubed(pred, gold)[2]:.4f}, clustering per block {seconds:.1f} s")


if __name__ == "__main__":
    main()
