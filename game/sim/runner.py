"""Headless games: scripted, random or greedy, one at a time or thousands at once.

Game *i* of a run uses game index `first_index + i`; every draw is counter-based, so it
plays the same whether it runs alone (`batch=1`) or among 100,000.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from game.core import rng, rules
from game.core.arrays import row_sum
from game.core.reasons import CAUSES
from game.core.game import parse_choice
from game.core.spec import GameSpec
from game.core.state import BatchState, new_state
from game.core.transcript import describe_turn, ending_record, opening_record

# A policy returns actions [N], or (actions [N], terms [N, I]) when it composes offers
# (terms: a position per issue, -1 to leave it out; used by composable actions only).
Policy = Callable[[GameSpec, BatchState, np.ndarray], "np.ndarray | tuple[np.ndarray, np.ndarray]"]


def split_policy_output(out) -> tuple[np.ndarray, np.ndarray | None]:
    if isinstance(out, tuple):
        return np.asarray(out[0], dtype=np.int64), np.asarray(out[1], dtype=np.int64)
    return np.asarray(out, dtype=np.int64), None


def random_policy(spec: GameSpec, st: BatchState, legal: np.ndarray) -> np.ndarray:
    """A uniformly random open action per game, drawn from the game's own counters."""
    u = st.draw(rng.STREAM_POLICY)
    # The running count of open actions, action by action over the whole batch ([A, N]:
    # each step one whole-batch add, where numpy's cumsum along each game's short row is
    # twice as slow); it fits in 16 bits (a spec has a few dozen actions). The pick-th
    # open action is the first whose running count exceeds the pick.
    by_action = legal.T
    running = np.empty(by_action.shape, dtype=np.int16)
    running[0] = by_action[0]
    for a in range(1, running.shape[0]):
        np.add(running[a - 1], by_action[a], out=running[a])
    counts = running[-1].astype(np.int64)
    pick = np.minimum((u * counts).astype(np.int64), np.maximum(counts - 1, 0))
    return np.where(counts > 0, (running > pick.astype(np.int16)).argmax(axis=0), 0)


def score_position(spec: GameSpec, st: BatchState) -> np.ndarray:
    """What the greedy player wants: low tension, high trust, a steady ally, agreements
    worth having, and never an agreement across its own red lines."""
    from game.core.utility import take

    m = st.meters()
    score = np.zeros(st.n)
    for k, meter in enumerate(spec.meters):
        sign = -1.0 if meter.kind == "tension" else 0.5
        score += sign * m[:, k]
    crossed = row_sum(take(spec.player_red, st.agreed) & (st.agreed >= 0))
    return score + 120.0 * rules.player_value(spec, st.agreed) - 100.0 * crossed - 200.0 * st.breakdown


def greedy_policy(spec: GameSpec, st: BatchState, legal: np.ndarray) -> np.ndarray:
    """One step of look-ahead: try every open action on a copy, keep the best."""
    best = np.full(st.n, -np.inf)
    choice = np.zeros(st.n, dtype=np.int64)
    for a in range(len(spec.actions)):
        if not legal[:, a].any():
            continue
        trial = st.copy()
        rules.step(spec, trial, np.full(st.n, a))
        value = np.where(legal[:, a], score_position(spec, trial), -np.inf)
        better = value > best
        best = np.where(better, value, best)
        choice = np.where(better, a, choice)
    return choice


POLICIES: dict[str, Policy] = {"random": random_policy, "greedy": greedy_policy}


class ScriptError(ValueError):
    pass


