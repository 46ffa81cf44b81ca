#!/usr/bin/env python3
"""A story's entities, and their order, must not depend on the order its
articles are given in: clusters a generated day, then briefs each story of
two or more articles (--one-story) forward and reversed and compares the
entities."""
import json, os, subprocess, sys, tempfile


def entities(newsfuse, path):
    out = subprocess.run([newsfuse, "brief", path, "--one-story", "--format", "json"], check=True,
                         capture_output=True, text=True).stdout
    [story] = json.loads(out)["stories"]
    # In the briefing's order: ties (same support, same mentions) must not
    # fall by the input order either.
    return [(e["name"], e["type"], sorted(e["variants"]), sorted(e["sources"])) for e in story["entities"]]


def main():
    newsfuse, bench = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        day = os.path.join(tmp, "day.jsonl")
        subprocess.run([bench, "gen-corpus", "--articles", "400", "-o", day], check=True, stdout=subprocess.DEVNULL)
        line_of = {json.loads(l)["id"]: l for l in open(day, encoding="utf-8") if l.strip()}
        members = {}
        out = subprocess.run([newsfuse, "cluster", day], check=True, capture_output=True, text=True).stdout
        for l in out.splitlines():
            row = json.loads(l)
            if row.get("type") == "article":
                members.setdefault(row["story"], []).append(row["id"])
        stories = [m for m in members.values() if len(m) >= 2]
        differ = []
        for ids in stories:
            runs = []
            for order in (ids, ids[::-1]):
                path = os.path.join(tmp, "story.jsonl")
                with open(path, "w", encoding="utf-8") as f:
                    f.writelines(line_of[i] if line_of[i].endswith("\n") else line_of[i] + "\n" for i in order)
                runs.append(entities(newsfuse, path))
            if runs[0] != runs[1]:
                differ.append(ids[0])
        print(f"{len(stories)} stories of 2+ articles briefed forward and reversed; entities differ in "
              f"{len(differ)}{': ' + ', '.join(differ[:5]) if differ else ''}")
        return 1 if differ or not stories else 0


sys.exit(main())
