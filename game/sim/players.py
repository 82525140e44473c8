"""Reference players for measuring balance: batch policies that play whole games.

`REFERENCE_PLAYERS` maps a name to a factory: `factory(spec) -> policy`, and a policy is
`policy(spec, st, legal) -> actions [N]` or `(actions [N], terms [N, I])` (terms are the
player's own offer, a position per issue, -1 to leave it out). Every player here sees only
what a person at the table sees: its own values and red lines, the agenda, the standing
offer, and what probes returned (`st.estimate`). None reads the counterpart's values.

- random: any open action; its own offers are random terms.
- constructive: probes, then proposes a package that meets the counterpart's top
  (estimated) interest while holding its own core, gives ground on what it values least,
  accepts an offer that keeps its core and red lines, never repeats itself.
- threatener, charmer, capitulator, staller, counter_spammer, accept_everything,
  ally_spammer, repeat_proposer: the degenerate lines the lesson must beat.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

import numpy as np

from game.core.arrays import clip, row_all, row_any, row_argmax, row_sum
from game.core.spec import PK, GameSpec
from game.core.state import BatchState
from game.core.utility import take

Policy = Callable[[GameSpec, BatchState, np.ndarray], "np.ndarray | tuple[np.ndarray, np.ndarray]"]
Factory = Callable[[GameSpec], Policy]

STREAM_PLAYER = 40  # draws of the reference players (apart from the rules' streams)


# ----------------------------------------------------------------- small helpers
def first_of(spec: GameSpec, legal: np.ndarray, *kinds: str, exclude_open_terms: bool = True) -> np.ndarray:
    """[N] the first open action of any of `kinds` (in the order given), -1 where none."""
    out = np.full(legal.shape[0], -1, dtype=np.int64)
    for kind in reversed(kinds):
        cols = spec.action_kinds == PK[kind]
        if exclude_open_terms:
            cols &= ~spec.action_open_terms
        ok = legal & cols[None, :]
        out = np.where(row_any(ok), row_argmax(ok), out)
    return out


def fallback(spec: GameSpec, legal: np.ndarray, choice: np.ndarray, *kinds: str) -> np.ndarray:
    """Keep `choice` where it is >= 0 and open; else the first open of `kinds`; else any."""
    rows = np.arange(legal.shape[0])
    ok = (choice >= 0) & legal[rows, clip(choice, 0, None)]
    alt = first_of(spec, legal, *kinds) if kinds else np.full(legal.shape[0], -1)
    plain = legal & ~spec.action_open_terms[None, :]
    anything = np.where(row_any(plain), row_argmax(plain), row_argmax(legal))
    return np.where(ok, choice, np.where(alt >= 0, alt, anything))


def compose_index(spec: GameSpec) -> int:
    idx = np.nonzero(spec.action_open_terms)[0]
    return int(idx[0]) if idx.size else -1


def widest_package(spec: GameSpec) -> int:
    """The author's proposal covering the most issues that gives some ground (not just your
    best everywhere): the grand package a staller saves for the last turn."""
    props = np.nonzero((spec.action_kinds == PK["propose"]) & ~spec.action_open_terms)[0]
    terms = spec.action_terms[props]
    gives = row_any((terms >= 0) & (terms != spec.player_best[None, :]))
    sizes = row_sum(terms >= 0) + 100 * gives
    return int(props[sizes.argmax()])


def my_value(spec: GameSpec, terms: np.ndarray) -> np.ndarray:
    """[N] your weighted worth of the terms over the issues they cover (0 where none)."""
    covered = terms >= 0
    w = spec.player_weights[None, :] * covered
    return row_sum(w * take(spec.player_values, terms)) / np.maximum(row_sum(w), 1e-9)


def crosses_mine(spec: GameSpec, terms: np.ndarray) -> np.ndarray:
    return row_any(take(spec.player_red, terms) & (terms >= 0))


# ----------------------------------------------------------------- the players
def random_player(spec: GameSpec) -> Policy:
    comp = compose_index(spec)

    def policy(spec, st, legal):
        u = st.draw(STREAM_PLAYER)
        counts = row_sum(legal)
        pick = np.minimum((u * counts).astype(np.int64), np.maximum(counts - 1, 0))
        order = np.cumsum(legal, axis=1) - 1
        action = row_argmax(order == pick[:, None])
        terms = np.full((st.n, spec.n_issues), -1, dtype=np.int64)
        if comp >= 0:
            for i in range(spec.n_issues):
                n_pos = int(spec.position_mask[i].sum())
                keep = st.draw(STREAM_PLAYER, 1 + 2 * i) < 0.6
                where = st.draw(STREAM_PLAYER, 2 + 2 * i)
                terms[:, i] = np.where(keep, np.minimum((where * n_pos).astype(np.int64), n_pos - 1), -1)
            empty = row_all(terms < 0)
            terms[empty, 0] = 0
        return action, terms

    return policy


def _cycle(*kinds: str) -> Factory:
    def factory(spec: GameSpec) -> Policy:
        def policy(spec, st, legal):
            choice = np.full(st.n, -1, dtype=np.int64)
            for k, kind in enumerate(kinds):
                now = st.turn % len(kinds) == k
                choice = np.where(now, first_of(spec, legal, kind), choice)
            return fallback(spec, legal, choice, *kinds, "break")

        return policy

    return factory


def capitulator(spec: GameSpec) -> Policy:
    def policy(spec, st, legal):
        return fallback(spec, legal, first_of(spec, legal, "accept", "concede"), "accept", "concede", "reassure")

    return policy


def staller(spec: GameSpec) -> Policy:
    """Recesses until the last turn, then the author's widest package."""
    package = widest_package(spec)

    def policy(spec, st, legal):
        last = st.turn >= spec.total_turns - 1
        choice = np.where(last, package, first_of(spec, legal, "break"))
        return fallback(spec, legal, choice, "break", "appeal")

    return policy


