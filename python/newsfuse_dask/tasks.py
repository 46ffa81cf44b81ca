"""The functions Dask runs on the workers. Each is a pure function of its
arguments, so that Dask can run it again on another worker when the one that
held its result is lost, and get the same result."""
import json

import numpy as np

from newsfuse_dask import partitions

_configured = None


def _engine(options):
    """The newsfuse module with this process's engine set to `options`."""
    global _configured
    import newsfuse

    if _configured != options:
        # (The engine finds the place list beside the entity model itself.)
        newsfuse.configure(**options)
        _configured = options
    return newsfuse


def analyse(part, options):
    """Map: the partition's lines -> (records, problems); a bad line's
    record is None, so that record k is line k of the partition."""
    newsfuse = _engine(options)
    lines = partitions.read_lines(part)
    # Messages name the line within the range: "day.jsonl (from byte N):LINE".
    name = part.path if part.start == 0 else f"{part.path} (from byte {part.start})"
    records, problems = newsfuse.analyse(lines, name)
    return records, problems


def count(analysed):
    """(lines, bytes of records, problems) of a map result."""
    records, problems = analysed
    return len(records), sum(len(r) for r in records if r is not None), problems


def key_pieces(analysed, part_no, pieces, options):
    """Shuffle write: (key, article) pairs of the partition, split by key
    into `pieces` arrays. An article is (part_no << 32 | line)."""
    newsfuse = _engine(options)
    records = analysed[0]
    good = [k for k, r in enumerate(records) if r is not None]
    keys_of = newsfuse.blocking_keys([records[k] for k in good])
    sizes = [len(keys) for keys in keys_of]
    keys = np.fromiter((k for ks in keys_of for k in ks), dtype=np.uint64, count=sum(sizes))
    articles = np.repeat(np.array([part_no << 32 | k for k in good], dtype=np.int64), sizes)
    target = (keys % np.uint64(pieces)).astype(np.int64)
    return [(keys[target == p], articles[target == p]) for p in range(pieces)]


def piece(pieces, p):
    return pieces[p]


def block_edges(cap, *pieces):
    """Shuffle read and first reduce: the blocks (articles sharing a key)
    of this key range as edges from each member to the block's first
    article. A key shared by more than `cap` articles blocks nothing: like a
    word in every article, it tells no story from another."""
    keys = np.concatenate([k for k, _ in pieces]) if pieces else np.zeros(0, np.uint64)
    articles = np.concatenate([a for _, a in pieces]) if pieces else np.zeros(0, np.int64)
    order = np.lexsort((articles, keys))
    keys, articles = keys[order], articles[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else np.zeros(0, np.int64)
    sizes = np.diff(np.r_[starts, len(keys)])
    keep = (sizes >= 2) & (sizes <= cap)
    first = np.repeat(articles[starts], sizes)
    member = np.repeat(keep, sizes)
    stats = {"pairs": int(len(keys)), "keys": int(len(starts)), "blocks": int(keep.sum()),
             "hot_keys": int((sizes > cap).sum())}
    return first[member], articles[member], stats


def route(analysed, part_no, groups, components, reducers):
    """Second shuffle write: the partition's records to the reducer of
    their component. groups/components: per line of the partition, its
    reducer and component (-1: a bad line)."""
    records = analysed[0]
    out = [[] for _ in range(reducers)]
    for k, r in enumerate(records):
        if r is not None:
            out[groups[k]].append((part_no << 32 | k, int(components[k]), r))
    return out


def cluster_group(options, *pieces):
    """Reduce: each component of the group clustered on its own by the
    single-machine clusterer, its articles in input order. Returns the
    stories with articles named by (part_no << 32 | line), and the records
    (kept on the worker for the briefings)."""
    newsfuse = _engine(options)
    items = sorted(x for p in pieces for x in p)
    seqs = [s for s, _, _ in items]
    records = [r for _, _, r in items]
    results = newsfuse.cluster(records, [c for _, c, _ in items]) if items else []
    stories, repeated, issues = [], [], {}
    for result in results:
        for s in result["stories"]:
            stories.append({
                "members": [seqs[i] for i in s["members"]],
                "duplicate_of": [None if d is None else seqs[d] for d in s["duplicate_of"]],
                "headline": s["headline"], "outlets": s["outlets"],
                "first_published": s["first_published"], "last_published": s["last_published"],
            })
        repeated.extend(seqs[i] for i in result["repeated"])
        for name, n in result["issues"].items():
            issues[name] = issues.get(name, 0) + n
    ids = {seq: newsfuse.record_info(r)["id"] for seq, r in zip(seqs, records)}
    return {"stories": stories, "repeated": repeated, "issues": issues, "ids": ids,
            "records": dict(zip(seqs, records))}


def light(group):
    """What the driver needs of a reduced group: all but the records."""
    return {k: v for k, v in group.items() if k != "records"}


def brief_stories(group, first, last, story_ids, path, options):
    """One briefing per story first..last-1 of the group (named by their
    global ids), written as JSON Lines to `path`. Returns how many."""
    newsfuse = _engine(options)
    records = group["records"]
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        for story in group["stories"][first:last]:
            members = sorted(story["members"])  # input order, as `newsfuse brief` gives a story
            briefing = newsfuse.brief([records[s] for s in members], True)
            story_id = story_ids[story["members"][0]]
            line = {"story": story_id, "articles": len(members), "briefing": json.loads(briefing)}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            written += 1
    return written
