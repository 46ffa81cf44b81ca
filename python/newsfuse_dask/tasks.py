"""The functions Dask runs on the workers. Each is a pure function of its
arguments, so that Dask can run it again on another worker when the one that
held its result is lost, and get the same result."""
import json

import numpy as np

from newsfuse_dask import components, partitions

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
    """Map: the partition's lines -> (records, problems, document counts);
    a bad line's record is None, so that record k is line k of the
    partition."""
    newsfuse = _engine(options)
    if part.whole:
        # An HTML page, a WARC crawl, ...: read by the C++ readers, then
        # analysed as JSON lines are (record k: the file's k-th article).
        articles, problems = newsfuse.read_articles([part.path])
        records, more, counts = newsfuse.analyse(articles, part.path)
        return records, problems + more, counts
    lines = partitions.read_lines(part)
    # Messages name the line within the range: "day.jsonl (from byte N):LINE".
    name = part.path if part.start == 0 else f"{part.path} (from byte {part.start})"
    return newsfuse.analyse(lines, name)


def cluster_settings(options):
    return _engine(options).cluster_settings()


def count(analysed):
    """(lines, bytes of records, problems) of a map result."""
    records, problems, _ = analysed
    return len(records), sum(len(r) for r in records if r is not None), problems


# BlockingKeys' kinds (python/binding/article_record.cc): the top two bits.
_KIND_SHIFT = np.uint64(62)
_COPY_KEY, _ID_KEY = 0, 3


def key_pieces(analysed, first, pieces, options):
    """Shuffle write: (key, article) pairs of the partition for its copy
    keys (MinHash bands) and its id, split by key into `pieces` arrays.
    Articles are numbered globally from `first` (the partition's first
    line)."""
    newsfuse = _engine(options)
    records = analysed[0]
    good = [k for k, r in enumerate(records) if r is not None]
    keys_of = newsfuse.blocking_keys([records[k] for k in good])
    sizes = [len(keys) for keys in keys_of]
    keys = np.fromiter((k for ks in keys_of for k in ks), dtype=np.uint64, count=sum(sizes))
    articles = np.repeat(np.array([first + k for k in good], dtype=np.int64), sizes)
    kind = (keys >> _KIND_SHIFT).astype(np.int64)
    keep = (kind == _COPY_KEY) | (kind == _ID_KEY)
    keys, articles = keys[keep], articles[keep]
    target = (keys % np.uint64(pieces)).astype(np.int64)
    return [(keys[target == p], articles[target == p]) for p in range(pieces)]


def piece(pieces, p):
    return pieces[p]


def _runs(sorted_keys):
    """Start and length of each run of equal values."""
    if len(sorted_keys) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    return starts, np.diff(np.r_[starts, len(sorted_keys)])


def copy_edges(*pieces):
    """Shuffle read: per copy key and per id, edges from each article that
    has it to the first (in input order) that has it. Articles sharing a
    MinHash band are the only ones the copy finder compares, so a component
    closed under these edges finds the copies one machine finds; a repeated
    id's later articles are left out (returned as `repeated`), as one
    machine leaves them out."""
    keys = np.concatenate([k for k, _ in pieces]) if pieces else np.zeros(0, np.uint64)
    articles = np.concatenate([a for _, a in pieces]) if pieces else np.zeros(0, np.int64)
    order = np.lexsort((articles, keys))
    keys, articles = keys[order], articles[order]
    starts, sizes = _runs(keys)
    first = np.repeat(articles[starts], sizes)
    edge = first != articles
    is_id = (keys >> _KIND_SHIFT).astype(np.int64) == _ID_KEY
    repeated = np.unique(articles[edge & is_id])
    stats = {"copy_key_pairs": int(len(keys)), "shared_keys": int((sizes >= 2).sum())}
    return first[edge], articles[edge], repeated, stats


def document_counts(analysed, skip, options):
    """The partition's document counts (words, names) over its articles
    but the lines in `skip` (repeated ids): the map's, unless some are
    skipped."""
    if not skip:
        return analysed[2]
    newsfuse = _engine(options)
    skip = set(int(k) for k in skip)
    return newsfuse.document_counts([r for k, r in enumerate(analysed[0]) if r is not None and k not in skip])


def add_counts(options, *parts):
    return _engine(options).add_document_counts(list(parts))


