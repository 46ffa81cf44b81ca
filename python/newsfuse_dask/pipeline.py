"""The pipeline as Dask tasks: map (analyse partitions), shuffle (blocking
keys -> blocks -> components), reduce (cluster each component; brief each
story). run_cluster returns the stories in the order and with the ids that
`newsfuse cluster` gives them."""
import os
import sys
import time
from dataclasses import dataclass, field

import numpy as np

from newsfuse_dask import components, partitions, tasks


def default_model():
    """models/ner-conll2003.bin where the CLI finds it: in the current
    folder, else in a folder above this package's (build/python/newsfuse_dask
    -> the repository). A worker's engine cannot look beside its binary, as
    the CLI does: its binary is python3."""
    name = os.path.join("models", "ner-conll2003.bin")
    folders = [os.getcwd()]
    folder = os.path.dirname(os.path.abspath(__file__))
    for _ in range(4):
        folder = os.path.dirname(folder)
        folders.append(folder)
    for base in folders:
        if os.path.isfile(os.path.join(base, name)):
            return os.path.join(base, name)
    return ""


@dataclass
class Settings:
    partition_bytes: int = 16 << 20
    reducers: int = 0            # 0: four per worker
    link_threshold: float = 0.0  # pairs at or above link components (0: the clusterer's merge threshold)
    scoring_blocks: int = 4      # pairs are scored per pair of blocks of partitions
    engine: dict = field(default_factory=lambda: {"threads": 1, "ner_model": default_model()})
    on_stage: object = None      # on_stage(name, client) after each stage (tests)


@dataclass
class Result:
    articles: list               # per dense article number: its id (None: a bad line)
    stories: list                # {"id", "members", "duplicate_of", ...}, members as article numbers
    repeated: list               # article numbers left out as repeated ids
    issues: dict
    problems: list               # bad input lines, one message each
    stats: dict
    groups: list = None          # the reduced groups' futures (for the briefings)
    ids_by_group: list = None    # per group: story id by the (partition, line) of its first article
    component: object = None     # per article number, the smallest article number of its component


def _stage(settings, name, client, clock):
    clock[name] = round(time.monotonic() - clock.pop("_since"), 3)
    clock["_since"] = time.monotonic()
    if settings.on_stage:
        settings.on_stage(name, client)


def _reruns(since, dask_scheduler=None):
    """Tasks that reached memory more than once since `since` (wall clock):
    recomputed after a lost worker."""
    done = {}
    for entry in dask_scheduler.transition_log:
        if entry[2] == "memory" and entry[5] >= since:
            done[entry[0]] = done.get(entry[0], 0) + 1
    return sum(n - 1 for n in done.values())


