"""Test helper: a playable choice string for any open action, composing simple terms for
your own offer (which needs terms) so that scripted tests also exercise it."""

from __future__ import annotations

from game.core.game import Game, choice_text


def choice_for(game: Game, action) -> str:
    if action.id != "compose":
        return action.id
    spec, st = game.spec, game.state
    terms = {}
    for i, iid in enumerate(spec.issue_ids):
        if st.agreed[0, i] < 0:
            # the middle position of each open issue, one issue in two
            if (i + game.turn) % 2 == 0 or not terms:
                n = int(spec.position_mask[i].sum())
                terms[iid] = spec.position_ids[i][n // 2]
    return choice_text("compose", terms)
