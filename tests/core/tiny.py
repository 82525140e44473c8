"""A tiny hand-made game, built in code (no YAML), small enough to work out by hand.

Two issues, three positions each (ordered from your best to theirs):
  'arms':  yours [1.0, 0.6, 0.0]  theirs [0.0, 0.5, 1.0]   your weight 0.8, theirs 0.2
  'trade': yours [1.0, 0.5, 0.0]  theirs [0.0, 0.7, 1.0]   your weight 0.2, theirs 0.8
Meters: counterpart tension (start 40), trust (30), resolve (50); ally confidence (60).
Two sessions of two turns each.
"""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

import numpy as np

from game.core.spec import ActionSpec, EndingSpec, GameSpec, MeterSpec, Mind, SessionSpec, Traits
from game.core.strategies import BUILTIN_FAMILIES
from game.core.tuning import DEFAULT_TUNING

BANDS = (("calm", 25.0), ("strained", 50.0), ("crisis", 75.0), ("brink", 101.0))


def mind(family: str = "boulware", **traits) -> Mind:
    base = dict(risk_tolerance=0.0, patience=0.5, pride=0.5, volatility=0.0, zeal=0.0, memory=0.5, warmth=0.5)
    base.update(traits)
    curve = {"boulware": 0.5, "conceder": 2.0, "reciprocator": 1.0, "hardliner": 0.5}[family]
    return Mind("tester", "Tester", Traits(**base), family, 0.9, 0.4, curve, MappingProxyType({}))


def actions() -> tuple[ActionSpec, ...]:
    none = (-1, -1)
    return (
        ActionSpec("warn_arms", "warn", "Warn about arms", 0, none),
        ActionSpec("statement", "statement", "Speak to the press", -1, none),
        ActionSpec("rapport", "rapport", "Build rapport", -1, none),
        ActionSpec("probe_arms", "probe", "Ask about arms", 0, none),
        ActionSpec("probe_trade", "probe", "Ask about trade", 1, none),
        ActionSpec("concede_arms", "concede", "Give ground on arms", 0, none),
        ActionSpec("concede_trade", "concede", "Give ground on trade", 1, none),
        ActionSpec("propose_arms_mine", "propose", "Arms on my terms", -1, (0, -1)),
        ActionSpec("propose_trade_theirs", "propose", "Trade on their terms", -1, (-1, 2)),
        ActionSpec("package", "propose", "Arms my way, trade their way", -1, (0, 2)),
        ActionSpec("accept", "accept", "Accept their offer", -1, none),
        ActionSpec("consult_ally", "consult_ally", "Consult the ally", -1, none),
        ActionSpec("break", "break", "Take a break", -1, none),
        ActionSpec("walk_out", "walk_out", "Walk out", -1, none),
    )


def tiny_spec(family: str = "boulware", events=(), endings=None, tuning=None, **traits) -> GameSpec:
    m = mind(family, **traits)
    tun = dict(DEFAULT_TUNING)
    tun.update(tuning or {})
    return GameSpec(
        scenario_id="tiny",
        title="Tiny",
        player_side="us",
        ai_side="them",
        player_leader="You",
        player_address="Mr. Tester",
        ai_leader="Tester",
        ally_name="Friend",
        issue_ids=("arms", "trade"),
        issue_names=("Arms", "Trade"),
        position_ids=(("a0", "a1", "a2"), ("t0", "t1", "t2")),
        position_labels=(("arms: yours", "arms: middle", "arms: theirs"), ("trade: yours", "trade: middle", "trade: theirs")),
        position_shorts=(("your arms terms", "arms halfway", "their arms terms"), ("your trade terms", "trade halfway", "their trade terms")),
        position_mask=np.ones((2, 3), dtype=bool),
        player_values=np.array([[1.0, 0.6, 0.0], [1.0, 0.5, 0.0]]),
        player_weights=np.array([0.8, 0.2]),
        player_red=np.zeros((2, 3), dtype=bool),
        ai_values=np.array([[0.0, 0.5, 1.0], [0.0, 0.7, 1.0]]),
        ai_weights=np.array([0.2, 0.8]),
        ai_red=np.zeros((2, 3), dtype=bool),
        promise_by_player=np.zeros((2, 3), dtype=bool),
        ai_notes=("They need arms parity.", "They need trade."),
        ally_cares=np.array([[1.0, 0.5, 0.0], [0.5, 0.5, 0.5]]),
        meters=(
            MeterSpec("counterpart", "tension", "Tension", 40.0, BANDS),
            MeterSpec("counterpart", "trust", "Trust", 30.0, BANDS),
            MeterSpec("counterpart", "resolve", "Resolve", 50.0, BANDS),
            MeterSpec("ally", "confidence", "Confidence", 60.0, BANDS),
        ),
        sessions=(SessionSpec("s1", "First", "day 1", "here", 2, "h1"), SessionSpec("s2", "Second", "day 2", "here", 2, "h2")),
        actions=actions(),
        events=tuple(events),
        endings=tuple(endings or (EndingSpec("any", "Any", "history", ("true",), "It ended."),)),
        counterpart=m,
        ally=replace(m, id="friend", name="Friend"),
        tuning=MappingProxyType(tun),
        strategy=BUILTIN_FAMILIES[family](),
    )
