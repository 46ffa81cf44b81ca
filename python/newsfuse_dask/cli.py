"""newsfuse-dask: the newsfuse pipeline on Dask distributed.

  newsfuse-dask cluster FILES... [--scheduler ADDRESS | --local-workers N]
      prints the JSON Lines `newsfuse cluster` prints (one line per article,
      then one per story) and a summary on standard error.
  newsfuse-dask brief FILES... --out DIR [--scheduler ADDRESS | --local-workers N]
      writes one briefing per story (JSON Lines, DIR/briefings-*.jsonl).

FILES are what `newsfuse cluster` reads: JSON Lines files, read in byte
ranges by the workers, and HTML pages, WARC crawls (.warc, .warc.gz) and
plain text, each file read whole by one worker; or folders of them. With
--scheduler every worker must see them at the same paths and have the
module newsfuse and this package importable.
"""
import argparse
import json
import os
import sys
import time

USAGE_ERROR = 2


def _parser():
    p = argparse.ArgumentParser(prog="newsfuse-dask", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    verbs = p.add_subparsers(dest="verb", required=True)
    for verb, what in (("cluster", "group articles into stories (JSONL to standard output)"),
                       ("brief", "one briefing per story, JSON Lines into --out DIR")):
        v = verbs.add_parser(verb, help=what)
        v.add_argument("inputs", nargs="+", metavar="FILE", help="JSON Lines, HTML or WARC files, or folders of them")
        where = v.add_mutually_exclusive_group()
        where.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler (tcp://host:8786)")
        where.add_argument("--local-workers", type=int, metavar="N",
                           help="start a local cluster of N worker processes (default: one per core)")
        v.add_argument("--threads-per-worker", type=int, default=1, metavar="N")
        v.add_argument("--partition-mb", type=float, default=16, metavar="MB",
                       help="bytes of input per map task (default 16)")
        v.add_argument("--reducers", type=int, default=0, metavar="N",
                       help="shuffle partitions and reduce tasks (default: four per worker)")
        v.add_argument("--link-threshold", type=float, default=0.0, metavar="X",
                       help="candidate pairs scoring at least this join one component to cluster "
                            "(default: the clusterer's merge threshold)")
        v.add_argument("--scoring-blocks", type=int, default=4, metavar="N",
                       help="pairs are scored per pair of N blocks of partitions (default 4)")
        v.add_argument("--threshold", type=float, metavar="X",
                       help="similarity at which an article joins a story (default: tuned)")
        v.add_argument("--ner-model", default="", metavar="FILE", help="the entity model (default: models/)")
        v.add_argument("--stats", metavar="FILE", help="also write the run's figures (JSON) to FILE")
        if verb == "brief":
            v.add_argument("--out", required=True, metavar="DIR", help="folder for the briefings")
    return p


def _client(args):
    from dask.distributed import Client, LocalCluster

    if args.scheduler:
        return Client(args.scheduler), None
    workers = args.local_workers or os.cpu_count() or 1
    cluster = LocalCluster(n_workers=workers, threads_per_worker=args.threads_per_worker, processes=True,
                           dashboard_address=None, silence_logs=40)
    return Client(cluster), cluster


def _line(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def write_cluster_jsonl(result, out):
    """The lines `newsfuse cluster` writes, in its order."""
    ids = result.articles
    for s in result.stories:
        for m, d in zip(s["members"], s["duplicate_of"]):
            out.write(_line({"type": "article", "id": ids[m], "story": s["id"],
                             "duplicate_of": None if d is None else ids[d]}) + "\n")
    for m in result.repeated:
        out.write(_line({"type": "article", "id": ids[m], "story": None, "skipped": "repeated id"}) + "\n")
    for s in result.stories:
        out.write(_line({"type": "story", "story": s["id"], "headline": s["headline"],
                         "articles": [ids[m] for m in s["members"]], "outlets": s["outlets"],
                         "first_published": s["first_published"] or None,
                         "last_published": s["last_published"] or None}) + "\n")


def main(argv=None):
    args = _parser().parse_args(argv)
    try:
        from newsfuse_dask import pipeline
    except ImportError as e:
        print(f"newsfuse-dask: {e} (build the module: scripts/setup; Dask: apt-get install python3-distributed)",
              file=sys.stderr)
        return 1
    engine = {"threads": 1, "cluster_threshold": args.threshold,
              "ner_model": args.ner_model or pipeline.default_model()}
    settings = pipeline.Settings(partition_bytes=max(1, int(args.partition_mb * (1 << 20))),
                                 reducers=args.reducers, link_threshold=args.link_threshold,
                                 scoring_blocks=args.scoring_blocks, engine=engine)
    try:
        from newsfuse_dask import partitions

        partitions.input_files(args.inputs)
    except OSError as e:
        print(f"newsfuse-dask: {e}", file=sys.stderr)
        return 1
    client, cluster = _client(args)
    try:
        started = time.monotonic()
        result = pipeline.run_cluster(client, args.inputs, settings)
        result.stats["cluster_seconds"] = round(time.monotonic() - started, 3)
        result.stats["workers"] = len(client.scheduler_info()["workers"])
        for message in result.problems[:20]:
            print(f"newsfuse-dask: skipped {message}", file=sys.stderr)
        if len(result.problems) > 20:
            print(f"newsfuse-dask: ... and {len(result.problems) - 20} more skipped lines", file=sys.stderr)
        if result.stats["articles"] == 0:
            # As `newsfuse cluster` ends on an input with no article (a
            # truncated crawl, say): the problems above say why.
            named = ", ".join(args.inputs[:3]) + (f" and {len(args.inputs) - 3} more" if len(args.inputs) > 3 else "")
            print(f"newsfuse-dask: {args.verb}: no article could be read from {named}", file=sys.stderr)
            return 1
        if args.verb == "cluster":
            write_cluster_jsonl(result, sys.stdout)
            sys.stdout.flush()
        else:
            started = time.monotonic()
            files = pipeline.run_brief(client, result, args.out, settings)
            result.stats["brief_seconds"] = round(time.monotonic() - started, 3)
            print(f"newsfuse-dask brief: {sum(n for _, n in files)} briefings in {len(files)} files under "
                  f"{args.out}", file=sys.stderr)
        pipeline.print_summary(result)
        if args.stats:
            with open(args.stats, "w") as f:
                json.dump(result.stats, f, indent=1)
        bad = result.stats["lost"] or result.stats["duplicated"]
        return 1 if bad else 0
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
