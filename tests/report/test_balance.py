"""summit balance: endings an author must hear about (shadowed, never reached), the table
and the page, and bad input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.cli import main

REPO = Path(__file__).resolve().parents[2]
EXTRA_ENDINGS = """
  - id: after_the_catch_all
    title: Too late to matter
    rating: better
    when: {session_at_least: 0}
    epilogue: {by_side: {usa: Never read., ussr: Never read.}}
  - id: contradiction
    title: A broken-down agreement
    rating: better
    when: {all: [{breakdown: true}, {not: {breakdown: true}}]}
    epilogue: {by_side: {usa: Never read either., ussr: Never read either.}}
"""


@pytest.fixture(scope="module")
def flawed(tmp_path_factory) -> Path:
    """Vienna with an ending after the catch-all (always shadowed) and one whose condition
    contradicts itself (never met)."""
    text = (REPO / "scenarios" / "vienna_1961.yaml").read_text(encoding="utf-8")
    text = text.replace('title: "Vienna, 1961: Kennedy and Khrushchev"', 'title: "Vienna <script>alert(1)</script>"', 1)
    head, tail = text.split("\nlearning_objectives:", 1)
    head = head.rstrip().rsplit("\n# ----", 1)
    body = head[0] + "\n" + EXTRA_ENDINGS + ("\n# ----" + head[1] if len(head) > 1 else "")
    path = tmp_path_factory.mktemp("flawed") / "flawed.yaml"
    path.write_text(body + "\nlearning_objectives:" + tail, encoding="utf-8")
    return path


@pytest.mark.slow
def test_shadowed_and_unreachable_endings_are_named(flawed, tmp_path, capsys):
    page = tmp_path / "b.html"
    assert main(["balance", str(flawed), "--seeds", "20", "--side", "usa", "--html", str(page)]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.strip().startswith("after_the_catch_all"))
    assert "reached     0" in line and "SHADOWED" in line
    met = int(re.search(r"met\s+(\d+)", line).group(1))
    caught = sum(int(n) for n in re.findall(r"\((\d+)\)", line.split("caught by", 1)[1]))
    assert met > 0 and caught == met  # every game where it held was taken by an earlier ending
    line = next(x for x in out.splitlines() if x.strip().startswith("contradiction"))
    assert "NEVER REACHED" in line and "met     0" in line
    summary = next(x for x in out.splitlines() if x.startswith("Endings never reached in any setting"))
    assert "after_the_catch_all as usa (shadowed by earlier endings)" in summary
    assert "contradiction as usa (its condition never held)" in summary
    # every reference player appears with rates that sum to 100 %
    rows = [x for x in out.splitlines() if re.match(r"  (random|constructive|staller) ", x)]
    from game.sim.balance import difficulty_names

    assert len(rows) == 3 * len(difficulty_names())  # one table per difficulty level
    for level in difficulty_names():
        assert f"as usa (John F. Kennedy), {level}" in out
    for row in rows:
        assert abs(sum(float(v) for v in re.findall(r"([0-9.]+)%", row)) - 100.0) < 0.5
    html = page.read_text(encoding="utf-8")
    assert "Shadowed" in html and "Never reached" in html and "<svg" in html and "<script" not in html
    assert "Vienna &lt;script&gt;alert(1)&lt;/script&gt;" in html  # the title is shown, not run


def test_ending_reach_by_hand(library, personalities):
    """Two games by hand: the catch-all takes both; an ending after it is met but shadowed."""
    import numpy as np

    from game.content.compile import compile_game
    from game.report.balance_data import ending_reach
    from game.sim import runner

    spec = compile_game(library.scenarios["vienna_1961"][1], "usa", personalities, {})
    result = runner.run(spec, 1, runner.scripted(["call_break"] * spec.total_turns), 2)[0]
    reach = {e["id"]: e for e in ending_reach(spec, [result.state])}
    chosen = [spec.endings[int(e)].id for e in result.state.ending]
    for eid in chosen:
        assert reach[eid]["reached"] == chosen.count(eid)
    assert reach["uneasy_paper"]["held"] == 2  # the catch-all holds in every final state
    assert sum(e["reached"] for e in reach.values()) == 2
    assert not np.any([e["shadowed"] and e["reached"] for e in reach.values()])


def test_unknown_side_and_seed_count_are_exit_2(capsys):
    assert main(["balance", "vienna_1961", "--side", "gdr", "--seeds", "5"]) == 2
    assert "no side 'gdr'" in capsys.readouterr().err
    assert main(["balance", "vienna_1961", "--seeds", "0"]) == 2
    assert main(["balance", "nowhere_1999"]) == 2


def test_scripts_in_one_batch_score_as_one_at_a_time(library, personalities):
    """The search plays all its scripts as one batch; each must fare exactly as it does
    alone through i7's lenient_script."""
    import numpy as np

    from game.content.compile import compile_game
    from game.report.balance_data import _script_rates
    from game.sim import balance as sb

    for side in ("usa", "ussr"):
        spec = compile_game(library.scenarios["vienna_1961"][1], side, personalities, {})
        scripts = sb.candidate_scripts(spec, 6, seed=3)
        seeds = np.arange(10)
        batched, ending = _script_rates(spec, scripts, seeds)
        for k, script in enumerate(scripts):
            alone = sb.play_player(spec, sb.lenient_script(script), seeds)
            assert np.array_equal(alone.state.ending, ending[k])
            assert batched[k] == sb.row_for(spec, "", alone).better


def test_side_balance_ratio_by_hand():
    from types import SimpleNamespace as NS

    from game.report.balance_page import side_balance

    def setting(side, constructive, vs=None):
        return NS(side=side, difficulty="historical", vs=vs or {},
                  players=[NS(player="constructive", rates={"better": constructive}),
                           NS(player="random", rates={"better": 0.01})])

    both = side_balance([setting("usa", 0.4), setting("ussr", 0.2), setting("usa", 0.9, {"counterpart": "x"})])
    assert both[0]["ratio"] == 2.0 and not both[0]["ok"]  # the swap is not a side
    assert side_balance([setting("usa", 0.4), setting("ussr", 0.3)])[0]["ok"]
    assert side_balance([setting("usa", 0.4)])[0]["ratio"] is None
