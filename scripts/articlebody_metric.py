"""The article-extraction benchmark's metric, for the scripts that score bodies
(bench_extract, extract_ceiling); eval/articlebody_eval.h is the same in C++.

Tokens are `\\w+` runs; a text becomes counts of 4-token shingles (fewer than 4
tokens: one shorter shingle); per page tp/fp/fn are normalised to sum 1;
precision and recall are averaged over pages and F1 comes from the two means.
"""
import collections
import re

WORD = re.compile(r'\w+')


def shingles(text):
    tokens = WORD.findall(text)
    if len(tokens) < 4:
        return collections.Counter([tuple(tokens)])
    return collections.Counter(tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3))


def page_score(truth, predicted):
    """(precision, recall) of one page."""
    t, p = shingles(truth), shingles(predicted)
    tp = sum((t & p).values())
    fp, fn = sum(p.values()) - tp, sum(t.values()) - tp
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0
