"""Negotiation concepts found in one game, with the turns where they happened: anchoring,
the concession pattern, package use, probing and signals about alternatives (BATNA).

Read from the transcript records and the replay's exact terms; each finding is a short
worded line so the terminal, Markdown and HTML documents say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from game import wording
from game.report.frontier import deal_worth

CONCEPTS = ("anchoring", "concessions", "packages", "probing", "batna")
CONCEPT_TITLES = {
    "anchoring": "Anchoring",
    "concessions": "Concession pattern",
    "packages": "Package deals",
    "probing": "Probing for interests",
    "batna": "Signals about alternatives (BATNA)",
}
PRESSURE_MOVES = {"warn": "a warning", "statement": "a public statement", "walk_out": "walking out"}
THEIR_PRESSURE = ("threat", "ultimatum", "walk_out", "demand")  # replies that signal its alternatives


@dataclass
class Finding:
    concept: str
    title: str
    turns: list[int] = field(default_factory=list)  # every turn where it happened (either side)
    yours: list[int] = field(default_factory=list)  # turns where you did it
    lines: list[str] = field(default_factory=list)

    def saw(self, turn: int, line: str, yours: bool) -> None:
        """It happened at `turn` (by you when `yours`), as `line` says."""
        self.turns.append(turn)
        if yours:
            self.yours.append(turn)
        self.lines.append(line)


def _share(spec, terms: np.ndarray) -> float:
    """Your worth of the terms over the issues they cover, 0..1 (1 = your ideal)."""
    covered = terms >= 0
    w = (spec.player_weights * covered).sum()
    return float(deal_worth(spec.player_values, spec.player_weights, terms) / w) if w > 0 else 0.0


def _pct(x: float) -> str:
    return f"{100 * x:.0f} %"


def find_concepts(spec, records: list[dict], traces: list | None) -> list[Finding]:
    """Every concept, found or not (an empty finding says what did not happen)."""
    turns = records[1:]
    terms_by_turn = {t.turn: t.terms for t in traces or []}
    positions = [(t.turn, t.position) for t in traces or []]
    out = {c: Finding(c, CONCEPT_TITLES[c]) for c in CONCEPTS}
    _anchoring(spec, turns, terms_by_turn, out["anchoring"])
    _concessions(spec, turns, positions, out["concessions"])
    _packages(spec, turns, terms_by_turn, out["packages"])
    _probing(spec, turns, out["probing"])
    _batna(spec, turns, out["batna"])
    return [out[c] for c in CONCEPTS]


def _anchoring(spec, turns, terms_by_turn, f: Finding) -> None:
    yours = next((r for r in turns if (terms_by_turn.get(r["turn"], np.array([-1])) >= 0).any()), None)
    theirs = next((r for r in turns if r["reply"].get("offer")), None)
    if yours is None and theirs is None:
        f.lines.append("No one put terms on the table, so no anchor was set.")
        return
    if theirs is not None and (yours is None or theirs["turn"] < yours["turn"]):
        f.saw(theirs["turn"], yours=False, line=f"{theirs['reply']['speaker']} named terms first (turn {theirs['turn']}): their offer "
                       "became the reference point the rest of the talks moved from.")
    if yours is not None:
        share = _share(spec, terms_by_turn[yours["turn"]])
        f.turns.append(yours["turn"])
        f.yours.append(yours["turn"])
        how = "an ambitious anchor" if share >= 0.8 else ("a moderate opening" if share >= 0.5 else "a modest opening")
        f.lines.append(f"Your first offer (turn {yours['turn']}, {yours['action']['label']}) was worth "
                       f"{_pct(share)} of your ideal on the issues it covered: {how}.")


def _concessions(spec, turns, positions, f: Finding) -> None:
    steps = []
    prev = float(deal_worth(spec.player_values, spec.player_weights, spec.player_best))
    for turn, pos in positions:
        worth = float(deal_worth(spec.player_values, spec.player_weights, pos))
        if worth < prev - 1e-9:
            steps.append((turn, prev - worth))
        prev = worth
    theirs = [r["turn"] for r in turns if r["reply"]["kind"] == "concession"]
    if not steps:
        f.lines.append("You never gave ground on your standing position.")
    else:
        f.turns += [t for t, _ in steps]
        f.yours += [t for t, _ in steps]
        sizes = [s for _, s in steps]
        listed = ", ".join(f"turn {t} ({100 * s:.0f} points)" for t, s in steps)
        if len(sizes) == 1:
            shape = "a single concession"
        elif all(b < a - 1e-9 for a, b in zip(sizes, sizes[1:])):
            shape = "shrinking steps, which signals that you are nearing your limit"
        elif all(b > a + 1e-9 for a, b in zip(sizes, sizes[1:])):
            shape = "growing steps, which invites the other side to wait for more"
        else:
            shape = "uneven steps"
        times = {1: "once", 2: "twice"}.get(len(steps), f"{len(steps)} times")
        f.lines.append(f"You gave ground {times}, {shape}: {listed} of your own value.")
    if theirs:
        f.turns += theirs
        f.lines.append(f"They made concessions at turn{'s' if len(theirs) > 1 else ''} " + ", ".join(map(str, theirs)) + ".")


def _packages(spec, turns, terms_by_turn, f: Finding) -> None:
    for r in turns:
        terms = terms_by_turn.get(r["turn"])
        if terms is not None and (terms >= 0).sum() >= 2:
            names = [spec.issue_names[i] for i in range(spec.n_issues) if terms[i] >= 0]
            f.saw(r["turn"], yours=True, line=f"Turn {r['turn']}: you linked {', '.join(names)} in one offer.")
    for r in turns:
        if r["reply"]["kind"] == "package":
            f.saw(r["turn"], yours=False, line=f"Turn {r['turn']}: {r['reply']['speaker']} answered with a package of their own.")
    if not f.lines:
        f.lines.append("Every offer concerned a single issue; no trades across issues were tried.")


def _probing(spec, turns, f: Finding) -> None:
    for r in turns:
        if r.get("probe"):
            p = r["probe"]
            name = spec.issue_names[spec.issue_ids.index(p["issue"])] if p["issue"] in spec.issue_ids else p["issue"]
            f.saw(r["turn"], yours=True, line=f"Turn {r['turn']}: you asked about {name} and learned it seems {p['importance']} to them.")
    if not f.lines:
        f.lines.append("You never asked what the other side needed; every offer was made without knowing.")


def _batna(spec, turns, f: Finding) -> None:
    for r in turns:
        kind = r["action"]["kind"]
        if kind in PRESSURE_MOVES:
            f.saw(r["turn"], yours=True, line=f"Turn {r['turn']}: you signalled that you could do without a deal ({PRESSURE_MOVES[kind]}).")
        reply = r["reply"]["kind"]
        if reply in THEIR_PRESSURE:
            f.saw(r["turn"], yours=False, line=f"Turn {r['turn']}: {r['reply']['speaker']} {wording.reply_verb(reply)}.")
        if r.get("deadline"):  # how its deadline turned out: yielded, bluff called, real
            f.saw(r["turn"], yours=False, line=f"Turn {r['turn']}: {wording.deadline_sentence(r['deadline'], r['reply']['speaker'])}")
    if not f.lines:
        f.lines.append("Neither side signalled its alternatives to a deal.")
