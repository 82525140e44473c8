"""Where the table's pieces go, for the 1280x720 default and for every size around it.

Wide windows (at least 60 ems of body text across):

    +-------------------------------------------------------------------------+
    | Session name, date - place   (o)(o)(*)( ) Session 3 of 8 - 1 move left  [Undo][Briefing][Help][Menu]
    +--------------+----------------------------------+-----------------------+
    | portraits    | the latest reply                 | THEIR OFFER           |
    | every meter  |                                  | terms, red lines      |
    |              |                                  | [Accept Y][Reject N]  |
    |              |                                  | [Counter C] + terms   |
    |              +----------------------------------+-----------------------+
    |              | filters                          | Agenda | Log | Your offer
    |              | action cards, numbered, 2 columns| (side panel)          |
    +--------------+----------------------------------+-----------------------+

Every meter stays in view: the portraits shrink first, then the meters lose their
subtitles. The actions get the whole height under the reply row, so at 1280x720 at least
six numbered cards show; larger windows get more columns and fuller cards rather than
the same layout scaled up. Narrow windows (big text) put portraits, meters and the reply
in a scrolling left column and tab the rest on the right, with the offer on top.
"""

from __future__ import annotations

import pygame

from game.ui.meters import MeterGauge
from game.ui.scenes.table_offer import composer_widgets, offer_widgets
from game.ui.scenes.table_parts import Band, Schedule, agenda_cards, log_cards
from game.ui.widgets import Button, FlowRow, ScrollPanel, TextBlock, Widget

SIDE_TABS = (("agenda", "Agenda", "A"), ("log", "Log", "L"), ("offer", "Your offer", "O"))
MIN_VISIBLE_ACTIONS = 6


