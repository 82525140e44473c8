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
        "probe_heard_aspiration": 0.05,  # aspiration it gives up when asked about its weightiest issue
        "probe_mislead": 0.1,  # chance your staff read another issue's weight for this one
        "intel_true_chance": 0.5,  # the briefing's doubtful intelligence proves true in this share of games
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
        "ai_walk_out_at": 88.0,  # tension at which an impatient counterpart walks out...
        "walk_out_patience_margin": 10.0,  # ... plus this x its patience
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
        "reciprocator_pressed": 0.03,  # ... and takes when warned or lectured at
        "reciprocator_soft": -0.01,  # ... and gives for rapport and reassurance
        "conceder_soft": -0.015,  # aspiration a conceder gives for soft words
        "conceder_gain": 0.2,  # ... and per unit of utility you gave it
        "boulware_pocket": 0.01,  # aspiration a boulware adds when you concede (it pockets it)
        "hardliner_pocket": 0.01,  # ... and a hardliner
        "promise_floor": 0.3,  # worth of an unverifiable promise at zero trust
        "accept_tolerance": 0.02,
        "link_top_issue": 1.0,  # 1: its weightiest open issue is settled only within a package
        "hold_unasked_offers": 1.0,  # 1: its own offers give no new ground on those issues until you asked
        "top_issues_to_ask": 2.0,  # its weightiest open issues it signs away only after you asked about each (its own best there needs none)
        # --- bare numbers that used to live in the rules
        "hostile_base": 0.6,  # hostile acts' tension x (hostile_base + pride_scale * pride)
        "warmth_base": 0.5,  # goodwill x (warmth_base + warmth_scale * warmth)
        "zeal_scale": 0.5,  # appeals move a zealous counterpart less: x (1 - zeal_scale * zeal)
        "repeat_fatigue": 0.5,  # a "fatigue" effect's worth per repeat, unless <kind>_fatigue says
        "consult_ally_fatigue": 0.5,
        "agreement_scale": 0.5,  # each further issue agreed at once adds this share again
        "aspiration_shift_limit": 0.5,  # how far everything but time may move the aspiration
        # --- time has a cost (game.core.pressure)
        "stall_patience": 0.14,  # patience lost to a move that does not move the talks
        "repeat_kind_patience": 0.08,  # ... extra when it is the same kind as last turn
        "repeat_offer_patience": 0.12,  # the same offer as last turn, again
        "counter_streak_patience": 0.1,  # each counter in a row after the first
        "stall_batna": 0.035,  # its alternatives improve while nothing moves (reservation +)
        "patience_floor": 0.5,  # patience drains x (1.5 - trait patience)
        "final_take_best": 1.0,  # at the last turn it takes the best offer it has seen (1) or not (0)...
        "final_take_share": 0.5,  # ... if worth its reservation + this share of the way to its aspiration
        # --- deadlines
        "ultimatum_turns": 2.0,  # turns until a deadline expires
        "deadline_real_tension": 12.0,  # a real deadline passes: tension
        "deadline_real_aspiration": 0.05,
        "deadline_bluff_aspiration": -0.06,  # a bluff called: it backs down
        "deadline_bluff_resolve": 8.0,
        "yield_resolve": -8.0,  # giving ground on the deadline's issue before it expires
        # --- the ally as a party
        "ally_terms": 10.0,  # ally confidence per unit of its lost value in terms you put on the table
        "ally_sensitivity_pride": 1.0,  # x (0.5 + this * ally pride)
        "ally_leak_chance": 0.6,  # x ally volatility, per consultation after the first
        "ally_leak_tension": 4.0,
        "ally_leak_aspiration": 0.02,
        "ally_break_at": 30.0,  # ally confidence below which it breaks with you in public
        "ally_break_resolve": -10.0,
        "ally_break_aspiration": 0.06,
        "ally_weak_pressure": 0.02,  # aspiration per turn when your ally's confidence is at 0
        # --- the counterpart's model of you (game.core.opponent)
        "om_learn": 1.0,  # weight evidence per offer that keeps an issue's position
        "om_concede": 0.5,  # evidence lost when you give ground on an issue
        # --- reply scores (game.core.reply)
        "score_accept": 10.0,
        "score_take_best": 30.0,  # at the last turn, taking the best offer you made beats everything
        "score_reject": 3.0,
        "score_reject_insult": 3.0,
        "score_counter": 4.0,
        "score_counter_serious": 2.0,
        "score_probe_answer": 8.0,
        "score_package": 2.0,
        "score_package_no_offer": 2.0,
        "score_package_standing": 1.0,  # a fresh package while its offer stands (it would rather give ground)
        "score_concession": 1.0,
        "score_concession_late": 2.0,
        "score_threat": 0.5,
        "score_threat_risk": 3.0,
        "score_threat_pressed": 1.5,
        "score_demand": 1.0,
        "score_demand_weak": 4.0,
        "score_ultimatum": -1.0,
        "score_ultimatum_weak": 6.0,
        "score_ultimatum_tense": 2.0,
        "ultimatum_from": 0.3,  # share of the summit before a deadline can be set
        "score_lecture": 0.5,
        "score_lecture_zeal": 2.0,
        "score_warm": 1.0,
        "score_warm_soft": 3.0,
        "score_cool": 1.5,
        "score_walk_out": 20.0,
        "score_divide": 0.5,  # trying to split you from your ally...
        "score_divide_shaky": 4.0,  # ... x how far its confidence is below divide_at (0-1)
        "score_divide_hurts": 2.0,  # ... when the terms you put forward cost your ally
        "divide_at": 50.0,  # ally confidence below which the counterpart sees a wedge
        "divide_ally": -5.0,  # ally confidence lost when it tries (x (0.5 + ally pride))
        "reply_jitter": 1.5,  # x volatility
        # --- grudges and goodwill
        "fade_min": 0.3,  # share of a grudge kept per session with memory 0
        "fade_max": 0.9,  # ... with memory 1
    }
)
