"""The standing offer and your answers to it, and the composer for your own offer.

The offer box shows what the counterpart has on the table, whether accepting it would
cross your red lines, and the three answers with their keys (Accept Y, Reject N,
Counter C) and the exact terms a counter would send. The composer has one row per open
issue: pick a position or leave the issue open, with what your probes told you beside it
and your own red lines marked, then propose.

Both read the game only through its public API. Your own offer is the action with id
`compose` (`game.play("compose", terms=...)`); a game whose rules do not have it yet gets
a composer that explains this and cannot send (the window works either way).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from game.core.spec import GameSpec
from game.ui.widgets import Button, Choice, FlowRow, TextBlock, Widget

COMPOSE_ID = "compose"
ANSWER_KEYS = {"accept": "Y", "reject": "N", "counter": "C"}
LEAVE_OPEN = "Leave open"


# --------------------------------------------------------------------------- what the game offers
def standing_offer(game) -> dict[str, str]:
    """Issue name -> position label of the counterpart's standing offer on open issues."""
    return {item["name"]: item["their_offer"] for item in game.view()["agenda"] if item["their_offer"] and not item["agreed"]}


def answers(game) -> dict[str, object]:
    """kind -> the open action answering the standing offer (accept, reject, counter)."""
    out = {}
    for action in game.legal_actions():
        if action.kind in ANSWER_KEYS and action.kind not in out:
            out[action.kind] = action
    return out


def preview(game, action_id: str) -> dict[str, str] | None:
    """The exact terms an action would put on the table now (issue id -> position id),
    or None when the rules cannot say yet (before `preview_terms` exists)."""
    look = getattr(game, "preview_terms", None)
    if look is None:
        return None
    try:
        return dict(look(action_id))
    except (KeyError, ValueError):
        return None


def terms_in_words(spec: GameSpec, terms: Mapping[str, str]) -> list[str]:
    """"Issue: position" lines for terms given as ids."""
    out = []
    for iid, pid in terms.items():
        if iid not in spec.issue_ids:
            continue
        i = spec.issue_ids.index(iid)
        label = spec.position_labels[i][spec.position_ids[i].index(pid)] if pid in spec.position_ids[i] else pid
        out.append(f"{spec.issue_names[i]}: {label}")
    return out


def compose_ready(game) -> bool:
    """Whether the rules have your own offer (`compose`) and it is open now."""
    return any(a.id == COMPOSE_ID for a in game.legal_actions())


def red_line_issues(game, action, terms: Mapping[str, str] | None = None) -> list[str]:
    try:
        return list(game.red_lines_crossed(action, terms)) if terms is not None else list(game.red_lines_crossed(action))
    except TypeError:  # rules without composed terms: judge the terms here, from your own red lines
        spec = game.spec
        out = []
        for iid, pid in (terms or {}).items():
            i = spec.issue_ids.index(iid)
            if spec.player_red[i, spec.position_ids[i].index(pid)]:
                out.append(spec.issue_names[i])
        return out


# --------------------------------------------------------------------------- the offer box
def offer_widgets(game, play: Callable[[str], None], who: str) -> list[Widget]:
    """The standing offer, its red-line warning, the three answers and the counter's terms."""
    spec = game.spec
    offer = standing_offer(game)
    if not offer or game.over:
        return []
    found = answers(game)
    out: list[Widget] = [TextBlock("Their offer is on the table", "bold", "warn", key="offer:title")]
    out += [TextBlock(f"{name}: {label}", "small", "ink", key=f"offer:term:{name}") for name, label in offer.items()]
    if "accept" in found:
        crossed = red_line_issues(game, found["accept"])
        if crossed:
            out.append(TextBlock("Accepting crosses your red line: " + ", ".join(crossed), "small", "bad"))
    buttons = []
    for kind, label in (("accept", "Accept"), ("reject", "Reject"), ("counter", "Counter")):
        action = found.get(kind)
        if action is not None:
            buttons.append(
                # tight: the three fit one row of the side column at 1280x720 (they wrapped)
                Button(label, lambda aid=action.id: play(aid), key=f"offer:{kind}", hint=ANSWER_KEYS[kind], small=True,
                       tight=True)
            )
    out.append(FlowRow(buttons, key="offer:answers"))
    if "counter" in found:
        terms = preview(game, found["counter"].id)
        if terms:
            out.append(
                TextBlock("Your counter would put: " + "; ".join(terms_in_words(spec, terms)), "small", "accent",
                          key="offer:counter_terms")
            )
        else:
            out.append(TextBlock("Your counter meets them partway on the same issues.", "small", "muted",
                                 key="offer:counter_terms"))
    return out


# --------------------------------------------------------------------------- the composer
def open_issues(game) -> list[dict]:
    return [item for item in game.view()["agenda"] if not item["agreed"]]


def composer_widgets(
    game,
    draft: dict[str, str | None],
    on_pick: Callable[[str, str | None], None],
    on_propose: Callable[[], None],
) -> list[Widget]:
    """One row per open issue (a position or "leave open"), what you learned beside it,
    your red lines marked; then the offer in words and the Propose button."""
    spec = game.spec
    out: list[Widget] = [
        TextBlock("Your own offer: a position on each issue you want settled; leave the rest open.", "small",
                  "muted", key="compose:intro")
    ]
    for item in open_issues(game):
        iid = item["issue"]
        i = spec.issue_ids.index(iid)
        ids = [pid for p, pid in enumerate(spec.position_ids[i]) if spec.position_mask[i, p]]
        labels = []
        for pid in ids:
            p = spec.position_ids[i].index(pid)
            label = spec.position_labels[i][p]
            labels.append(label + ("  (your red line)" if spec.player_red[i, p] else ""))
        options = [LEAVE_OPEN] + labels
        chosen = draft.get(iid)
        index = ids.index(chosen) + 1 if chosen in ids else 0
        notes = []
        if item["their_offer"]:
            notes.append(f"They offer: {item['their_offer']}")
        reds = [spec.position_labels[i][p] for p, pid in enumerate(spec.position_ids[i])
                if spec.position_mask[i, p] and spec.player_red[i, p]]
        if reds:
            notes.append("Your red line: " + " / ".join(reds) + ".")
        if item["probed"]:
            notes.append(f"Probe: {item['their_interest']}. {item['their_need'] or ''}".strip())
        else:
            notes.append("Not probed: ask what they need here.")
        out.append(
            Choice(
                item["name"],
                options,
                index,
                lambda n, iid=iid, ids=ids: on_pick(iid, ids[n - 1] if n else None),
                key=f"compose:{iid}",
                note=" ".join(notes),
            )
        )
    terms = {k: v for k, v in draft.items() if v is not None and k in {it["issue"] for it in open_issues(game)}}
    ready = compose_ready(game)
    if terms:
        out.append(TextBlock("You would propose: " + "; ".join(terms_in_words(spec, terms)), "small", "accent",
                             key="compose:summary"))
        compose = next((a for a in spec.actions if a.id == COMPOSE_ID), None)
        crossed = red_line_issues(game, compose, terms) if compose is not None else []
        if crossed:
            out.append(TextBlock("This crosses your red line: " + ", ".join(crossed), "small", "bad",
                                 key="compose:red"))
    if not ready:
        out.append(TextBlock("Your own offers need the newer rules; until then use the prepared proposals.",
                             "small", "muted", key="compose:unavailable"))
    out.append(
        Button("Propose this offer", on_propose, key="compose:propose", primary=True,
               enabled=ready and bool(terms), hint="P")
    )
    return out