class TableLayout:
    """Mixed into TableScene: `build` and its helpers. Reads the scene's state (match,
    filters, tabs, draft offer) and makes widgets; never changes the game."""

    def build(self, rect: pygame.Rect) -> list[Widget]:
        m = self.ctx.metrics
        area = rect.inflate(-2 * m.margin, -2 * m.margin)
        self.narrow = area.width / m.font_px("body") < 60
        widgets: list[Widget] = []
        header_h = self._header(area, widgets)
        body = pygame.Rect(area.left, area.top + header_h + m.gap, area.width, area.height - header_h - m.gap)
        (self._narrow if self.narrow else self._wide)(body, widgets)
        return widgets

    # ----------------------------------------------------------------- header
    def _header_buttons(self, width: int) -> FlowRow:
        """Undo, Briefing, Help, Menu on one row: smaller, then without key hints, if
        they would wrap."""
        looks = ((True, False), (True, True), (False, True)) if not self.narrow else ((False, True),)
        for hints, small in looks:
            items = []
            if self.can_undo():
                items.append(Button("Undo", self.undo, key="table:undo", hint="U" if hints else "", small=small))
            items += [
                Button("Briefing", self.open_briefing, key="table:briefing", hint="B" if hints else "", small=small),
                Button("Help", self.open_help, key="table:help", hint="F1" if hints else "", small=small),
                Button("Menu", self.open_pause, key="table:menu", hint="Esc" if hints else "", small=small),
            ]
            natural = sum(b.natural_width(self.ctx) for b in items) + (len(items) - 1) * self.ctx.metrics.gap
            if natural <= width:
                break
        return FlowRow(items, align="right", key="table:buttons")

    def _header(self, area: pygame.Rect, widgets: list[Widget]) -> int:
        """Session name, date and place, the schedule with the moves left, the buttons."""
        ctx, m = self.ctx, self.ctx.metrics
        s = self.game.view()["session"]
        inner = area.inflate(-2 * m.pad, -2 * m.pad)
        buttons = self._header_buttons(round(inner.width * 0.5))
        natural = sum(b.natural_width(ctx) for b in buttons.items) + len(buttons.items) * m.gap
        right_w = min(natural, round(inner.width * 0.5))
        schedule = Schedule(s["of"], s["number"] - 1, self.game.over, self.moves_left())
        sched_w = min(schedule.natural_width(ctx), round(inner.width * 0.26))
        left_w = inner.width - right_w - sched_w - 2 * m.gap
        parts = [TextBlock(s["name"], "h3", "accent", key="table:session")]
        if not self.narrow:  # date and place under the name, shortened to the date if the place would wrap
            for text in (f"{s['when']} - {s['place']}", s["when"]):
                if ctx.font("small").size(text)[0] <= left_w:
                    parts.append(TextBlock(text, "small", "muted", key="table:where"))
                    break
        heights = [w.measure(ctx, left_w) for w in parts]
        h = max(sum(heights), buttons.measure(ctx, right_w), schedule.measure(ctx, sched_w))
        band = Band("table:band")
        band.place(ctx, pygame.Rect(area.left, area.top, area.width, h + 2 * m.pad))
        widgets.append(band)
        y = inner.top
        for w, wh in zip(parts, heights):
            w.place(ctx, pygame.Rect(inner.left, y, left_w, wh))
            y += wh
        schedule.place(ctx, pygame.Rect(inner.left + left_w + m.gap, inner.top, sched_w, h))
        buttons.place(ctx, pygame.Rect(inner.right - right_w, inner.top, right_w, buttons.measure(ctx, right_w)))
        widgets += [*parts, schedule, buttons]
        return h + 2 * m.pad

    # ----------------------------------------------------------------- pieces
    def _meters(self, compact: bool, infos: list | None = None) -> list[Widget]:
        return [
            MeterGauge(info, lambda ref=info.ref: self.anim.value(ref), compact=compact)
            for info in (self.meter_infos() if infos is None else infos)
        ]

    def _left_items(self, rect: pygame.Rect) -> list[Widget]:
        """Portraits above every meter; the portraits shrink (or go) so no meter is hidden."""
        ctx, m = self.ctx, self.ctx.metrics
        inner_w = rect.width - 2 * m.pad
        infos = self.meter_infos()  # (read once, for both tries)
        for compact in (False, True):
            meters = self._meters(compact, infos)
            meters_h = sum(g.measure(ctx, inner_w) + m.gap for g in meters)
            room = rect.height - 2 * m.pad - meters_h
            if room >= rect.height * 0.3 or compact:
                break
        cap = min(room - m.gap, round(rect.height * 0.45))
        while cap >= ctx.line("body") * 4:
            pair = self._portraits(cap)
            if pair.measure(ctx, inner_w) + m.gap <= room:
                return [pair] + meters
            cap = round(cap * 0.9)
        who = TextBlock(f"{self.game.spec.ai_leader} ({self.match.other_side_model().name})", "bold", "accent",
                        key="table:who")
        return [who] + meters

    def _panel(self, items, key, rect, columns=1, min_column=0.0, framed=True, follow_end=False, tone="") -> ScrollPanel:
        m = self.ctx.metrics
        panel = ScrollPanel(
            items,
            key=key,
            columns=columns,
            min_column=min_column,
            framed=framed,
            offset=self.scroll_state.get(key, -1 if follow_end else 0),
            follow_end=follow_end,
            padding=m.pad,
        )
        if tone:
            panel.border = tone
        panel.place(self.ctx, rect)
        return panel

    def _natural(self, items: list[Widget], width: int) -> int:
        return ScrollPanel(list(items), key="", padding=self.ctx.metrics.pad).measure(self.ctx, width)

    def _filters(self) -> FlowRow:
        return FlowRow(
            [
                Button(name, lambda i=i: self.set_filter(i), key=f"table:filter{i}", selected=i == self.filter,
                       small=True)
                for i, (name, _) in enumerate(self.filters())
            ],
            key="table:filters",
        )

    def _actions_panel(self, rect: pygame.Rect, widgets: list[Widget]) -> None:
        """The filters and the numbered action cards: full cards when at least six fit,
        else compact ones (terms in the tooltip)."""
        ctx, m = self.ctx, self.ctx.metrics
        y = rect.top
        if not self.game.over:
            filters = self._filters()
            fh = filters.measure(ctx, rect.width)
            if fh < rect.height // 3:
                filters.place(ctx, pygame.Rect(rect.left, y, rect.width, fh))
                widgets.append(filters)
                y += fh + m.gap
        room = pygame.Rect(rect.left, y, rect.width, rect.bottom - y)
        columns = max(1, min(3, room.width // max(1, round(11 * ctx.line("body")))))
        compact = False
        if not self.game.over:
            probe = ScrollPanel(self._actions(False, first=MIN_VISIBLE_ACTIONS), key="", columns=columns, padding=m.pad)
            compact = probe.measure(ctx, room.width) > room.height
        items = self._actions(compact)
        widgets.append(self._panel(items, "table:actions", room, columns=columns))

    def _side_tabs(self, names, width: int) -> FlowRow:
        """The side panel's tabs on one row: the key hints go when they would wrap it."""
        for hints in (True, False):
            row = FlowRow(
                [
                    Button(label, lambda t=tab: self.set_side_tab(t), key=f"table:tab_{tab}",
                           hint=hint if hints else "", selected=self.side_tab == tab, small=True)
                    for tab, label, hint in names
                ],
                key="table:sidetabs",
            )
            if row.measure(self.ctx, width) <= row.items[0].measure(self.ctx, width) or not hints:
                return row
        return row

    def _side_content(self, tab: str, rect: pygame.Rect, widgets: list[Widget]) -> None:
        if tab == "agenda":
            widgets.append(self._panel(agenda_cards(self.game.view()), "table:agenda", rect))
        elif tab == "log":
            widgets.append(self._panel(self._log_items(), "table:log", rect, follow_end=True))
        else:
            items = composer_widgets(self.game, self.draft, self.pick, self.propose_draft)
            widgets.append(self._panel(items, "table:compose", rect))

    def _log_items(self) -> list[Widget]:
        """The log of the talks; under each turn a button back to its start (a rewind:
        playing on differently makes a branch, the first timeline is kept); above them,
        once there are branches, a button to each other timeline."""
        cards = log_cards(self.game.spec, self.game.transcript, "You")
        if not self.can_rewind():
            return cards
        out: list[Widget] = self.timeline_buttons()  # after a rewind: go on with another timeline
        for card, record in zip(cards, self.game.transcript):
            out.append(card)
            turn = record.get("turn", 0)
            if record.get("action") and turn:
                out.append(Button(f"Back to the start of turn {turn}", lambda t=turn: self.rewind(t),
                                  key=f"log:rewind:{turn}", small=True))
        return out

    # ----------------------------------------------------------------- wide
    def _wide(self, body: pygame.Rect, widgets: list[Widget]) -> None:
        ctx, m = self.ctx, self.ctx.metrics
        left_w = round(body.width * 0.21)
        left = pygame.Rect(body.left, body.top, left_w, body.height)
        widgets.append(self._panel(self._left_items(left), "table:left", left))

        rest = pygame.Rect(left.right + m.gap, body.top, body.right - left.right - m.gap, body.height)
        side_w = round(rest.width * 0.38)
        main = pygame.Rect(rest.left, rest.top, rest.width - side_w - m.gap, rest.height)
        side = pygame.Rect(main.right + m.gap, rest.top, side_w, rest.height)

        reply = self._reply()
        cap = round(body.height * (0.6 if self.game.over else 0.29))  # at the end: room for the last reply
        if self._natural(reply, main.width) > cap:  # short of room: their words in body type, not lead
            for w in reply:
                if w.key == "reply:text" and getattr(w, "style", "") == "lead":
                    w.style = "body"
        reply_h = min(self._natural(reply, main.width), cap)
        widgets.append(self._panel(reply, "table:reply", pygame.Rect(main.left, main.top, main.width, reply_h)))
        y = main.top + reply_h + m.gap
        self._actions_panel(pygame.Rect(main.left, y, main.width, main.bottom - y), widgets)

        y = side.top
        offer = offer_widgets(self.game, self.play, self.game.spec.ai_leader)
        if offer:  # the standing offer and your answers, at the top of the side column
            oh = min(self._natural(offer, side.width), round(body.height * 0.72))  # the counter's terms in full
            widgets.append(self._panel(offer, "table:offer", pygame.Rect(side.left, y, side.width, oh), tone="warn"))
            y += oh + m.gap
        tabs = self._side_tabs(SIDE_TABS, side.width)
        th = tabs.measure(ctx, side.width)
        tabs.place(ctx, pygame.Rect(side.left, y, side.width, th))
        widgets.append(tabs)
        y += th + m.gap
        self._side_content(self.side_tab, pygame.Rect(side.left, y, side.width, side.bottom - y), widgets)

    # ----------------------------------------------------------------- narrow
    def _narrow(self, body: pygame.Rect, widgets: list[Widget]) -> None:
        ctx, m = self.ctx, self.ctx.metrics
        left_w = round(body.width * 0.42)
        left = pygame.Rect(body.left, body.top, left_w, body.height)
        right = pygame.Rect(left.right + m.gap, body.top, body.width - left_w - m.gap, body.height)
        s = self.game.view()["session"]
        where = TextBlock(f"{s['when']} - {s['place']}", "small", "muted", key="table:where")
        items = self._meters(True) + self._reply() + [where, self._portraits(round(body.height * 0.3))]
        widgets.append(self._panel(items, "table:left", left))
        offer_label = "Actions + offer" if self.offer_stands() else "Actions"  # the offer is on that tab
        names = (("actions", offer_label, ""),) + SIDE_TABS
        tabs = FlowRow(
            [
                Button(label, lambda t=tab: self.set_narrow_tab(t), key=f"table:ntab_{tab}",
                       selected=self.narrow_tab == tab, small=True)
                for tab, label, _ in names
            ],
            key="table:ntabs",
        )
        y = right.top
        th = tabs.measure(ctx, right.width)
        tabs.place(ctx, pygame.Rect(right.left, y, right.width, th))
        widgets.append(tabs)
        y += th + m.gap
        rest = pygame.Rect(right.left, y, right.width, right.bottom - y)
        if self.narrow_tab != "actions":
            self._side_content(self.narrow_tab, rest, widgets)
            return
        offer = offer_widgets(self.game, self.play, self.game.spec.ai_leader)
        if offer:
            oh = min(self._natural(offer, rest.width), round(rest.height * 0.5))
            widgets.append(self._panel(offer, "table:offer", pygame.Rect(rest.left, y, rest.width, oh), tone="warn"))
            y += oh + m.gap
        self._actions_panel(pygame.Rect(rest.left, y, rest.width, rest.bottom - y), widgets)
