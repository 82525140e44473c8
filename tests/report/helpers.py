"""Fixed games for the report tests."""

from __future__ import annotations

from pathlib import Path

from game.match import new_match

# Vienna as the USA: a probe, the hard line, a warning, a package, a concession, the grand
# bargain, then whatever closes the talks.
SCRIPT = ["probe_berlin", "propose_hard_line", "warn_berlin", "propose_constructive_package", "concede_test_ban",
          "propose_grand_bargain", "call_break", "accept_offer"]


def play_script(library, script=SCRIPT, scenario="vienna_1961", side="usa", seed=3, fill="call_break"):
    match = new_match(library, scenario, side, seed)
    for choice in script:
        if match.game.over:
            break
        legal = [a.id for a in match.game.legal_actions()]
        match.game.play(choice if choice in legal else (fill if fill in legal else legal[0]))
    while not match.game.over:
        legal = [a.id for a in match.game.legal_actions()]
        match.game.play(fill if fill in legal else legal[0])
    return match


def save(match, path: Path) -> Path:
    return match.save(path)
