"""Fixed games for the report tests."""

from __future__ import annotations

from pathlib import Path


# Vienna as the USA: a probe, the hard line, a warning, a package, a concession, the grand
# bargain, then whatever closes the talks.
SCRIPT = ["probe_berlin", "propose_hard_line", "warn_berlin", "propose_constructive_package", "concede_test_ban",
          "propose_grand_bargain", "call_break", "accept_offer"]


def play_script(library, script=SCRIPT, scenario="vienna_1961", side="usa", seed=3, fill="call_break",
                difficulty=None):
    """A finished game played through the match service (as the terminal and window do)."""
    from game.setup import start_match

    match = start_match(library, scenario, side, seed, difficulty=difficulty)
    plain = [a.id for a in match.spec.actions if a.id != "compose"]
    for choice in script:
        if match.game.over:
            break
        legal = [a.id for a in match.legal_actions()]
        match.play(choice if choice in legal else (fill if fill in legal else next(x for x in legal if x in plain)))
    while not match.game.over:
        legal = [a.id for a in match.legal_actions()]
        match.play(fill if fill in legal else next(x for x in legal if x in plain))
    return match


def save(match, path: Path) -> Path:
    return match.save(path)
