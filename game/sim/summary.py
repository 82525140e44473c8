"""A run's summary: ending counts, ratings, agreement rates and meter percentiles."""

from __future__ import annotations

import numpy as np

from game.core.spec import GameSpec
from game.sim.parallel import Finals


def summarize(spec: GameSpec, finals: Finals) -> dict:
    counts: dict[str, int] = {}
    ratings: dict[str, int] = {}
    for e, ending in enumerate(spec.endings):
        c = int((finals.ending == e).sum())
        if c:
            counts[ending.id] = c
            ratings[ending.rating] = ratings.get(ending.rating, 0) + c
    none = int((finals.ending < 0).sum())
    if none:
        counts["(none)"] = none
    dist = {}
    for k, m in enumerate(spec.meters):
        v = finals.meters[:, k]
        q = np.percentile(v, [10, 50, 90])
        dist[m.ref] = {"mean": round(float(v.mean()), 2), "p10": round(float(q[0]), 2), "p50": round(float(q[1]), 2),
                       "p90": round(float(q[2]), 2)}
    return {
        "scenario": spec.scenario_id,
        "side": spec.player_side,
        "games": finals.n,
        "endings": counts,
        "ratings": ratings,
        "breakdowns": int(finals.breakdown.sum()),
        "mean_turns": round(float(finals.turns.mean()), 3),
        "agreement_rate": {iid: round(float((finals.agreed[:, i] >= 0).mean()), 4) for i, iid in enumerate(spec.issue_ids)},
        "meters": dist,
    }
