"""Many headless games on every core, in chunks, keeping only what a summary needs.

Game *i* of a run draws the same numbers wherever it runs (counter-based draws), so a run
can be cut into chunks of consecutive game indices, the chunks played by a pool of
processes in any order, and the results put back in index order: the summary is the same
whatever the number of processes or the chunk size (a test checks it).

Each chunk keeps only its games' final lines (`Finals`), never the whole state, so memory
stays flat however many games are asked for.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from game.core.spec import GameSpec
from game.core.state import BatchState

DEFAULT_CHUNK = 25_000


@dataclass
class Finals:
    """What a summary reads of each game: [N] or [N, ...] arrays, in game-index order."""

    ending: np.ndarray
    meters: np.ndarray
    agreed: np.ndarray
    turns: np.ndarray
    breakdown: np.ndarray

    @classmethod
    def of(cls, st: BatchState) -> Finals:
        return cls(st.ending.copy(), st.meters(), st.agreed.copy(), st.turn.copy(), st.breakdown.copy())

    @classmethod
    def concat(cls, parts: list[Finals]) -> Finals:
        return cls(*(np.concatenate([getattr(p, f) for p in parts]) for f in ("ending", "meters", "agreed", "turns", "breakdown")))

    @property
    def n(self) -> int:
        return int(self.ending.shape[0])


def chunks(games: int, first_index: int, chunk: int) -> list[tuple[int, int]]:
    """[start, stop) game-index ranges covering the run."""
    return [(s, min(s + chunk, first_index + games)) for s in range(first_index, first_index + games, chunk)]


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# A worker process is handed the spec and the policy once, when the pool forks it; the
# chunks it then receives are plain (start, stop) pairs. This per-process slot is the
# only state a worker keeps.
_WORKER: dict = {}


def _init_worker(spec: GameSpec, seed: int, policy) -> None:
    _WORKER.update(spec=spec, seed=seed, policy=policy)


def _play_chunk(bounds: tuple[int, int]) -> Finals:
    from game.sim.runner import play_batch

    start, stop = bounds
    result = play_batch(_WORKER["spec"], _WORKER["seed"], _WORKER["policy"], np.arange(start, stop, dtype=np.int64),
                        shed=True, history=False)
    return Finals.of(result.state)


def play_finals(spec: GameSpec, seed: int, policy, games: int, *, first_index: int = 0, chunk: int = DEFAULT_CHUNK,
                jobs: int | None = None, progress: Callable[[int, int], None] | None = None) -> Finals:
    """Play `games` games with `policy` and return their finals in game-index order.

    The policy must read only each game's own row of the state (never where a row sits in
    the batch): chunks cut the batch, and each chunk sheds its finished games as it goes.

    `jobs` processes (default: every core this process may use); `progress(done, total)`
    is called as chunks finish. Processes are forked, so the spec and the policy need not
    be picklable; where fork is unavailable the run stays in this process.
    """
    if games < 1:
        raise ValueError("games must be at least 1")
    parts = chunks(games, first_index, max(1, chunk))
    jobs = min(jobs or default_jobs(), len(parts))
    done = 0
    out: list[Finals] = []
    for finals in _chunk_results(spec, seed, policy, parts, jobs):
        out.append(finals)
        done += finals.n
        if progress is not None:
            progress(done, games)
    return Finals.concat(out)


def _can_fork() -> bool:
    """Forking is safe only from a plain process: not where fork is unavailable, not once
    other threads run (a forked child inherits their locks, held), and not once pygame
    has started SDL (its threads and devices); the run then stays in this process, with
    the same results."""
    import sys
    import threading

    return ("fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
            and "pygame" not in sys.modules)


def _chunk_results(spec, seed, policy, parts, jobs) -> Iterator[Finals]:
    if jobs <= 1 or not _can_fork():
        _init_worker(spec, seed, policy)
        try:
            yield from map(_play_chunk, parts)
        finally:
            _WORKER.clear()
        return
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(spec, seed, policy)) as pool:
        yield from pool.imap(_play_chunk, parts)  # imap keeps index order


class ProgressBar:
    """A one-line progress bar on a terminal's stderr; silent when not a terminal."""

    def __init__(self, stream, label: str = "games", width: int = 30):
        self.stream = stream
        self.label = label
        self.width = width
        self.shown = bool(getattr(stream, "isatty", lambda: False)())

    def __call__(self, done: int, total: int) -> None:
        if not self.shown:
            return
        filled = int(self.width * done / max(total, 1))
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done:,}/{total:,} {self.label}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()