def run_cluster(client, inputs, settings):
    files = partitions.input_files(inputs)
    parts = partitions.split(files, settings.partition_bytes)
    workers_at_start = set(client.scheduler_info()["workers"])
    reducers = settings.reducers or 4 * max(1, len(workers_at_start))
    opts = settings.engine
    clock = {"_since": time.monotonic()}  # seconds per stage
    started = time.time()

    # Map: read, parse, analyse and sketch each partition.
    analysed = [client.submit(tasks.analyse, p, opts) for p in parts]
    counted = client.gather([client.submit(tasks.count, a) for a in analysed])
    _stage(settings, "map", client, clock)
    lines = np.array([n for n, _, _ in counted], dtype=np.int64)
    offset = np.r_[0, np.cumsum(lines)[:-1]] if len(lines) else np.zeros(0, np.int64)
    total = int(lines.sum())
    problems = [m for _, _, ms in counted for m in ms]

    first_of = [int(x) for x in offset]

    def dense(seq):  # (partition << 32 | line) -> the article's number in the whole input
        seq = np.asarray(seq, dtype=np.int64)
        return offset[seq >> 32] + (seq & 0xFFFFFFFF)

    settings_c = client.submit(tasks.cluster_settings, opts).result()
    # Average link joins two groups only when one of their pairs reaches
    # merge_threshold, the protagonist merge only at protagonist_merge_threshold
    # (lower); a hair under the lower keeps float rounding on the safe side.
    link_threshold = settings.link_threshold or (
        min(settings_c["merge_threshold"], settings_c["protagonist_merge_threshold"]) * (1 - 1e-5))

    # Shuffle 1: copy keys and ids; repeated ids are found here, to be left
    # out of everything that follows, as one machine leaves them out.
    key_pieces = [client.submit(tasks.key_pieces, a, first_of[i], reducers, opts) for i, a in enumerate(analysed)]
    copies = client.gather([client.submit(tasks.copy_edges, *[client.submit(tasks.piece, kp, r) for kp in key_pieces])
                            for r in range(reducers)])
    repeated_all = np.concatenate([r for _, _, r, _ in copies]) if copies else np.zeros(0, np.int64)
    part_of = lambda n: np.searchsorted(offset, n, side="right") - 1
    skip = [[] for _ in parts]
    for n in repeated_all.tolist():
        skip[int(part_of(n))].append(n - first_of[int(part_of(n))])
    _stage(settings, "copies", client, clock)

    # The whole input's document frequencies: summed per-partition counts.
    counts = client.submit(tasks.add_counts, opts,
                           *[client.submit(tasks.document_counts, a, skip[i], opts) for i, a in enumerate(analysed)])
    valid = np.zeros(total, dtype=bool)
    for i, a in enumerate(client.gather([client.submit(_good_lines, a) for a in analysed])):
        valid[offset[i] + np.asarray(a, dtype=np.int64)] = True
    active = int(valid.sum()) - len(repeated_all)
    exact = active <= settings_c["exact_pairs_limit"]
    counts.result()
    _stage(settings, "weights", client, clock)

    # Shuffle 2: candidate keys -> the pairs the clusterer would score,
    # scored where both articles' weighed vectors are (per pair of blocks
    # of partitions), and kept as edges when at or above the threshold.
    views_and_keys = [client.submit(tasks.scoring_view, a, first_of[i], skip[i], counts, reducers, exact, opts)
                      for i, a in enumerate(analysed)]
    views = [client.submit(tasks.item, vk, 0) for vk in views_and_keys]
    keyed = [client.submit(tasks.item, vk, 1) for vk in views_and_keys]
    blocks = max(1, min(len(parts), settings.scoring_blocks or 4))
    block_of_part = np.array([i * blocks // len(parts) for i in range(len(parts))], dtype=np.int64)
    cap = settings_c["exact_pairs_limit"] if exact else settings_c["posting_cap"]
    found = [client.submit(tasks.candidate_pairs, cap, exact, block_of_part, offset, blocks,
                           *[client.submit(tasks.piece, k, r) for k in keyed]) for r in range(reducers)]
    pair_pieces = [client.submit(tasks.item, f, 0) for f in found]
    scored = []
    for lo in range(blocks):
        for hi in range(lo, blocks):
            wanted = [views[p] for p in range(len(parts)) if block_of_part[p] in (lo, hi)]
            scored.append(client.submit(tasks.score_block, link_threshold, wanted, opts,
                                        *[client.submit(tasks.piece, pp, lo * blocks + hi) for pp in pair_pieces]))
    links = client.gather(scored)
    view_bytes = client.gather([client.submit(len, v) for v in views])
    key_stats = client.gather([client.submit(tasks.item, f, 1) for f in found])
    _stage(settings, "pairs", client, clock)

    # The global union: components of the links and the copy/id edges.
    first = np.concatenate([f for f, _, _, _ in copies] + [lo for lo, _, _ in links])
    member = np.concatenate([m for _, m, _, _ in copies] + [hi for _, hi, _ in links])
    label = components.connected_components(total, first, member)
    reducer_of, component_sizes = components.assign_reducers(label, valid, reducers)
    _stage(settings, "components", client, clock)

    # Shuffle 3 and reduce: records to the reducer of their component.
    routed = []
    for i, a in enumerate(analysed):
        span = slice(int(offset[i]), int(offset[i] + lines[i]))
        groups = np.where(valid[span], reducer_of[span], -1)
        routed.append(client.submit(tasks.route, a, i, groups, label[span], reducers))
    reduced = [client.submit(tasks.cluster_group, opts, counts, exact,
                             *[client.submit(tasks.piece, rt, r) for rt in routed])
               for r in range(reducers)]
    results = client.gather([client.submit(tasks.light, g) for g in reduced])
    _stage(settings, "reduce", client, clock)

    articles = [None] * total
    stories, repeated, issues = [], [], {}
    for r, res in enumerate(results):
        for seq, article_id in res["ids"].items():
            articles[int(dense(seq))] = article_id
        for s in res["stories"]:
            s = dict(s, group=r, first_seq=s["members"][0])
            s["members"] = dense(s["members"]).tolist()
            s["duplicate_of"] = [None if d is None else int(dense(d)) for d in s["duplicate_of"]]
            stories.append(s)
        repeated.extend(dense(res["repeated"]).tolist())
        for name, n in res["issues"].items():
            issues[name] = issues.get(name, 0) + n
    # Story order and ids as one machine gives them: by the first article
    # in (time, input) order; undated stories last.
    stories.sort(key=lambda s: (s["first_published"] == "", s["first_published"], s["members"][0]))
    ids_by_group = [{} for _ in results]
    for k, s in enumerate(stories, 1):
        s["id"] = f"s{k}"
        ids_by_group[s["group"]][s["first_seq"]] = s["id"]
    repeated.sort()

    try:
        reruns = client.run_on_scheduler(_reruns, started)
    except Exception:  # a remote scheduler without this module: not counted
        reruns = None
    try:
        peaks = client.run(_peak_rss_mb)
    except Exception:  # a worker lost just now: not measured
        peaks = {}
    stats = {
        "partitions": len(parts), "reducers": reducers, "lines": total, "articles": int(valid.sum()),
        "exact": exact,
        "copy_key_pairs": sum(st["copy_key_pairs"] for _, _, _, st in copies),
        "candidate_keys": sum(st["candidate_keys"] for st in key_stats),
        "scored_pairs": sum(st["scored_pairs"] for _, _, st in links),
        "linked_pairs": sum(st["linked_pairs"] for _, _, st in links),
        "link_threshold": link_threshold,
        "scoring_blocks": blocks,
        # Candidate pairs per pair of blocks (lo <= hi): how far apart in the
        # input the two articles of a pair lie, i.e. how local the join is.
        "pairs_by_block_pair": {f"{lo}-{hi}": st["scored_pairs"] for (lo, hi), (_, _, st) in zip(
            [(lo, hi) for lo in range(blocks) for hi in range(lo, blocks)], links)},
        # Bytes the shuffles move (before Dask's framing): 16 per (copy or
        # id key, article), 24 per (candidate key, time, article), 8 per
        # candidate pair, each record once.
        "shuffle_key_bytes": 16 * sum(st["copy_key_pairs"] for _, _, _, st in copies),
        "shuffle_candidate_key_bytes": 24 * sum(st["candidate_keys"] for st in key_stats),
        "shuffle_pair_bytes": 8 * sum(st["scored_pairs"] for _, _, st in links),
        "shuffle_record_bytes": sum(b for _, b, _ in counted),
        # Each partition's view goes to the score task of every block pair
        # that holds its block (`blocks` of them).
        "view_bytes": sum(view_bytes),
        "shuffle_view_bytes": blocks * sum(view_bytes),
        "components": int(len(component_sizes)),
        "components_over_1": int((component_sizes > 1).sum()),
        "largest_component": int(component_sizes[0]) if len(component_sizes) else 0,
        "worker_peak_rss_mb": sorted(peaks.values(), reverse=True),
        "workers_lost": len(workers_at_start - set(client.scheduler_info()["workers"])),
        "tasks_rerun": reruns,
        "seconds": {k: v for k, v in clock.items() if k != "_since"},
    }
    stats.update(_accounting(valid, stories, repeated))
    return Result(articles, stories, repeated, issues, problems, stats, reduced, ids_by_group, label)


def _peak_rss_mb():
    """This process's peak resident memory (Linux reports kB)."""
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def _good_lines(analysed):
    return [k for k, r in enumerate(analysed[0]) if r is not None]


def _accounting(valid, stories, repeated):
    """Every article exactly once in the output: the check that a lost
    worker lost or doubled nothing."""
    seen = np.zeros(len(valid), dtype=np.int64)
    for s in stories:
        np.add.at(seen, np.asarray(s["members"], dtype=np.int64), 1)
    np.add.at(seen, np.asarray(repeated, dtype=np.int64), 1)
    return {"lost": int(((seen == 0) & valid).sum()), "duplicated": int((seen > 1).sum()) + int(((seen > 0) & ~valid).sum())}


def run_brief(client, result, out_dir, settings):
    """One briefing per story into out_dir/briefings-GGGGG-CCCCC.jsonl: each
    reduced group's stories in chunks, so that one big group is briefed by
    all workers (each fetches the group's records once). Returns (file,
    briefings) per file written."""
    os.makedirs(out_dir, exist_ok=True)
    stories_of = [0] * len(result.groups)
    for s in result.stories:
        stories_of[s["group"]] += 1
    tasks_wanted = 4 * max(1, len(client.scheduler_info()["workers"]))
    chunk = max(1, -(-len(result.stories) // tasks_wanted))
    jobs = []
    for r, group in enumerate(result.groups):
        for c, first in enumerate(range(0, stories_of[r], chunk)):
            path = os.path.join(os.path.abspath(out_dir), f"briefings-{r:05d}-{c:05d}.jsonl")
            jobs.append((path, client.submit(tasks.brief_stories, group, first, first + chunk,
                                             result.ids_by_group[r], path, settings.engine)))
    counts = client.gather([j for _, j in jobs])
    return [(p, n) for (p, _), n in zip(jobs, counts)]


def print_summary(result, out=sys.stderr):
    st = result.stats
    n = result.issues
    print(f"newsfuse-dask cluster: {st['articles']} articles, {len(result.stories)} stories; skipped lines "
          f"{len(result.problems)}; no date {n.get('no_date', 0)} (unparsable {n.get('bad_date', 0)}, far future "
          f"{n.get('future_date', 0)}), empty body {n.get('empty_body', 0)} (nothing at all "
          f"{n.get('empty_article', 0)}), body truncated {n.get('truncated_body', 0)}, repeated id "
          f"{n.get('repeated_id', 0)}", file=out)
    rerun = "not counted" if st["tasks_rerun"] is None else st["tasks_rerun"]
    print(f"newsfuse-dask: {st['partitions']} partitions, {st['reducers']} reducers; {st['components']} blocks "
          f"to cluster (largest {st['largest_component']} articles), {st['scored_pairs']} candidate pairs scored, "
          f"{st['linked_pairs']} linked; "
          f"every article once: lost {st['lost']}, duplicated {st['duplicated']}; workers lost "
          f"{st['workers_lost']}, tasks rerun {rerun}", file=out)
