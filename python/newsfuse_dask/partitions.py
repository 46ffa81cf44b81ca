"""Input partitions, each read by one task: byte ranges of JSON Lines files,
and whole files of every other kind (HTML pages, WARC crawls .warc and
.warc.gz, plain text), which the module's read_articles reads as `newsfuse
cluster` does."""
import os
from dataclasses import dataclass

JSONL_ENDINGS = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class Partition:
    path: str
    start: int  # the range owns the lines that begin in [start, end)
    end: int
    whole: bool = False  # not JSON Lines: the file is read whole by read_articles


def is_jsonl(path):
    return path.endswith(JSONL_ENDINGS)


def _left_out_of_folder(name):
    """What `newsfuse cluster` leaves out of a folder (ingest/corpus_loader.cc
    SkipInFolder; hidden files too)."""
    return (name.startswith(".") or name in ("expected.json", "LICENSE", "README")
            or name.endswith((".md", ".py")))


def input_files(inputs):
    """The files of the inputs in the order `newsfuse cluster` reads them (a
    folder: its files, sorted by name, not recursive, but for notes and
    expectations)."""
    files = []
    for item in inputs:
        if os.path.isdir(item):
            names = sorted(n for n in os.listdir(item)
                           if os.path.isfile(os.path.join(item, n)) and not _left_out_of_folder(n))
            files.extend(os.path.join(item, n) for n in names)
        elif os.path.isfile(item):
            files.append(item)
        else:
            raise FileNotFoundError(f"{item}: no such file or folder")
    return files


def jsonl_files(inputs):
    """The JSON Lines files of the inputs (a folder: its *.jsonl, sorted by name)."""
    return [f for f in input_files(inputs) if is_jsonl(f)]


def split(files, partition_bytes):
    """Byte ranges of about partition_bytes each of the JSON Lines files, one
    whole partition per other file, in input order."""
    parts = []
    for path in files:
        size = os.path.getsize(path)
        if not is_jsonl(path):
            parts.append(Partition(path, 0, size, whole=True))
            continue
        start = 0
        while True:
            end = min(size, start + partition_bytes)
            parts.append(Partition(path, start, end))
            if end >= size:
                break
            start = end
    return parts


def read_lines(part):
    """The lines that begin in the partition's range, in file order (blank
    ones too, so that line k of the range is its k-th)."""
    lines = []
    with open(part.path, "rb") as f:
        if part.start > 0:
            # The line running over `start` belongs to the range before,
            # unless it begins exactly there.
            f.seek(part.start - 1)
            f.readline()
        position = f.tell()
        while position < part.end:
            line = f.readline()
            if not line:
                break
            position += len(line)
            lines.append(line.rstrip(b"\r\n"))
    return lines
