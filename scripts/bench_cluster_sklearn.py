#!/usr/bin/python3
"""The reference a user would otherwise reach for: scikit-learn TF-IDF plus
average-link agglomerative clustering over cosine distance, on a JSONL corpus
with gold labels (`newsfuse-bench gen-corpus` writes one). Prints its time and its
B-cubed / pairwise scores with the same contingency-table definitions as
`newsfuse eval cluster` (Miranda et al. 2018).

Needs Debian's python3-sklearn (scripts/setup installs it). Run with the
system interpreter: /usr/bin/python3 scripts/bench_cluster_sklearn.py FILE
"""
import argparse
import collections
import json
import sys
import time


def scores(gold, pred):
    n = len(gold)
    cont = collections.Counter(zip(gold, pred))
    gs = collections.Counter(gold)
    ps = collections.Counter(pred)
    bp = sum(v * v / ps[p] for (g, p), v in cont.items()) / n
    br = sum(v * v / gs[g] for (g, p), v in cont.items()) / n
    c2 = lambda x: x * (x - 1) / 2
    tp = sum(c2(v) for v in cont.values())
    pp = sum(c2(v) for v in ps.values())
    gp = sum(c2(v) for v in gs.values())
    f = lambda p, r: 2 * p * r / (p + r) if p + r else 0.0
    P = tp / pp if pp else 0.0
    R = tp / gp if gp else 0.0
    return bp, br, f(bp, br), P, R, f(P, R), len(ps)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("file")
    ap.add_argument("--threshold", type=float, default=0.16,
                    help="cosine similarity at which groups merge (the ECB+ README's tuned 0.16)")
    ap.add_argument("--label", default="story", help="gold label field")
    args = ap.parse_args()
    try:
        import numpy as np
        from sklearn.cluster import AgglomerativeClustering
        from sklearn.feature_extraction.text import TfidfVectorizer
    except ImportError as e:
        print(f"bench_cluster_sklearn: {e}; install python3-sklearn (scripts/setup)", file=sys.stderr)
        return 2
    docs, gold = [], []
    with open(args.file, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            docs.append((d.get("title") or "") + "\n" + (d.get("text") or ""))
            gold.append(d.get(args.label))
    t0 = time.perf_counter()
    X = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(docs)
    t1 = time.perf_counter()
    D = 1.0 - (X @ X.T).toarray()
    np.clip(D, 0.0, None, out=D)
    np.fill_diagonal(D, 0.0)
    labels = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                     distance_threshold=1.0 - args.threshold).fit_predict(D)
    t2 = time.perf_counter()
    bp, br, bf, pp, pr, pf, k = scores(gold, list(labels))
    print(f"sklearn TF-IDF + agglomerative (average link, cosine >= {args.threshold:.2f}): "
          f"{len(docs)} articles, {k} clusters, {t2 - t0:.2f} s "
          f"(vectorize {t1 - t0:.2f} s, cluster {t2 - t1:.2f} s), {len(docs) / (t2 - t0):.0f} articles/s")
    print(f"  B-cubed   P {bp:.3f}  R {br:.3f}  F1 {bf:.3f}")
    print(f"  pairwise  P {pp:.3f}  R {pr:.3f}  F1 {pf:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