def spammer(kind: str):
    """A player who makes a move of `kind` whenever it is open (else a recess)."""

    def factory(spec: GameSpec) -> Policy:
        def policy(spec, st, legal):
            return fallback(spec, legal, first_of(spec, legal, kind), kind, "break")

        return policy

    factory.__doc__ = f"Makes a '{kind}' move whenever one is open, else calls a recess."
    return factory


counter_spammer = spammer("counter")
accept_everything = spammer("accept")
ally_spammer = spammer("consult_ally")


def repeat_proposer(spec: GameSpec) -> Policy:
    """Puts its full position (its best on every issue) on the table every turn."""
    comp = compose_index(spec)

    def policy(spec, st, legal):
        terms = np.where(st.agreed < 0, spec.player_best[None, :], -1)
        choice = np.full(st.n, comp)
        return fallback(spec, legal, choice, "break"), terms

    return policy


# ----------------------------------------------------------------- constructive
def lesson_terms(spec: GameSpec, st: BatchState, give_extra: np.ndarray | None = None) -> np.ndarray:
    """[N, I] the package of the lesson, from what a player knows: on the counterpart's
    top estimated interest, the most you can give without crossing your red lines (and,
    if it is your core too, while holding it at half its worth or better); your core held;
    elsewhere, ground given where they seem to care more than you do. `give_extra` [N]
    gives that many more steps on your least-valued issues (after a refusal)."""
    n, n_issues = st.n, spec.n_issues
    est = np.where(np.isnan(st.estimate), 1.0 / n_issues, st.estimate)
    top = row_argmax(est)
    core = int(spec.player_weights.argmax())
    ratio = est / spec.player_weights[None, :]
    terms = np.full((n, n_issues), -1, dtype=np.int64)
    for i in range(n_issues):
        vals = spec.player_values[i]
        ok = spec.position_mask[i] & ~spec.player_red[i]
        floor_core = ok & (vals >= 0.5)
        floor_mid = ok & (vals >= 0.5)
        floor_low = ok & (vals >= 0.3)
        cheapest = {name: int(np.where(m, vals, np.inf).argmin()) if m.any() else int(spec.player_best[i])
                    for name, m in (("core", floor_core), ("mid", floor_mid), ("low", floor_low), ("any", ok))}
        if i == core:
            pick = np.full(n, cheapest["core"])
        else:
            generous = (top == i) | (ratio[:, i] > 1.0)
            pick = np.where(generous, cheapest["low"], cheapest["mid"])
        terms[:, i] = pick
    if give_extra is not None:
        order = np.argsort(spec.player_weights)  # least valued first
        for rank, i in enumerate(order):
            if i == core:
                continue
            ok = spec.position_mask[i] & ~spec.player_red[i]
            cheapest = int(np.where(ok, spec.player_values[i], np.inf).argmin())
            terms[:, i] = np.where(give_extra > rank, cheapest, terms[:, i])
    return np.where(st.agreed < 0, terms, -1)


def constructive(spec: GameSpec) -> Policy:
    comp = compose_index(spec)
    probes_wanted = spec.n_issues  # ask about everything first: it tells what they need

    def policy(spec, st, legal):
        n = st.n
        probing = row_sum(st.probed) < probes_wanted
        probe = first_of(spec, legal, "probe")
        refusals = clip(st.kind_count[:, PK["propose"]] - 1, 0, None)
        terms = lesson_terms(spec, st, refusals)
        same_as_last = row_all(terms == st.last_terms)
        offer = np.where(st.agreed < 0, st.ai_offer, -1)
        has_offer = row_any(offer >= 0)
        # Take their offer if it keeps your core and red lines and is worth about as
        # much to you as your own package.
        take_it = has_offer & ~crosses_mine(spec, offer) & (my_value(spec, offer) >= my_value(spec, terms) - 0.08)
        accept = first_of(spec, legal, "accept")
        choice = np.where(probing & (probe >= 0), probe, comp)
        choice = np.where(~probing & take_it & (accept >= 0), accept, choice)
        # Never the same offer twice in a row: add one more step of give instead.
        again = ~probing & ~take_it & same_as_last
        terms = np.where(again[:, None], lesson_terms(spec, st, refusals + 1), terms)
        still_same = again & row_all(terms == st.last_terms)
        choice = np.where(still_same, first_of(spec, legal, "reassure", "appeal", "consult_ally"), choice)
        return fallback(spec, legal, choice, "probe", "reassure", "break"), terms

    return policy


REFERENCE_PLAYERS: Mapping[str, Factory] = MappingProxyType({
    "random": random_player,
    "constructive": constructive,
    "threatener": _cycle("warn", "statement"),
    "charmer": _cycle("rapport", "reassure", "appeal"),
    "capitulator": capitulator,
    "staller": staller,
    "counter_spammer": counter_spammer,
    "accept_everything": accept_everything,
    "ally_spammer": ally_spammer,
    "repeat_proposer": repeat_proposer,
})

DEGENERATE = ("threatener", "charmer", "capitulator", "staller", "counter_spammer", "accept_everything",
              "ally_spammer", "repeat_proposer")