def scripted(choices: Sequence[str]) -> Policy:
    """Play the given choices in order: action ids, or composed offers written
    `compose:berlin=interim_arrangement+laos=neutral_ceasefire` (a counter takes terms the
    same way: `counter_offer:berlin=interim_arrangement`)."""

    def policy(spec: GameSpec, st: BatchState, legal: np.ndarray):
        turn = int(st.turn.max())
        if turn >= len(choices):
            raise ScriptError(f"the script ran out after {len(choices)} choices; the summit is not over")
        try:
            want, terms = parse_choice(choices[turn])
        except ValueError as e:
            raise ScriptError(f"choice {turn + 1}: {e}") from None
        try:
            index = spec.action_index(want)
        except KeyError:
            known = ", ".join(a.id for a in spec.actions)
            raise ScriptError(f"choice {turn + 1}: no action {want!r}; actions: {known}") from None
        if not legal[:, index].all():
            open_ids = ", ".join(a.id for a, ok in zip(spec.actions, legal[0]) if ok)
            raise ScriptError(f"choice {turn + 1}: {want!r} is not open now; open: {open_ids}")
        if terms is None:
            if spec.action_open_terms[index]:
                raise ScriptError(f"choice {turn + 1}: {want!r} needs terms, e.g. {want}:issue=position+issue=position")
            return np.full(st.n, index)
        if not spec.action_composable[index]:
            raise ScriptError(f"choice {turn + 1}: {want!r} has fixed terms and takes none")
        try:
            row = spec.terms_row(terms)
        except ValueError as e:
            raise ScriptError(f"choice {turn + 1}: {e}") from None
        return np.full(st.n, index), np.tile(row, (st.n, 1))

    return policy


@dataclass
class BatchResult:
    spec: GameSpec
    state: BatchState
    transcripts: list[list[dict]] = field(default_factory=list)


# Games end at different turns; a batch sheds its finished games once this share of it is
# over, so that the rest of the run does not keep computing (and discarding) their turns.
_SHED_AT = 0.3


def play_batch(spec: GameSpec, seed: int, policy: Policy, game_index: np.ndarray, record: bool = False,
               shed: bool = False, history: bool = True) -> BatchResult:
    """Play the games to their ends. `record`: keep each game's turn records. `shed`:
    play on without the finished games, for a policy that reads only each game's own row
    (as every rule does), never where a row sits in the batch. `history=False`: keep no
    meters by turn (`new_state`), for a run that reads only where the games end."""
    st = new_state(spec, seed, game_index, history=history or record)
    fired, _ = rules.open_summit(spec, st, reasons=record)
    if record:
        return _play_recorded(spec, policy, st, fired)
    # `live`: the games still playing (all of `st` until some are shed). Playing the
    # unfinished games as a smaller batch changes nothing in any of them (a test compares
    # every field of every game with and without shedding).
    live, rows = st, np.arange(st.n)
    while not live.over.all():
        legal = rules.legal_mask(spec, live)
        action, terms = split_policy_output(policy(spec, live, legal))
        rules.step(spec, live, action, terms, reasons=False)
        if live is not st and live.over.all():
            st.put(rows, live)
        elif shed and live.over.mean() >= _SHED_AT:
            if live is not st:
                st.put(rows, live, live.over)
            keep = ~live.over
            live, rows = live.select(keep), rows[keep]
    return BatchResult(spec, st)


def _play_recorded(spec: GameSpec, policy: Policy, st: BatchState, fired: np.ndarray) -> BatchResult:
    logs = [[opening_record(spec, st, fired, r)] for r in range(st.n)]
    while not st.over.all():
        legal = rules.legal_mask(spec, st)
        action, terms = split_policy_output(policy(spec, st, legal))
        outcome = rules.step(spec, st, action, terms)
        for r in np.nonzero(outcome.played)[0]:
            recent = [rec["reply"]["text"] for rec in logs[r] if "reply" in rec]
            recent_ally = [rec["ally"]["text"] for rec in logs[r] if "ally" in rec]
            logs[r].append(describe_turn(spec, st, outcome, int(r), recent, recent_ally))
    return BatchResult(spec, st, logs)


def run(spec: GameSpec, seed: int, policy: Policy, games: int, batch: int | None = None, first_index: int = 0,
        record: bool = False) -> list[BatchResult]:
    batch = batch or games
    out = []
    for start in range(first_index, first_index + games, batch):
        stop = min(start + batch, first_index + games)
        out.append(play_batch(spec, seed, policy, np.arange(start, stop, dtype=np.int64), record))
    return out


def summary(spec: GameSpec, results: Sequence[BatchResult]) -> dict:
    """Ending counts and meter distributions over every game of the runs."""
    from game.sim.parallel import Finals
    from game.sim.summary import summarize

    return summarize(spec, Finals.concat([Finals.of(r.state) for r in results]))


def final_records(results: Sequence[BatchResult]) -> list[dict]:
    out = []
    for r in results:
        for row in range(r.state.n):
            out.append(ending_record(r.spec, r.state, row))
    return out


__all__ = ["CAUSES", "POLICIES", "play_batch", "run", "scripted", "summary"]
