"""Your own offer, composed at the terminal prompt.

    offer                          the composer: each open issue, its positions, what your
                                   probes learned, your red lines, their standing offer
    offer berlin=interim laos=neutral_ceasefire
                                   propose those terms (an issue left out stays open)
    counter                        the terms a counter would send now, before you send it
    counter berlin=interim         counter with your own terms instead

Issue and position ids may be shortened to any unambiguous start ("berlin=inter").
Returns a choice string (`compose:berlin=interim_arrangement+laos=neutral_ceasefire`),
the same form saves, transcripts and `summit simulate --choices` use.
"""

from __future__ import annotations

from game.core.game import choice_text
from game.core.transcript import importance

USAGE = ("Compose with: offer ISSUE=POSITION [ISSUE=POSITION ...]  (ids may be shortened; an issue left out "
         "stays open). 'offer' alone shows the issues; 'counter' shows what a counter would send.")


def _unique(word: str, options: tuple[str, ...], what: str) -> str:
    if word in options:
        return word
    hits = [o for o in options if o.startswith(word)]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise ValueError(f"no {what} {word!r}; choose from: {', '.join(options)}")
    raise ValueError(f"{what} {word!r} could be {', '.join(hits)}")


def parse_terms(spec, agreed, words: list[str]) -> dict[str, str]:
    """`["berlin=interim", ...]` -> {issue id: position id}; ValueError with the reason."""
    terms: dict[str, str] = {}
    for word in words:
        iid, eq, pid = word.partition("=")
        if not eq:
            raise ValueError(f"{word!r} is not ISSUE=POSITION")
        iid = _unique(iid.strip(), spec.issue_ids, "issue")
        i = spec.issue_ids.index(iid)
        if agreed[i] >= 0:
            raise ValueError(f"{spec.issue_names[i]} is already agreed")
        terms[iid] = _unique(pid.strip(), spec.position_ids[i], f"position on {iid}")
    if not terms:
        raise ValueError("name a position on at least one open issue")
    return terms


def composer_lines(game) -> list[str]:
    """Each open issue with its positions: yours, theirs, your red lines, what you learned."""
    spec, st = game.spec, game.state
    lines = []
    for i, iid in enumerate(spec.issue_ids):
        if st.agreed[0, i] >= 0:
            continue
        head = f"{spec.issue_names[i]} ({iid})"
        if st.probed[0, i]:
            head += f": {importance(float(st.estimate[0, i]))} to them, as your staff read it"
        lines.append(head)
        if st.probed[0, i] and spec.ai_notes[i]:
            lines.append(f"    learned: {spec.ai_notes[i]}")
        for p, pid in enumerate(spec.position_ids[i]):
            if not spec.position_mask[i, p]:
                continue
            marks = []
            if st.player_pos[0, i] == p:
                marks.append("your position")
            if st.ai_offer[0, i] == p:
                marks.append("their offer")
            if spec.player_red[i, p]:
                marks.append("YOUR RED LINE")
            tail = f"  [{'; '.join(marks)}]" if marks else ""
            lines.append(f"    {pid}: {spec.position_labels[i][p]}{tail}")
    return lines


def _show(out, lines: list[str]) -> None:
    for line in lines:
        out.para(line)


def command(out, match, raw: str) -> str | None:
    """Handle an `offer ...` or `counter ...` line: a choice string to play, or None after
    printing the composer, a preview or what was wrong."""
    game = match.game
    words = raw.split()
    verb, rest = words[0].lower(), words[1:]
    open_ids = {a.id for a in match.legal_actions()}
    if verb == "counter":
        counter = next((a for a in match.legal_actions() if a.kind == "counter"), None)
        if counter is None:
            out.para("There is no offer of theirs on the table to counter.")
            return None
        if not rest:
            preview = game.preview_terms(counter.id)
            _show(out, ["A counter would put on the table now:"] + [
                f"    {game.spec.issue_names[game.spec.issue_ids.index(i)]}: "
                f"{game.spec.position_labels[game.spec.issue_ids.index(i)][game.spec.position_ids[game.spec.issue_ids.index(i)].index(p)]}"
                for i, p in preview.items()] + [f"Send it with: {counter.id}; or your own: counter ISSUE=POSITION ..."])
            return None
        action_id = counter.id
    else:
        if "compose" not in open_ids:
            out.para("No issue is open for an offer.")
            return None
        if not rest:
            _show(out, composer_lines(game) + [USAGE])
            return None
        action_id = "compose"
    try:
        terms = parse_terms(game.spec, game.state.agreed[0], rest)
    except ValueError as e:
        out.para(f"{e}. {USAGE}")
        return None
    crossed = game.red_lines_crossed(game.spec.actions[game.spec.action_index(action_id)], terms)
    if crossed:
        out.para(f"Note: this crosses your own red lines on {', '.join(crossed)}.")
    return choice_text(action_id, terms)
