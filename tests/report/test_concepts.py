"""Concepts found in hand-made records."""

from __future__ import annotations

import numpy as np

from game.report.concepts import find_concepts
from game.report.replay import TurnTrace


def _rec(turn, kind, reply="cool", reasons=(), **extra):
    return {"turn": turn, "session": "s", "action": {"id": kind, "kind": kind, "label": kind, "says": ""},
            "reply": {"kind": reply, "speaker": "K", "text": "..."},
            "meters": [{"name": "Tension", "reasons": [{"cause": c, "text": t, "amount": 1.0} for c, t in reasons]}],
            **extra}


def _trace(turn, terms, position):
    n = len(terms)
    return TurnTrace(turn, "x", np.array(terms), np.array(position), np.full(n, -1), np.full(n, -1), 0.5)


def test_concepts_by_hand(library, personalities):
    from game.content.compile import compile_game

    spec = compile_game(library.scenarios["vienna_1961"][1], "usa", personalities, {})
    best = list(spec.player_best)
    records = [{"turn": 0, "reply": {"kind": "greet", "speaker": "K", "text": ""}},
               _rec(1, "probe", "probe_answer", probe={"issue": "laos", "importance": "minor", "estimate": 0.1}),
               _rec(2, "propose", "counter"),
               _rec(3, "concede", "cool"),
               _rec(4, "warn", "ultimatum"),
               _rec(5, "break", "cool", deadline="bluff_called")]
    worse = list(best)
    worse[1] = best[1] + 1
    traces = [_trace(1, [-1] * 4, best), _trace(2, best, best), _trace(3, [-1, worse[1], -1, -1], worse),
              _trace(4, [-1] * 4, worse), _trace(5, [-1] * 4, worse)]
    found = {f.concept: f for f in find_concepts(spec, records, traces)}
    assert found["probing"].yours == [1] and "Laos" in found["probing"].lines[0]
    assert found["anchoring"].yours == [2] and "100 %" in found["anchoring"].lines[0]
    assert found["packages"].yours == [2]  # four issues in one offer
    assert found["concessions"].yours == [3] and "gave ground once, a single concession" in found["concessions"].lines[0]
    assert found["batna"].yours == [4]
    assert 4 in found["batna"].turns and 5 in found["batna"].turns
    assert any("you called the bluff" in line for line in found["batna"].lines)
    assert any(line == "Turn 4: K set a deadline." for line in found["batna"].lines)