def scoring_view(analysed, first, skip, counts, pieces, exact, options):
    """The partition's articles weighed by the whole input's counts (the
    view, kept here for the pair scoring) and the shuffle write of their
    candidate keys: (key, time, article) split by key into `pieces`. When
    the whole input is small enough for the clusterer to score every pair
    (`exact`), every article has the one key 0."""
    newsfuse = _engine(options)
    skip = set(int(k) for k in skip)
    records = [r if k not in skip else None for k, r in enumerate(analysed[0])]
    view, keys_of, minutes = newsfuse.scoring_view(records, first, counts)
    if exact:
        keys_of = [[0] if r is not None else [] for r in records]
    sizes = [len(keys) for keys in keys_of]
    keys = np.fromiter((k for ks in keys_of for k in ks), dtype=np.uint64, count=sum(sizes))
    # Undated articles come last in the clusterer's time order.
    when = np.array([INT64_MAX if m == UNKNOWN_TIME else m for m in minutes], dtype=np.int64)
    articles = np.repeat(np.arange(first, first + len(records), dtype=np.int64), sizes)
    times = np.repeat(when, sizes)
    target = (keys % np.uint64(pieces)).astype(np.int64)
    return view, [(keys[target == p], times[target == p], articles[target == p]) for p in range(pieces)]


INT64_MAX = np.iinfo(np.int64).max
UNKNOWN_TIME = -(1 << 63)


def item(x, k):
    return x[k]


def candidate_pairs(cap, exact, block_of_part, offsets, blocks, *pieces):
    """Shuffle read: the pairs the clusterer scores, for this range of keys.
    Per key its articles in the clusterer's (time, input) order; each meets
    the `cap` articles before it (the clusterer's posting lists keep exactly
    those: cluster_articles.cc ScorePairs). Returns the pairs (probe << 32 |
    other, article numbers) split by the scoring block of the two. The
    probe is the article the clusterer lays out for the pair's dot products
    (the later on the candidate path, the earlier when it scores every
    pair): cluster::ProbeVector's floats can depend on the side."""
    keys = np.concatenate([k for k, _, _ in pieces])
    times = np.concatenate([t for _, t, _ in pieces])
    articles = np.concatenate([a for _, _, a in pieces])
    order = np.lexsort((articles, times, keys))
    keys, articles = keys[order], articles[order]
    starts, sizes = _runs(keys)
    start_of = np.repeat(starts, sizes)
    position = np.arange(len(keys))
    found = []
    for d in range(1, min(cap, int(sizes.max()) if len(sizes) else 0) + 1):
        ok = position - d >= start_of
        later = articles[ok]
        earlier = articles[position[ok] - d]
        found.append(earlier << 32 | later if exact else later << 32 | earlier)
    codes = np.unique(np.concatenate(found)) if found else np.zeros(0, np.int64)
    lo_block = block_of_part[np.searchsorted(offsets, codes >> 32, side="right") - 1]
    hi_block = block_of_part[np.searchsorted(offsets, codes & 0xFFFFFFFF, side="right") - 1]
    # Block pairs (a <= b) numbered a * blocks + b.
    target = np.minimum(lo_block, hi_block) * blocks + np.maximum(lo_block, hi_block)
    order = np.argsort(target, kind="stable")
    codes, target = codes[order], target[order]
    bounds = np.searchsorted(target, np.arange(blocks * blocks + 1))
    return [codes[bounds[t]:bounds[t + 1]] for t in range(blocks * blocks)], {"candidate_keys": int(len(keys))}


def score_block(threshold, views, options, *pieces):
    """Scores this block pair's candidate pairs with the whole input's word
    weights (the views) and keeps those at or above `threshold` as edges:
    the clusterer never joins two groups none of whose pairs reaches its
    merge threshold, so their components can be clustered apart."""
    newsfuse = _engine(options)
    codes = np.unique(np.concatenate(pieces)) if pieces else np.zeros(0, np.int64)
    lo = codes >> 32
    hi = codes & 0xFFFFFFFF
    scores = newsfuse.score_pairs(list(views), lo, hi) if len(codes) else np.zeros(0, np.float32)
    keep = scores >= threshold
    first, member = _spanning_edges(lo[keep], hi[keep])
    return first, member, {"scored_pairs": int(len(codes)), "linked_pairs": int(keep.sum())}


def _spanning_edges(lo, hi):
    """Edges with the same components as (lo, hi), at most one per article:
    each article to the smallest of its component (what the driver's union
    needs, not the millions of pairs)."""
    nodes, index = np.unique(np.r_[lo, hi], return_inverse=True)
    label = components.connected_components(len(nodes), index[:len(lo)], index[len(lo):])
    moved = label != np.arange(len(nodes))
    return nodes[label[moved]], nodes[moved]


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


def cluster_group(options, counts, whole_exact, *pieces):
    """Reduce: each component of the group clustered on its own by the
    single-machine clusterer, its articles in input order, its words weighed
    by the whole input's document counts. Returns the
    stories with articles named by (part_no << 32 | line), and the records
    (kept on the worker for the briefings)."""
    newsfuse = _engine(options)
    items = sorted(x for p in pieces for x in p)
    seqs = [s for s, _, _ in items]
    records = [r for _, _, r in items]
    results = newsfuse.cluster(records, [c for _, c, _ in items], counts, whole_exact) if items else []
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
