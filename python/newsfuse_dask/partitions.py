"""Input partitions: byte ranges of JSON Lines files, each read by one task."""
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Partition:
    path: str
    start: int  # the range owns the lines that begin in [start, end)
    end: int


def jsonl_files(inputs):
    """The JSON Lines files of the inputs (a folder: its *.jsonl, sorted by name)."""
    files = []
    for item in inputs:
        if os.path.isdir(item):
            names = sorted(n for n in os.listdir(item) if n.endswith(".jsonl"))
            files.extend(os.path.join(item, n) for n in names)
        elif os.path.isfile(item):
            files.append(item)
        else:
            raise FileNotFoundError(f"{item}: no such file or folder")
    return files


def split(files, partition_bytes):
    """Byte ranges of about partition_bytes each, in input order."""
    parts = []
    for path in files:
        size = os.path.getsize(path)
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
