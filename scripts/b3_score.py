#!/usr/bin/env python3
"""B-cubed precision, recall and F1 of a story grouping against gold labels.

    scripts/b3_score.py GROUPING.jsonl GOLD.jsonl [--gold-key cluster]

GROUPING: the {"type":"article","id":..,"story":..} lines that `newsfuse cluster`
and `newsfuse stories --members` print (other lines are ignored; an article line
with "story": null is left out). GOLD: JSONL articles with an "id" and the gold
story label (default key "cluster", as in ../shared/data/clustering/ecbplus).
Scored over the articles present in both; the counts say how many that is.
"""
import argparse
import json
import sys
from collections import defaultdict


def read_grouping(path):
    story_of = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row.get("type") == "article" and row.get("story") is not None:
                story_of[row["id"]] = row["story"]
    return story_of


def read_gold(path, key):
    gold_of = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            gold_of[row["id"]] = row[key]
    return gold_of


def b_cubed(predicted, gold):
    """Mean over items of |own predicted ∩ own gold| / |own predicted| (precision) and / |own gold| (recall)."""
    by_pred, by_gold, both = defaultdict(int), defaultdict(int), defaultdict(int)
    for item, p in predicted.items():
        g = gold[item]
        by_pred[p] += 1
        by_gold[g] += 1
        both[(p, g)] += 1
    n = len(predicted)
    precision = sum(both[(p, gold[i])] / by_pred[p] for i, p in predicted.items()) / n
    recall = sum(both[(p, gold[i])] / by_gold[gold[i]] for i, p in predicted.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("grouping")
    parser.add_argument("gold")
    parser.add_argument("--gold-key", default="cluster")
    args = parser.parse_args()
    story_of = read_grouping(args.grouping)
    gold_of = read_gold(args.gold, args.gold_key)
    common = {i: s for i, s in story_of.items() if i in gold_of}
    if not common:
        sys.exit(f"b3_score.py: no article of {args.grouping} is in {args.gold}")
    gold = {i: gold_of[i] for i in common}
    precision, recall, f1 = b_cubed(common, gold)
    print(f"B3 P {precision:.4f} R {recall:.4f} F1 {f1:.4f}; {len(common)} articles "
          f"({len(gold_of) - len(common)} gold articles not grouped), "
          f"{len(set(common.values()))} stories, {len(set(gold.values()))} gold stories")


if __name__ == "__main__":
    main()
