"""A reliability campaign against content files (issue 11): thousands of mutated
scenario and personality files, each loaded as the game loads it and, when it loads,
played; prints the counts and exits 1 unless there are 0 tracebacks, 0 hangs, 0 NaN.

    python tests/campaign_content.py                # 10,000 files, 2 worker processes
    python tests/campaign_content.py --files 500 --workers 1 --timeout 10

Each file runs in a worker process with a time limit (SIGALRM; a file that takes longer
counts as a hang) and a memory limit (RLIMIT_AS; a MemoryError counts as a traceback).
The mutations are those of the fuzz test (tests/content/mutate.py), seeded by file
number, so a failing file can be rebuilt and studied: `--show SEED`.
"""

from __future__ import annotations

import argparse
import collections
import multiprocessing
import random
import resource
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.content.mutate import mutate, outcome, shipped_files  # noqa: E402

MEMORY_LIMIT = 1536 * 1024 * 1024
_FOLDER: Path | None = None


class _Hang(Exception):
    pass


def _on_alarm(signum, frame):
    raise _Hang()


def _start_worker(folder: str) -> None:
    global _FOLDER
    _FOLDER = Path(folder)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    except (ValueError, OSError):
        pass
    signal.signal(signal.SIGALRM, _on_alarm)


def build(seed: int, folder: Path) -> tuple[Path, Path]:
    files = shipped_files()
    source = files[seed % len(files)]
    target = folder / str(seed) / source.parent.name / source.name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(mutate(source.read_bytes(), random.Random(seed)))
    return source, target


def run_one(job: tuple[int, int]) -> tuple[int, str, str]:
    seed, timeout = job
    assert _FOLDER is not None
    source, target = build(seed, _FOLDER)
    signal.alarm(timeout)
    try:
        result, detail = outcome(target)
    except _Hang:
        result, detail = "hang", f"over {timeout} s"
    except MemoryError:
        result, detail = "traceback", "MemoryError"
    finally:
        signal.alarm(0)
    for path in sorted(target.parent.parent.rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    return seed, result, f"{source.name}: {detail}" if detail else source.name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=20, help="seconds per file before it counts as a hang")
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--show", type=int, metavar="SEED", help="write the mutated file for SEED and print its path")
    args = parser.parse_args(argv)
    if args.show is not None:
        _, target = build(args.show, Path(tempfile.mkdtemp(prefix="summit-campaign-")))
        print(target)
        print(outcome(target))
        return 0

    counts: collections.Counter[str] = collections.Counter()
    failures: list[tuple[int, str, str]] = []
    started = time.monotonic()
    seeds = range(args.first_seed, args.first_seed + args.files)
    with tempfile.TemporaryDirectory(prefix="summit-campaign-") as folder:
        with multiprocessing.get_context("fork").Pool(args.workers, _start_worker, (folder,), maxtasksperchild=500) as pool:
            results = pool.imap_unordered(run_one, [(seed, args.timeout) for seed in seeds], chunksize=1)
            for done in range(len(seeds)):
                try:
                    seed, result, detail = results.next(timeout=args.timeout * 20)
                except multiprocessing.TimeoutError:
                    counts["hang"] += len(seeds) - done
                    failures.append((-1, "hang", "a worker stopped answering; the run was cut short"))
                    pool.terminate()
                    break
                counts[result] += 1
                if result not in ("ok", "located"):
                    failures.append((seed, result, detail))
                if (done + 1) % 1000 == 0:
                    print(f"  {done + 1} files, {time.monotonic() - started:.0f} s: {dict(counts)}", flush=True)

    for seed, result, detail in failures[:30]:
        print(f"  seed {seed}: {result}: {detail}")
    total = sum(counts.values())
    print(
        f"{total} mutated files in {time.monotonic() - started:.0f} s: {counts['ok']} loaded and played, "
        f"{counts['located']} refused with located problems, {counts['unlocated']} refused without a location"
    )
    print(f"tracebacks {counts['traceback']} / hangs {counts['hang']} / NaN {counts['nan']}")
    return 0 if counts["traceback"] == counts["hang"] == counts["nan"] == counts["unlocated"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
