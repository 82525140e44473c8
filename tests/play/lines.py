"""Scripted lines of play for the design's lesson, as policies over a single game.

- constructive: probe what the counterpart needs, then put the package that best meets it
  while holding your core commitment; take or split offers that keep the core.
- threaten: only warnings and public statements.
- charm: only rapport, reassurance and appeals.
- concede: give ground on everything, then accept whatever is offered.
"""

from __future__ import annotations

import numpy as np

from game.core.game import Game
from game.core.utility import take


def _legal(game: Game, kind: str):
    return [a for a in game.legal_actions() if a.kind == kind]


def _core(spec) -> int:
    return int(spec.player_weights.argmax())


def _holds_core(spec, terms) -> bool:
    """Keeps your core commitment and crosses none of your red lines."""
    core = _core(spec)
    terms = np.asarray(terms)
    if any(t >= 0 and spec.player_red[i, t] for i, t in enumerate(terms)):
        return False
    return terms[core] < 0 or spec.player_values[core, terms[core]] >= 0.5


def _package_value_to_them(spec, terms, trust: float) -> float:
    """What the counterpart would think of these terms, over the whole agenda (what a
    player who has probed can reasonably estimate)."""
    covered = np.array(terms) >= 0
    vals = take(spec.ai_values, np.array(terms)[None, :])[0]
    return float((spec.ai_weights * covered * vals).sum())


def constructive(game: Game) -> str:
    spec = game.spec
    top = int(np.argmax(spec.ai_weights))
    for a in _legal(game, "probe"):
        if a.issue == top:
            return a.id
    offer = game.state.ai_offer[0]
    open_ = game.state.agreed[0] < 0
    standing = np.where(open_, offer, -1)
    if (standing >= 0).any() and _holds_core(spec, standing):
        acc = _legal(game, "accept")
        if acc:
            return acc[0].id
    packages = [a for a in _legal(game, "propose") if _holds_core(spec, a.terms) and sum(t >= 0 for t in a.terms) >= 2]
    last = game.choices[-1] if game.choices else ""
    if packages:
        trust = float(game.state.meters()[0, spec.meter_index("counterpart.trust")])
        best = max(packages, key=lambda a: (_package_value_to_them(spec, a.terms, trust), a.id))
        if last != best.id:
            return best.id
    for kind in ("reassure", "appeal", "break"):
        acts = _legal(game, kind)
        if acts:
            return acts[0].id
    return game.legal_actions()[0].id


def _cycle(game: Game, kinds: tuple[str, ...]) -> str:
    acts = [a for a in game.legal_actions() if a.kind in kinds]
    return acts[game.turn % len(acts)].id


def threaten(game: Game) -> str:
    return _cycle(game, ("warn", "statement"))


def charm(game: Game) -> str:
    return _cycle(game, ("rapport", "reassure", "appeal"))


def concede(game: Game) -> str:
    acts = _legal(game, "concede")
    if acts:
        return acts[0].id
    acc = _legal(game, "accept")
    return acc[0].id if acc else _cycle(game, ("reassure", "rapport"))


LINES = {"constructive": constructive, "threaten": threaten, "charm": charm, "concede": concede}


def reference(name: str):
    """A reference player of game.sim.players (a batch policy) as a line for one game."""
    from game.core import rules
    from game.sim.players import REFERENCE_PLAYERS
    from game.sim.runner import split_policy_output

    def line(game: Game):
        policy = REFERENCE_PLAYERS[name](game.spec)
        legal = rules.legal_mask(game.spec, game.state)
        action, terms = split_policy_output(policy(game.spec, game.state, legal))
        a = game.spec.actions[int(action[0])]
        if terms is not None and game.spec.action_open_terms[int(action[0])]:
            return a.id, game.terms_map(terms[0])
        return a.id, None

    return line


def play_line(spec, line: str, seed: int = 1) -> Game:
    """`constructive` is the reference player of game.sim.players (it never reads the
    counterpart's values); the others are the simple lines above."""
    game = Game.start(spec, seed)
    if line == "constructive":
        policy = reference("constructive")
        while not game.over:
            game.play(*policy(game))
        return game
    policy = LINES[line]
    while not game.over:
        game.play(policy(game))
    return game
