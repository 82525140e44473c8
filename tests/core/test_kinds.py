"""One definition per kind: the kinds table drives the content models, the schema, the
menus and the hints, and the hints agree with what the rules actually do."""

from __future__ import annotations

import random

import numpy as np
import pytest

from game.core import rules
from game.core.game import Game
from game.core.kinds import GROUPS, PLAYER_KIND_TABLE, PLAYER_KINDS, REPLY_KIND_TABLE, kinds_in_group
from game.core.reasons import C
from game.ui.hints import likely_effects
from tests.conftest import SCENARIOS
from tests.core.choices import choice_for


def sample_games(spec, seeds=(1, 2, 3), turns=(0, 2, 4, 7)):
    """Games of random play stopped at a few turns: states a player really meets."""
    for seed in seeds:
        pick = random.Random(seed)
        game = Game.start(spec, seed)
        while not game.over:
            if game.turn in turns:
                yield game
            game.play_choice(choice_for(game, pick.choice(game.legal_actions())))


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("side", [0, 1])
def test_hints_agree_with_the_rules(spec_for, library, scenario, side):
    spec = spec_for(scenario, library.scenarios[scenario][1].sides[side].id)
    meter_of = {m.kind: k for k, m in enumerate(spec.meters)}
    checked = set()
    for game in sample_games(spec):
        for action in game.legal_actions():
            hints = [h for h in likely_effects(action.kind, set(meter_of), dict(spec.tuning)) if not h.conditional]
            if not hints:
                continue
            trial = game.state.copy()
            outcome = rules.step(spec, trial, np.array([spec.action_index(action.id)]))
            moved = outcome.deltas.total()[0, :, C["action"]]
            for h in hints:
                amount = moved[meter_of[h.meter_kind]]
                assert np.sign(amount) == h.direction, (
                    f"{scenario}/{spec.player_side} turn {game.turn}: {action.id} ({action.kind}) hints "
                    f"{h.meter_kind} {'up' if h.direction > 0 else 'down'}, the rules moved it {amount:+.2f}")
                checked.add((action.kind, h.meter_kind))
    assert len({kind for kind, _ in checked}) >= 5  # the sample really exercised several kinds


def test_every_kind_is_in_one_menu_group():
    grouped = [k for g in GROUPS for k in kinds_in_group(g)]
    assert sorted(grouped) == sorted(PLAYER_KINDS)


def test_the_schema_describes_every_kind_with_its_manual_entry():
    from game.content.models import Personality, Scenario
    from game.content.schema import schema_of

    action = schema_of(Scenario, "s")["$defs"]["Action"]["properties"]["kind"]
    assert {x["const"]: x["description"] for x in action["oneOf"]} == {k.name: k.doc for k in PLAYER_KIND_TABLE}
    lines = schema_of(Personality, "p")["properties"]["lines"]["propertyNames"]
    assert [x["const"] for x in lines["oneOf"]] == [k.name for k in REPLY_KIND_TABLE]


def test_the_models_take_their_literals_from_the_kinds_table():
    from pydantic import ValidationError

    from game.content.models import Action

    for kind in PLAYER_KIND_TABLE:
        fields = {"id": "x", "kind": kind.name, "label": "X"}
        fields |= {"issue": "berlin"} if kind.needs_issue else {}
        fields |= {"terms": {"berlin": "interim"}} if kind.name == "propose" else {}
        assert Action(**fields).kind == kind.name
    with pytest.raises(ValidationError):
        Action(id="x", kind="bribe", label="X")


def test_every_condition_key_is_one_operator():
    """The content model's condition keys and the operators table name the same things."""
    from game.content.models import Condition
    from game.core.conditions import OPERATOR

    keys = set(Condition.model_fields) - {"at_least", "below"}  # `meter`'s bounds
    assert keys == set(OPERATOR)
    for key, op in OPERATOR.items():
        assert Condition.model_fields[key].description == op.doc


def test_a_condition_compiles_key_by_key_and_evaluates_per_game():
    from game.content.models import Condition
    from game.core.conditions import Names, compile_condition, holds
    from game.core.state import new_state
    from tests.core.tiny import tiny_spec

    names = Names(meters={"counterpart.tension": 0}, sessions={"s1": 0}, issues={"a": 0, "b": 1},
                  positions={"a": {"x": 0, "y": 1}, "b": {"x": 0, "y": 1}})
    c = Condition.model_validate({"meter": "counterpart.tension", "at_least": 50, "agreed": {"b": "y"},
                                  "none_agreed": False, "not": {"player_did": "warn"}})
    compiled = compile_condition(c, names)
    assert compiled == ("all", (("not", ("player_did", PLAYER_KINDS.index("warn"))), ("meter", 0, 50, None),
                                ("agreed", 1, 1), ("not", ("none_agreed",))))
    assert compile_condition(Condition(), names) == ("true",)

    spec = tiny_spec()
    st = new_state(spec, 1, np.arange(3))
    st.agreed[:] = -1
    st.agreed[1, 0] = 0
    assert holds(spec, st, ("agreed_any", 0)).tolist() == [False, True, False]
    assert holds(spec, st, ("not", ("none_agreed",))).tolist() == [False, True, False]
    assert holds(spec, st, ("any", (("agreed", 0, 0), ("true",)))).tolist() == [True, True, True]
