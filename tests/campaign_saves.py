"""A campaign against saves: corrupt the saves of finished games in many ways and check
that every one is either refused with a located message (exit 2) or loads into exactly the
game its moves describe. Prints the counts and exits 1 unless tracebacks, hangs and
accepted-with-wrong-state are all 0.

    python -m tests.campaign_saves [--games N] [--quick]

"Accepted with a wrong state": a save that loads although its stored state or summary
disagree with the game rebuilt from its moves, or a loaded game whose meters are not finite
and within 0-100.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import signal
import sys
import tempfile
from pathlib import Path

import numpy as np

from game.saves import pack_text, unpack_text

HANG_S = 10
WRONG_TYPES = [None, "x", -1, 2**70, 1e308, [], {}, True, [[]], {"a": None}]


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang


def finished_games(n: int) -> list[tuple[str, str, int]]:
    choices = [("vienna_1961", "usa"), ("vienna_1961", "ussr"), ("singapore_2018", "usa"), ("singapore_2018", "dprk")]
    return [(*choices[k % len(choices)], 11 + k) for k in range(n)]


def play_to_end(library, scenario: str, side: str, seed: int):
    from game.setup import start_match

    match = start_match(library, scenario, side, seed)
    rng = random.Random(seed)
    turn = 0
    while not match.game.over:
        match.play(rng.choice(match.legal_actions()).id)
        turn += 1
        if turn == 3:  # a branch as well, so the timelines are exercised
            match.rewind(2)
    return match


def mutations(data: dict, text: str, rng: random.Random):
    """(name, new file text) for every corruption."""
    def js(d):
        return json.dumps(d)

    def changed(fn):
        d = json.loads(text)
        fn(d)
        return js(d)

    for key in sorted(data):
        yield f"drop {key}", changed(lambda d, k=key: d.pop(k))
        for value in WRONG_TYPES:
            yield f"{key}={value!r:.20}", changed(lambda d, k=key, v=value: d.__setitem__(k, v))
    for k in range(12):
        cut = rng.randrange(len(text))
        yield f"truncated at {cut}", text[:cut]
    raw = text.encode()
    for k in range(12):
        b = bytearray(raw)
        for _ in range(rng.randint(1, 5)):
            b[rng.randrange(len(b))] = rng.randrange(256)
        yield f"bytes flipped #{k}", b.decode("utf-8", "surrogateescape")
    yield "empty", ""
    yield "deep", "[" * 5000 + "]" * 5000
    yield "deep object", '{"a":' * 5000 + "1" + "}" * 5000
    yield "huge number", '{"version": ' + "9" * 5000 + "}"
    yield "NaN meter", text.replace('"base": {"data": [[', '"base": {"data": [[NaN, ', 1)
    moves = data["timelines"][0]["moves"]
    actions = sorted({m["action"] for t in data["timelines"] for m in t["moves"]})
    for k in range(min(len(moves), 10)):
        for other in actions[:4]:
            yield f"move {k} -> {other}", changed(lambda d, k=k, o=other: d["timelines"][0]["moves"][k].update(action=o))
        yield f"move {k} dropped", changed(lambda d, k=k: d["timelines"][0]["moves"].pop(k))
        yield f"move {k} terms", changed(lambda d, k=k: d["timelines"][0]["moves"][k].update(terms=[0, 1]))
    for field in ("position", "current", "turn", "seed"):
        for delta in (-1, 1, 1000):
            yield f"{field}{delta:+}", changed(lambda d, f=field, x=delta: d.__setitem__(f, d[f] + x))
    for name in sorted(data["state"]):
        if isinstance(data["state"][name], dict):
            yield f"state.{name} shape", changed(lambda d, n=name: d["state"][n].update(shape=[1, 1]))
            yield f"state.{name} dtype", changed(lambda d, n=name: d["state"][n].update(dtype="<U8"))
            yield f"state.{name} data", changed(lambda d, n=name: d["state"][n].update(data="x"))
    yield "scenario edited", changed(lambda d: d["scenario"].update(zlib=pack_text(unpack_text(d["scenario"]["zlib"]) + "#")))
    yield "scenario bomb", changed(lambda d: d["scenario"].update(zlib=pack_text("a" * 50_000_000)))
    yield "scenario not base64", changed(lambda d: d["scenario"].update(zlib="%%%"))
    yield "scenario edited and rehashed", changed(lambda d: _edit_scenario(d))
    yield "scenario path", changed(lambda d: d["scenario"].update(id="/etc/passwd"))
    yield "personality swapped", changed(lambda d: _swap_personality(d))
    yield "timeline parent", changed(lambda d: d["timelines"][-1].update(parent=len(d["timelines"])))
    yield "version newer", changed(lambda d: d.update(version=d["version"] + 1, extra=1))


def _edit_scenario(d):
    import hashlib

    t = unpack_text(d["scenario"]["zlib"]).replace("start: ", "start: 1", 1)
    d["scenario"].update(zlib=pack_text(t), sha256=hashlib.sha256(t.encode()).hexdigest())


def _swap_personality(d):
    pers = d["personalities"]
    if pers:
        k = sorted(pers)[0]
        pers[k]["zlib"] = pack_text(unpack_text(pers[k]["zlib"]).replace("traits:", "traits: \n#", 1))


def check_one(library, path: Path) -> str:
    """'refused', 'ok', 'traceback:...', 'hang' or 'wrong:...'."""
    from game.cli import main
    from game.saves import SaveError
    from game.setup import load_match

    signal.alarm(HANG_S)
    try:
        try:
            match = load_match(library, path)
        except SaveError:
            match = None
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            code = main(["transcript", str(path)])
    except Hang:
        return "hang"
    except Exception as e:  # noqa: BLE001 - the campaign counts exactly these
        return f"traceback: {type(e).__name__}: {e}"[:200]
    finally:
        signal.alarm(0)
    if code not in (0, 2):
        return f"traceback: exit {code}"
    if match is None:
        return "refused" if code == 2 else "wrong: transcript accepted what load refused"
    data = json.loads(path.read_text())
    meters = match.game.state.meters()
    if not np.isfinite(meters).all() or (meters < 0).any() or (meters > 100).any():
        return "wrong: meters"
    if json.loads(json.dumps(match.game.state.to_json())) != data["state"]:
        return "wrong: state differs from the file"
    line = data["timelines"][data["current"]]["moves"][: data["position"]]
    if [m.action for m in match.moves] != [m["action"] for m in line]:
        return "wrong: moves"
    return "ok"


def run(n_games: int, quick: bool) -> dict:
    from game.content.library import load_library

    signal.signal(signal.SIGALRM, _alarm)
    library = load_library(include_mods=False)
    counts = {"cases": 0, "refused": 0, "ok": 0, "tracebacks": 0, "hangs": 0, "accepted_wrong": 0}
    rng = random.Random(1)
    examples = []
    with tempfile.TemporaryDirectory() as home:
        os.environ["SUMMIT_HOME"] = home
        for scenario, side, seed in finished_games(n_games):
            match = play_to_end(library, scenario, side, seed)
            text = match.save_path.read_text()
            data = json.loads(text)
            cases = list(mutations(data, text, rng))
            if quick:
                cases = cases[::4]
            for name, new_text in cases:
                path = Path(home) / "case.json"
                path.write_bytes(new_text.encode("utf-8", "surrogateescape"))
                outcome = check_one(library, path)
                counts["cases"] += 1
                key = {"refused": "refused", "ok": "ok", "hang": "hangs"}.get(outcome)
                if key is None:
                    key = "tracebacks" if outcome.startswith("traceback") else "accepted_wrong"
                    examples.append(f"{scenario}/{side} {name}: {outcome}")
                counts[key] += 1
    counts["examples"] = examples[:20]
    return counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--games", type=int, default=2)
    ap.add_argument("--quick", action="store_true", help="every fourth corruption only")
    args = ap.parse_args()
    c = run(args.games, args.quick)
    print(f"{c['cases']} corrupted saves of {args.games} finished games: {c['refused']} refused with a message, "
          f"{c['ok']} loaded (the damage was in a field rebuilt from the moves)")
    for e in c["examples"]:
        print("  " + e)
    print(f"tracebacks/hangs/accepted-with-wrong-state: {c['tracebacks']}/{c['hangs']}/{c['accepted_wrong']}")
    return 0 if c["tracebacks"] == c["hangs"] == c["accepted_wrong"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
