#!/usr/bin/python3
"""ctest python_dask_test: newsfuse-dask on a local cluster of 2 worker
processes gives the stories `newsfuse cluster` gives on a small synthetic
day (and on HTML pages, WARC crawls and a mix with JSON Lines, read through
the module's read_articles), from components far smaller than the input, and still does when a worker is killed after the map stage (Dask
recomputes what it held: no article lost or doubled). Exits 77 (skipped)
with a message when the module, Dask or the binaries are missing."""
import argparse
import io
import os
import signal
import subprocess
import sys
import tempfile

SKIP = 77


def skip(why):
    print(f"SKIPPED: {why}")
    sys.exit(SKIP)


def check_same(name, expected, got, stats):
    """Byte for byte the output of one machine (the reducers weigh words by
    the whole input's document counts, so even the headlines agree), from a
    reduce cut into components far smaller than the input."""
    assert got == expected, f"{name}: output differs from newsfuse cluster"
    assert stats["largest_component"] <= stats["articles"] // 4, f"{name}: the reduce was not cut: {stats}"
    print(f"{name}: byte-identical to newsfuse cluster ({stats['articles']} articles, {stats['components']} "
          f"components, largest {stats['largest_component']})")


def check_briefings(client, result, settings, corpus, newsfuse_bin, tmp):
    """Each story's briefing as `newsfuse brief --format json` gives it (but
    for the story id, which is the position in that briefing's list)."""
    import glob
    import json

    from newsfuse_dask import pipeline

    out_dir = os.path.join(tmp, "briefs")
    pipeline.run_brief(client, result, out_dir, settings)
    one = json.loads(subprocess.run([newsfuse_bin, "brief", corpus, "--format", "json"], check=True,
                                    capture_output=True, text=True).stdout)

    def by_sources(story):
        story = dict(story)
        story.pop("id")
        return tuple(sorted(s["id"] for s in story["sources"])), story

    want = dict(by_sources(s) for s in one["stories"])
    got = {}
    for path in glob.glob(os.path.join(out_dir, "*.jsonl")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                [story] = json.loads(line)["briefing"]["stories"]
                key, story = by_sources(story)
                assert key not in got, f"two briefings of the story of {key[0]}"
                got[key] = story
    assert got.keys() == want.keys(), f"briefed stories differ: {len(got)} vs {len(want)}"
    differ = [k[0] for k in want if got[k] != want[k]]
    assert not differ, f"{len(differ)} briefings differ from newsfuse brief, e.g. the story of {differ[0]}"
    print(f"briefings: {len(got)} stories, each as newsfuse brief gives it")


def skipped_lines(stderr, prefix):
    """The problem lines of a run's standard error, without the command's prefix."""
    return [line[len(prefix):] for line in stderr.splitlines() if line.startswith(prefix)]


def check_other_inputs(client, settings, source, build, corpus, tmp):
    """HTML pages and WARC crawls, read by the workers through the module's
    read_articles: the same ids, stories, outlets, dates and problem lines as
    `newsfuse cluster` on the same files, and a truncated crawl is a problem
    line, not a crash."""
    from newsfuse_dask import cli, pipeline

    cluster_bin = os.path.join(build, "newsfuse")

    def one_machine(path):
        return subprocess.run([cluster_bin, "cluster", path], capture_output=True, text=True)

    # A folder of HTML pages (one .html.gz), both crawls, a stylesheet that
    # is no article, and ids that repeat across files.
    html = os.path.join(source, "tests", "data", "html")
    want = one_machine(html)
    result = pipeline.run_cluster(client, [html], settings)
    out = io.StringIO()
    cli.write_cluster_jsonl(result, out)
    assert out.getvalue() == want.stdout, "tests/data/html: output differs from newsfuse cluster"
    assert result.problems == skipped_lines(want.stderr, "newsfuse: skipped "), result.problems
    assert result.stats["articles"] >= 9 and result.issues["repeated_id"] >= 3, result.stats
    print(f"tests/data/html: byte-identical to newsfuse cluster ({result.stats['articles']} articles from "
          f"{result.stats['partitions']} files, {len(result.stories)} stories, problems {result.problems})")

    # The command itself on both crawls and a JSON Lines file (with a bad
    # line), against newsfuse cluster on a folder of the same files.
    mixed = os.path.join(tmp, "mixed")
    os.mkdir(mixed)
    files = []
    for name in ("crawl-plain.warc", "crawl.warc.gz"):
        files.append(os.path.join(mixed, name))
        with open(os.path.join(html, name), "rb") as f, open(files[-1], "wb") as g:
            g.write(f.read())
    files.append(os.path.join(mixed, "some.jsonl"))
    with open(corpus, encoding="utf-8") as f, open(files[-1], "w", encoding="utf-8") as g:
        g.writelines([next(f) for _ in range(6)] + ["{not json\n"])
    want = one_machine(mixed)
    got = subprocess.run([os.path.join(build, "newsfuse-dask"), "cluster", *files, "--local-workers", "2"],
                         capture_output=True, text=True, timeout=120)
    assert got.returncode == 0, got.stderr
    assert got.stdout == want.stdout, "crawls + JSONL: newsfuse-dask cluster differs from newsfuse cluster"
    problems = skipped_lines(got.stderr, "newsfuse-dask: skipped ")
    assert problems == skipped_lines(want.stderr, "newsfuse: skipped ") and len(problems) == 1, problems
    print(f"newsfuse-dask cluster crawl-plain.warc crawl.warc.gz some.jsonl --local-workers 2: byte-identical "
          f"({len(got.stdout.splitlines())} lines), problem {problems[0]!r}")

    # A crawl cut short: the problem line newsfuse cluster gives, no crash.
    truncated = os.path.join(source, "fuzz", "corpus", "warc_reader", "truncated.warc")
    want = one_machine(truncated)
    result = pipeline.run_cluster(client, [truncated], settings)
    assert result.problems == skipped_lines(want.stderr, "newsfuse: skipped ") and result.problems, result.problems
    assert result.stats["articles"] == 0 and not result.stories, result.stats
    print(f"truncated.warc: {result.problems[0]}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--source", required=True)
    args = ap.parse_args()
    sys.path.insert(0, os.path.join(args.build, "python"))
    try:
        import newsfuse  # noqa: F401
    except ImportError as e:
        skip(f"the Python module newsfuse is not built ({e}); it needs pybind11-dev (scripts/setup)")
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as e:
        skip(f"Dask distributed is missing ({e}): apt-get install python3-distributed")
    from newsfuse_dask import cli, pipeline

    cluster_bin = os.path.join(args.build, "newsfuse")
    bench_bin = os.path.join(args.build, "newsfuse-bench")
    for b in (cluster_bin, bench_bin):
        if not os.access(b, os.X_OK):
            skip(f"{b} is not built")
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (os.path.join(args.build, "python"), os.environ.get("PYTHONPATH")) if p)

    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "day.jsonl")
        subprocess.run([bench_bin, "gen-corpus", "--articles", "400", "-o", corpus], check=True,
                       stdout=subprocess.DEVNULL)
        expected = subprocess.run([cluster_bin, "cluster", corpus], check=True, capture_output=True,
                                  text=True).stdout

        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=50)
        client = Client(cluster)
        try:
            settings = pipeline.Settings(partition_bytes=64 << 10)  # ~20 partitions: every stage spread

            def run(name):
                result = pipeline.run_cluster(client, [corpus], settings)
                out = io.StringIO()
                cli.write_cluster_jsonl(result, out)
                pipeline.print_summary(result, sys.stdout)
                assert result.stats["lost"] == 0 and result.stats["duplicated"] == 0, f"{name}: {result.stats}"
                check_same(name, expected, out.getvalue(), result.stats)
                return result

            result = run("2 workers")
            check_briefings(client, result, settings, corpus, os.path.join(args.build, "newsfuse"), tmp)
            check_other_inputs(client, settings, args.source, args.build, corpus, tmp)

            killed = []

            def kill_one(stage, client):
                if stage != "map" or killed:
                    return
                # The worker holding the most map results, so that they are lost.
                held = client.has_what()
                victim = max(held, key=lambda w: len(held[w]))
                pid = client.run(os.getpid, workers=[victim])[victim]
                os.kill(pid, signal.SIGKILL)
                killed.append((victim, len(held[victim])))
                print(f"killed worker {victim} (pid {pid}) holding {len(held[victim])} results after the map")

            settings.on_stage = kill_one
            result = run("2 workers, one killed after the map")
            assert killed, "no worker was killed"
            assert result.stats["workers_lost"] >= 1 or (result.stats["tasks_rerun"] or 0) >= 1, result.stats
            print(f"worker kill: lost {result.stats['lost']}, duplicated {result.stats['duplicated']}, "
                  f"workers lost {result.stats['workers_lost']}, tasks rerun {result.stats['tasks_rerun']}")
        finally:
            client.close()
            cluster.close()
    print("PASSED")


if __name__ == "__main__":
    main()
