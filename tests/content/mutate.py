"""Mutations of content files, and what one mutated file does to the game.

Shared by the fuzz test in the suite (tests/content/test_fuzz.py, driven by hypothesis)
and the campaign script (tests/campaign_content.py, thousands of files in a process
pool). A mutation works on bytes, so it can break the encoding as well as the YAML and
the model; `outcome` loads the file as the game does and, when it loads, plays a few
games on it and reports whether any number went non-finite.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "scenarios"

# Outcomes: "ok" (loaded and played), "located" (a ContentError, every problem at a
# file:line:col), "traceback" (any other exception), "nan" (a meter went non-finite or
# out of 0-100), "unlocated" (an error without a usable location).
OUTCOMES = ("ok", "located", "traceback", "nan", "unlocated")

_NASTY = [
    "\x00", "\x1b[2J", "\x1b]52;c;aGk=\x07", "\t", "\u201c", "\u201d", "\u2019", ":", ": ", "- ", "[", "]", "{", "}",
    "&a ", "*a", "!!python/object:os.system ", "!!binary ", "<<: ", "'", '"', "#", "|", ">", "%YAML 1.1\n", "---\n",
    "...\n", "\ufeff", "\u202e", "?", "@", "`", "\r", "\n", "  ", "\\",
]
_NUMBERS = [
    ".nan", ".inf", "-.inf", "1e308", "-1e308", "1e-320", "0", "-0", "-1", "101", "100.0000001", "999999999999999999999",
    "0x10", "0o7", "1_000", "true", "null", "~", "'5'", "[]", "{}", "-5", "2.5", "4", "5", "0.0",
]
_NUMBER = re.compile(rb"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])")


def shipped_files() -> list[Path]:
    return sorted(SHIPPED.glob("*.yaml")) + sorted((SHIPPED / "personalities").glob("*.yaml"))


def mutate(data: bytes, rng: random.Random, rounds: int | None = None) -> bytes:
    """`data` with 1-4 random mutations applied."""
    for _ in range(rounds or rng.randint(1, 4)):
        data = rng.choice(_MUTATIONS)(data, rng)
    return data


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def _delete_line(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def _duplicate_line(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    k = rng.randrange(len(lines))
    lines.insert(rng.randrange(len(lines)), lines[k])
    return b"\n".join(lines)


def _swap_lines(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[a], lines[b] = lines[b], lines[a]
    return b"\n".join(lines)


def _insert_nasty(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.choice(_NASTY).encode("utf-8") + data[at:]


def _replace_number(data: bytes, rng: random.Random) -> bytes:
    found = list(_NUMBER.finditer(data))
    if not found:
        return _insert_nasty(data, rng)
    match = rng.choice(found)
    return data[: match.start()] + rng.choice(_NUMBERS).encode() + data[match.end() :]


def _reindent(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    k = rng.randrange(len(lines))
    lines[k] = (b" " * rng.choice([0, 1, 3, 5, 8])) + lines[k].lstrip(b" ")
    return b"\n".join(lines)


def _flip_byte(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    at = rng.randrange(len(data))
    return data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1 :]


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def _replace_value(data: bytes, rng: random.Random) -> bytes:
    """A value after 'key: ' replaced by another shape or an id from elsewhere."""
    found = list(re.finditer(rb"(?m)^(\s*-?\s*[a-z_]+): (.+)$", data))
    if not found:
        return _insert_nasty(data, rng)
    match = rng.choice(found)
    ids = re.findall(rb"id: ([a-z_0-9]+)", data) or [b"x"]
    value = rng.choice([b"[]", b"{}", b"null", b"", b"[a, b]", b"{a: 1}", rng.choice(ids), b"'" + b"x" * 5000 + b"'"])
    return data[: match.start(2)] + value + data[match.end(2) :]


def _alias_bomb(data: bytes, rng: random.Random) -> bytes:
    text = b"zz: &zz " + b"y" * rng.choice([10, 1000, 4000]) + b"\n"
    text += b"zy: [" + b",".join([b"*zz"] * rng.choice([5, 500, 1500])) + b"]\n"
    return data + b"\n" + text


def _deep(data: bytes, rng: random.Random) -> bytes:
    depth = rng.choice([10, 63, 64, 65, 500])
    return data + b"\nzz: " + b"[" * depth + b"]" * depth + b"\n"


_TUNING_KEYS = ("spiral", "weak_resolve_at", "firm_resolve_at", "fade_max", "probe_noise", "warn_tension", "nonsense")
_PORTRAITS = ('"a\\0.png"', "x" * 300 + ".png", "../up.png", "/etc/passwd.png", '"\\e]0;t\\a.png"', "missing.png", "[a.png]")


def _add_tuning(data: bytes, rng: random.Random) -> bytes:
    """Rule numbers a scenario may override, set to hostile values (NaN, inf, huge)."""
    key = rng.choice(_TUNING_KEYS).encode()
    return data + b"\ntuning:\n  " + key + b": " + rng.choice(_NUMBERS).encode() + b"\n"


def _add_portrait(data: bytes, rng: random.Random) -> bytes:
    return data + b"\nportrait: " + rng.choice(_PORTRAITS).encode() + b"\n"


_MUTATIONS = (
    _add_tuning, _add_portrait,
    _delete_line, _duplicate_line, _swap_lines, _insert_nasty, _insert_nasty, _replace_number, _replace_number,
    _reindent, _flip_byte, _truncate, _replace_value, _replace_value, _alias_bomb, _deep,
)


# --------------------------------------------------------------------------- outcome


def outcome(path: Path, games: int = 4) -> tuple[str, str]:
    """What the game makes of the file at `path`: (outcome, detail)."""
    from game.content.compile import SetupError, compile_game
    from game.content.errors import ContentError
    from game.content.library import load_library
    from game.content.loader import is_personality_data, personality_from, read_document, scenario_from

    library = _builtin_library()
    personalities = {pid: p for pid, (_, p) in library.personalities.items()}
    try:
        document = read_document(path)
        if is_personality_data(document.data, path):
            personality = personality_from(document)
            scenario = library.scenarios["vienna_1961"][1]
            personalities = {**personalities, personality.id: personality}
            spec = compile_game(scenario, scenario.sides[0].id, personalities, {"counterpart": personality.id})
        else:
            scenario = scenario_from(document, set(personalities))
            spec = compile_game(scenario, scenario.sides[0].id, personalities, {})
        # Text from the file, shown as the front ends do, must never carry a raw escape.
        shown = "\n".join(problem_free_text(scenario))
        if "\x1b" in shown:
            return "traceback", "an escape reached the shown text"
    except SetupError as error:  # validated content should always set up
        return "unlocated", f"SetupError: {error}"
    except ContentError as error:
        problems = error.problems
        if not problems or not all(p.line >= 1 and p.col >= 1 and p.file for p in problems):
            return "unlocated", str(error)[:200]
        formatted = str(error)
        if "\x1b" in formatted or "\x00" in formatted:
            return "unlocated", "an escape reached the message"
        return "located", ""
    except RecursionError as error:
        return "traceback", f"RecursionError: {error}"
    except Exception as error:  # the failure this exists to find
        return "traceback", f"{type(error).__name__}: {error}"
    return _play(spec, games)


def problem_free_text(scenario) -> list[str]:
    from game.textsafe import visible

    return [visible(scenario.title), visible(getattr(scenario, "hook", "") or "")]


def _play(spec, games: int) -> tuple[str, str]:
    from game.core import rules
    from game.core.state import new_state
    from game.sim.runner import random_policy

    try:
        state = new_state(spec, 7, np.arange(games, dtype=np.int64))
        with np.errstate(divide="raise", over="raise", invalid="raise"):
            rules.open_summit(spec, state)
            for _ in range(spec.total_turns + 2):
                if state.over.all():
                    break
                legal = rules.legal_mask(spec, state)
                if not legal[~state.over].any(axis=1).all():
                    return "traceback", "a running game offered no legal move"
                rules.step(spec, state, random_policy(spec, state, legal))
                meters = state.meters()
                if not (np.isfinite(meters).all() and ((meters >= 0) & (meters <= 100)).all()):
                    return "nan", "a meter left 0-100 or went non-finite"
            if not state.over.all():
                return "traceback", "the summit did not end within its schedule"
    except FloatingPointError as error:
        return "nan", f"FloatingPointError: {error}"
    except Exception as error:
        return "traceback", f"{type(error).__name__} while playing: {error}"
    return "ok", ""


_LIBRARY = None


def _builtin_library():
    global _LIBRARY
    if _LIBRARY is None:
        from game.content.library import load_library

        _LIBRARY = load_library(include_mods=False)
    return _LIBRARY
