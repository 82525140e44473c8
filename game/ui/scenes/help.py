"""Help (F1): how to play, what the meters mean, and every key."""

from __future__ import annotations

import pygame

from game.ui.scenes.notice import ModalScene
from game.ui.widgets import TextBlock, Widget

HOW_TO_PLAY = [
    "You lead one side at a historical summit. Each session you choose one action: propose a position or a "
    "package, accept, counter or reject their offer, probe what they need, reassure, warn, concede, appeal, build "
    "rapport, consult your ally, speak to the press, call a break, or walk out.",
    "The counterpart answers in character. Meters move and every change says why. Sometimes an event breaks in.",
    "Summits rarely bring breakthroughs. Firmness without a constructive offer reads as hostility; giving "
    "everything away early reads as weakness. Probe their interests, then build a package that meets them while "
    "you hold what you must.",
    "Action cards show what you know of an action's likely effect: arrows for the meters it pushes. Offers are "
    "marked with '?': their effect depends on whether the other side agrees, which you have to find out.",
]

METERS = [
    "Tension: how close the talks are to breaking down. At the top the summit ends in crisis.",
    "Trust: how far the other leader believes you. Unverifiable promises are worth more with trust.",
    "Resolve: the other leader's reading of your resolve. Firm, consistent, constructive play raises it; early "
    "concessions and threats you do not back lower it.",
    "Ally confidence: whether your ally believes you will protect its interests.",
    "Hover over a meter, or move the focus to it, to see why it moved. Some changes are lasting; goodwill and "
    "grudges fade session by session.",
]

KEYS = [
    "Tab / Shift+Tab, arrow keys: move the focus ring (at the table the first one shows where it is)",
    "Enter or Space: choose the focused item (a card you moved to; never one you did not choose)",
    "1-9: take the numbered action card",
    "Y / N / C: accept, reject or counter the offer on the table",
    "O: compose your own offer (Left/Right on an issue picks a position; P proposes it)",
    "U or Ctrl+Z: undo the last move; the log has a button back to the start of each turn",
    "A / L: agenda or log beside the table; B: the briefing again",
    "Page Up / Page Down, mouse wheel: scroll",
    "Esc: back, or the pause menu at the table (save as..., export the record, load)",
    "F1: this help; F11: fullscreen",
    "Ctrl + / Ctrl -: larger or smaller text",
    "The mouse alone also works: click anything, scroll with the wheel.",
]


class HelpScene(ModalScene):
    title = "How to play"

    def build(self, rect: pygame.Rect) -> list[Widget]:
        body: list[Widget] = [TextBlock(p) for p in HOW_TO_PLAY]
        body.append(TextBlock("The meters", "h3", "accent"))
        body += [TextBlock(p) for p in METERS]
        body.append(TextBlock("Keys", "h3", "accent"))
        body += [TextBlock(k, "mono") for k in KEYS]
        close = self.back_button("Close", "help:close", primary=True)
        return self.layout_page(
            rect,
            title="How to play",
            body=body,
            footer=[close],
            body_key="help:body",
            max_width_em=44,
            compact=False,
        )

    def default_focus(self, chain: list[Widget]) -> Widget | None:
        return next((w for w in chain if w.key == "help:close"), chain[0])
