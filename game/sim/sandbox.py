"""The personality sandbox, headless: for a few chosen states of a game, the counterpart's
scored candidate replies to a move and what it would accept.

Scores come from the core's own reply while a copy of the state plays the move through
`rules.step`: the turn's outcome carries how the counterpart judged your terms and its
final score for every reply (its strategy family's bonuses and the volatility noise
included; the best is the reply it plays). Nothing of the reply rules is re-derived here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from game.core import rules
from game.core.arrays import clip
from game.core.kinds import AI_KINDS
from game.core.spec import GameSpec
from game.core.state import BatchState, new_state
from game.core.utility import aspiration

STATE_SEED = 1  # the sandbox's states are one fixed game: only the personality changes


@dataclass
class Probe:
    """What the counterpart made of one move in one state."""

    scores: dict[str, float]  # reply kind -> score, valid replies only
    chosen: str
    acceptable: bool  # the move's terms (if any) met its aspiration
    worth: float  # the move's terms' worth to it (0 when no terms)
    target: float  # the aspiration it measured them against


@dataclass
class SandboxState:
    title: str
    move: str  # label of the move it answers
    replies: list[tuple[str, float]]  # (kind, score), best first
    chosen: str
    aspiration: float  # what it insists on in this state, before the move
    tolerance: float
    packages: list[dict] = field(default_factory=list)  # the author's offers: label, worth, clears, why not


def _scores_of(spec: GameSpec, st: BatchState, action: int) -> tuple[Probe, BatchState]:
    """Play `action` on a copy of `st`; return the reply scores and the state after."""
    trial = st.copy()
    ctx = rules.step(spec, trial, np.array([action])).judged
    scores = ctx.scores[0]
    valid = {AI_KINDS[k]: float(scores[k]) for k in range(len(AI_KINDS)) if np.isfinite(scores[k])}
    probe = Probe(valid, AI_KINDS[int(np.argmax(scores))], bool(ctx.acceptable[0]), float(ctx.u_new[0]),
                  float(ctx.target[0]))
    return probe, trial


def _first(spec: GameSpec, kind: str) -> int:
    for i, a in enumerate(spec.actions):
        if a.kind == kind and any(t >= 0 for t in a.terms) == (kind == "propose"):
            return i
    for i, a in enumerate(spec.actions):
        if a.kind == kind:
            return i
    return -1


def author_packages(spec: GameSpec) -> list[int]:
    """The author's proposal cards (fixed terms), in the scenario's order."""
    return [i for i, a in enumerate(spec.actions) if a.kind == "propose" and any(t >= 0 for t in a.terms)]


def fair_package(spec: GameSpec) -> int:
    """The author's package of two or more issues whose worse side does best (max-min of
    the two sides' worth over the issues it covers)."""
    best, best_score = -1, -1.0
    for i in author_packages(spec):
        t = np.array(spec.actions[i].terms)
        covered = t >= 0
        if covered.sum() < 2:
            continue
        idx = clip(t, 0, None)
        rows = np.arange(spec.n_issues)
        you = (spec.player_weights * covered * spec.player_values[rows, idx]).sum() / (spec.player_weights * covered).sum()
        them = (spec.ai_weights * covered * spec.ai_values[rows, idx]).sum() / (spec.ai_weights * covered).sum()
        if min(you, them) > best_score:
            best, best_score = i, float(min(you, them))
    return best if best >= 0 else (author_packages(spec) or [0])[0]


def ideal_package(spec: GameSpec) -> int:
    """The author's proposal closest to your own ideal on every issue (the hard line)."""
    packs = author_packages(spec)
    return max(packs, key=lambda i: (sum(t == b for t, b in zip(spec.actions[i].terms, spec.player_best) if t >= 0)
                                     - 0.1 * sum(t < 0 for t in spec.actions[i].terms)), default=0)


def _advance(spec: GameSpec, st: BatchState, choices: list[int]) -> BatchState:
    for a in choices:
        if st.over[0] or not rules.legal_mask(spec, st)[0, a]:
            break
        rules.step(spec, st, np.array([a]))
    return st


def chosen_states(spec: GameSpec) -> list[tuple[str, BatchState, int]]:
    """(title, state, move to answer): the opening; after a warning; after a fair package;
    late with tension high."""
    fair, ideal = fair_package(spec), ideal_package(spec)
    warn, pause = _first(spec, "warn"), _first(spec, "break")
    if pause < 0:
        pause = _first(spec, "appeal")

    def fresh() -> BatchState:
        st = new_state(spec, STATE_SEED, np.array([0]))
        rules.open_summit(spec, st)
        return st

    label = lambda i: spec.actions[i].label  # noqa: E731
    out = [("The opening", fresh(), ideal)]
    if warn >= 0:
        out.append((f"After a warning ({label(warn)})", _advance(spec, fresh(), [warn]), fair))
    out.append((f"After a fair package ({label(fair)})", _advance(spec, fresh(), [fair]), pause if pause >= 0 else fair))
    late = _advance(spec, fresh(), [pause] * max(spec.total_turns - 2, 0)) if pause >= 0 else fresh()
    k = spec.meter_index("counterpart.tension")
    if k >= 0 and not late.over[0]:
        late.base[0, k] = 85.0 - late.fading[0, k]  # tension high, short of the brink
    out.append(("Late in the talks, tension high", late, fair))
    return [(t, s, m) for t, s, m in out if not s.over[0]]


def sandbox_states(spec: GameSpec) -> list[SandboxState]:
    """The table for each chosen state: scored replies to its move, and which of the
    author's packages would clear its aspiration there."""
    tol = float(spec.tuning["accept_tolerance"])
    out = []
    for title, st, move in chosen_states(spec):
        probe, _ = _scores_of(spec, st, move)
        packages = []
        for i in author_packages(spec):
            if not rules.legal_mask(spec, st)[0, i]:
                continue
            p, _ = _scores_of(spec, st, i)
            packages.append({"label": spec.actions[i].label, "worth": p.worth, "clears": p.acceptable,
                             "reply": p.chosen})
        replies = sorted(probe.scores.items(), key=lambda kv: -kv[1])
        out.append(SandboxState(f"{title}: you play \u201c{spec.actions[move].label}\u201d", spec.actions[move].label,
                                replies, probe.chosen, float(aspiration(spec, st)[0]), tol, packages))
    return out


__all__ = ["SandboxState", "chosen_states", "fair_package", "sandbox_states"]
