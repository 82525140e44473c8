"""The rules' numbers, as data.

A scenario may override any of these in its `tuning:` block (unknown keys are content
errors). Effects are in meter points (0-100 scale) unless the name says otherwise; trait
multipliers are applied in `game.core.rules`, never baked in here.
"""

from __future__ import annotations

from types import MappingProxyType

DEFAULT_TUNING = MappingProxyType(
    {
        # --- warn / threaten
        "warn_tension": 7.0,
        "warn_trust": -3.0,
        "warn_resolve": 6.0,
        "unbacked_threat_resolve": -10.0,  # conceding on an issue you warned about
        # --- public statement
        "statement_tension": 5.0,
        "statement_trust": -2.0,
        "statement_resolve": 4.0,
        "statement_ally": 4.0,
        # --- personal rapport and reassurance (goodwill: fades)
        "rapport_trust": 6.0,
        "rapport_tension": -3.0,
        "rapport_repeat_resolve": -4.0,  # charm without substance reads as weakness
        "rapport_fatigue": 0.5,  # each repeat is worth this fraction of the one before
        "reassure_trust": 4.0,
        "reassure_tension": -4.0,
        "reassure_resolve": -1.0,
        # --- appeal to shared survival
        "appeal_tension": -6.0,
        "appeal_trust": 2.0,
        # --- probing the other side's interests
        "probe_trust": 2.0,
        "probe_noise": 0.25,  # spread of the estimate of an interest weight (fraction)
        # --- concessions
        "concede_tension": -3.0,
        "concede_trust": 2.0,
        "concede_resolve": -6.0,
        "concede_early_resolve": -6.0,  # extra, scaled by the share of the summit still ahead
        "concede_ally": 30.0,  # ally confidence points per unit of the ally's lost value
        "concede_ally_flat": -5.0,  # ally confidence lost to any unilateral concession
        # --- proposals
        "agree_tension": -10.0,
        "agree_trust": 8.0,
        "agree_ally": 24.0,  # per unit of (ally's value of the agreed position - 0.5)
        "hold_core_resolve": 3.0,
        "insulting_offer_tension": 5.0,
        "insulting_offer_trust": -2.0,
        "near_offer_tension": -2.0,
        "near_offer_trust": 2.0,
        "repeat_offer_tension": 2.0,  # the same offer as last turn, again
        "reject_tension": 3.0,
        "reject_resolve": 2.0,
        "accept_bad_resolve": -4.0,
        # --- consulting the ally; breaks; walking out
        "consult_ally": 8.0,
        "consult_ally_resolve": 2.0,
        "break_tension": -6.0,
        "walk_out_tension": 15.0,
        # --- the counterpart's own moves
        "ai_threat_tension": 6.0,
        "ai_ultimatum_tension": 9.0,
        "ai_ultimatum_aspiration": 0.05,
        "ai_lecture_trust": -2.0,
        "ai_demand_tension": 3.0,
        "ai_concession_aspiration": -0.05,
        "ai_walk_out_at": 90.0,
        # --- the state feeding on itself
        "spiral_at": 60.0,  # tension above this and trust below spiral_trust: +spiral per turn
        "spiral_trust": 35.0,
        "spiral": 2.0,
        "pride_scale": 0.8,  # hostile acts' tension x (0.6 + pride_scale * pride)
        "warmth_scale": 1.0,  # goodwill x (0.5 + warmth_scale * warmth)
        "volatility_noise": 4.0,  # +- points of tension noise on hostile acts
        "weak_resolve_at": 40.0,  # below: a proud counterpart presses harder
        "weakness_pressure": 0.04,  # aspiration per turn at zero resolve (x pride)
        "weak_resolve_ally": -4.0,  # ally confidence per turn at zero resolve
        "firm_resolve_at": 60.0,  # above: the counterpart takes you seriously
        "firmness_relief": 0.02,  # aspiration per turn at resolve 100
        "hardliner_push": 0.04,  # aspiration a hardliner adds when warned or lectured at
        "reciprocity": 0.3,  # aspiration a reciprocator gives back per unit of utility you gave it
        "promise_floor": 0.3,  # worth of an unverifiable promise at zero trust
        "accept_tolerance": 0.02,
        # --- grudges and goodwill
        "fade_min": 0.3,  # share of a grudge kept per session with memory 0
        "fade_max": 0.9,  # ... with memory 1
    }
)
