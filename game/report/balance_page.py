"""`summit balance SCENARIO`: the balance report as a terminal table and a self-contained
HTML page with SVG charts. The numbers come from `game.report.balance_data`."""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping

from game.report import svg
from game.report.balance_data import RATINGS, SEARCH_CANDIDATES, run_setting
from game.textsafe import visible

AIM_SIDE_RATIO = 1.5  # issue 7: the two sides' constructive rates within a factor of 1.5


def _difficulties() -> list[str]:
    from game.sim.balance import difficulty_names

    return difficulty_names()


def compile_settings(library, scenario_ref: str, side: str | None, vs: Mapping[str, str]):
    """[(spec, leader, difficulty, vs)] for both sides (or the one asked), every difficulty
    level, and the personality swap if one is given (as well as the scenario's own)."""
    from game.content.compile import compile_game
    from game.match import find_scenario
    from game.sim.balance import _difficulty_kw

    scenario = find_scenario(library, scenario_ref)
    personalities = {pid: p for pid, (_, p) in library.personalities.items()}
    sides = [s for s in scenario.sides if side is None or s.id == side]
    if not sides:
        from game.content.compile import SetupError

        raise SetupError(f"scenario {scenario.id!r} has no side {side!r}; choose one of: "
                         f"{', '.join(s.id for s in scenario.sides)}")
    out = []
    for s in sides:
        for difficulty in _difficulties():
            for swap in ([{}, dict(vs)] if vs else [{}]):
                spec = compile_game(scenario, s.id, personalities, swap, **_difficulty_kw(difficulty))
                out.append((spec, s.leader, difficulty, swap))
    return scenario, out


def side_balance(settings) -> list[dict]:
    """Per difficulty (scenario's own personalities): each side's rate of better endings
    for the constructive player and for random play, and the constructive ratio."""
    out = []
    for difficulty in dict.fromkeys(s.difficulty for s in settings):  # in the levels' own order
        rows = [s for s in settings if s.difficulty == difficulty and not s.vs]
        rates = {s.side: {p.player: p.rates.get("better", 0.0) for p in s.players} for s in rows}
        cons = [r.get("constructive", 0.0) for r in rates.values()]
        if len(cons) < 2:  # one side measured: nothing to compare
            ratio = None
        elif min(cons) > 0:
            ratio = max(cons) / min(cons)
        else:
            ratio = float("inf") if max(cons) > 0 else 1.0
        out.append({"difficulty": difficulty, "rates": rates, "ratio": ratio,
                    "ok": ratio is not None and ratio <= AIM_SIDE_RATIO})
    return out


def never_reached(settings) -> list[dict]:
    """Per side: endings no player reached in any of its settings, each said to be
    shadowed (met, but always caught earlier) or never met."""
    out = []
    for side in dict.fromkeys(s.side for s in settings):
        rows = [s for s in settings if s.side == side]
        for k, e in enumerate(rows[0].endings):
            if all(r.endings[k]["reached"] == 0 for r in rows):
                shadowed = any(r.endings[k]["shadowed"] for r in rows)
                out.append({"side": side, "id": e["id"], "title": e["title"],
                            "why": "shadowed by earlier endings" if shadowed else "its condition never held"})
    return out


def text_report(scenario, settings, balance, seeds: int, seconds: float) -> str:
    lines = [f"Balance of {scenario.title} ({scenario.id}): {seeds} seeds per player and setting "
             f"({seconds:.1f} s)"]
    for s in settings:
        lines += ["", f"== {s.title}; across the table: {s.counterpart}",
                  f"  {'player':<18}" + "".join(f"{r:>10}" for r in RATINGS) + "   value   top endings"]
        for p in s.players:
            tops = sorted(((e, c) for e, c in p.endings.items() if c), key=lambda kv: -kv[1])[:3]
            lines.append(f"  {p.player:<18}" + "".join(f"{100 * p.rates.get(k, 0.0):>9.1f}%" for k in RATINGS)
                         + f"   {p.mean_value:5.2f}   " + ", ".join(f"{e} {c}" for e, c in tops))
        lines.append("  Endings (in the scenario's order; the first whose condition holds wins):")
        for e in s.endings:
            note = ""
            if e["shadowed"]:
                note = "  SHADOWED: met but always caught by " + ", ".join(f"{c} ({n})" for c, n in e["caught_by"])
            elif e["never_met"]:
                note = "  NEVER REACHED: no game met its condition"
            elif e["caught_by"]:
                note = "  (met in more games; earlier: " + ", ".join(f"{c} {n}" for c, n in e["caught_by"][:3]) + ")"
            lines.append(f"    {e['id']:<22}{e['rating']:<10} reached {e['reached']:>5}  met {e['held']:>5}{note}")
        if s.openings:
            lines.append("  Dominant openings (first moves of games rated better: better / played):")
            lines += [f"    {n:>5} / {t:<5} {o}" for o, n, t in s.openings]
        if s.scripts:
            lines.append("  Best fixed scripts the search found (better on training / held-out seeds):")
            lines += [f"    {100 * x['train']:5.1f}% / {100 * x['held_out']:5.1f}%  {x['script']}" for x in s.scripts]
        else:
            lines.append(f"  The search found no fixed script that reaches a better ending "
                         f"({SEARCH_CANDIDATES} scripts tried).")
    lines.append("")
    missing = never_reached(settings)
    lines.append("Endings never reached in any setting: " + ("none" if not missing else "; ".join(
        f"{m['id']} as {m['side']} ({m['why']})" for m in missing)))
    for b in balance:
        parts = ", ".join(f"{side}: constructive {100 * r.get('constructive', 0):.1f} %, random "
                          f"{100 * r.get('random', 0):.1f} %" for side, r in b["rates"].items())
        if b["ratio"] is None:
            lines.append(f"Side balance ({b['difficulty']}): {parts}; one side only, no ratio")
            continue
        verdict = "within" if b["ok"] else "NOT within"
        lines.append(f"Side balance ({b['difficulty']}): {parts}; ratio {b['ratio']:.2f}, {verdict} "
                     f"the aim of {AIM_SIDE_RATIO}")
    return visible("\n".join(lines)) + "\n"


def html_report(scenario, settings, balance, seeds: int) -> str:
    from game.report.render import css, template

    charts = []
    for s in settings:
        rows = [(p.player, [p.rates.get(k, 0.0) for k in RATINGS]) for p in s.players]
        charts.append(svg.bar_chart(rows, list(RATINGS), colors=[svg.RATING_COLORS[r] for r in RATINGS]))
    return template("html", "balance.html.j2").render(css=css(), scenario=scenario, settings=settings,
                                                      charts=charts, balance=balance, seeds=seeds,
                                                      missing=never_reached(settings),
                                                      ratings=RATINGS, aim=AIM_SIDE_RATIO)


def run_balance_command(args, library, vs: Mapping[str, str]) -> int:
    from game.cli import UsageError
    from game.saves import write_atomic

    if args.seeds < 1:
        raise UsageError("--seeds must be at least 1")
    start = time.perf_counter()
    scenario, specs = compile_settings(library, args.scenario, args.side, vs)
    settings = [run_setting(spec, leader, difficulty, swap, args.seeds) for spec, leader, difficulty, swap in specs]
    balance = side_balance(settings)
    sys.stdout.write(text_report(scenario, settings, balance, args.seeds, time.perf_counter() - start))
    if args.html:
        write_atomic(args.html, html_report(scenario, settings, balance, args.seeds), shared=True)
        print(f"Balance page written to {visible(args.html)}")
    return 0
