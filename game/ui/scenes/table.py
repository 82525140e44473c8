"""The table: where the summit is played.

The counterpart (and your ally) in portrait, the meters with why they moved, the latest
reply, the agenda with offers, the log of the talks, and your actions as cards (number
keys 1-9 pick from the cards shown). After each move the meters ease to their new values,
then events break in as modal cards, then a new session is announced. The game is saved
after every session, when the summit ends, and whenever this scene leaves the stack
(quit to title, window closed), so a game in progress is never lost.
"""

from __future__ import annotations

import pygame

from game.core.kinds import GROUPS, kinds_in_group
from game.match import Match
from game.ui.meters import MeterAnimation, MeterGauge, MeterInfo, recent_reasons
from game.ui.scene import Push, Replace, Scene
from game.ui.scenes.table_parts import (
    Band,
    PortraitPair,
    Schedule,
    action_card,
    agenda_cards,
    log_cards,
    meter_words,
    reply_widgets,
)
from game.ui.widgets import Button, Card, FlowRow, Line, ScrollPanel, TextBlock, Widget

FILTERS = (("All", None),) + tuple((group, kinds_in_group(group)) for group in GROUPS)
DIGITS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)} | {getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)}


class TableScene(Scene):
    title = "The table"

    def __init__(self, ctx, match: Match):
        super().__init__(ctx)
        self.match = match
        self.game = match.game
        self.theme = match.scenario.theme
        self.anim = MeterAnimation()
        for m in self.game.meters():
            self.anim.set(m["meter"], m["value"])
        self.filter = 0
        self.side_tab = "agenda"  # wide layout: agenda or log beside the actions
        self.narrow_tab = "actions"  # narrow layout: actions, agenda or log
        self.queue: list[Scene] = []
        self.hold = 0.0  # seconds to wait before showing queued cards (let meters settle)
        self.narrow = False
        if not self.game.choices:
            self._queue_events(self.game.transcript[0])
        if self.game.over:
            self._queue_ending()

    # ----------------------------------------------------------------- data
    @property
    def record(self) -> dict:
        return self.game.transcript[-1]

    def visible_actions(self):
        kinds = FILTERS[self.filter][1]
        actions = self.game.legal_actions()
        return [a for a in actions if kinds is None or a.kind in kinds]

    def meter_infos(self) -> list[MeterInfo]:
        spec = self.game.spec
        last = {m["meter"]: m.get("change", 0.0) for m in self.record.get("meters", [])}
        out = []
        for m, mspec in zip(self.game.meters(), spec.meters):
            subtitle, meaning = meter_words(spec, mspec.kind, mspec.party)
            out.append(
                MeterInfo(
                    m["meter"],
                    mspec.kind,
                    m["name"],
                    subtitle,
                    meaning,
                    m["value"],
                    m["band"],
                    mspec.bands,
                    float(last.get(m["meter"], 0.0) or 0.0),
                    recent_reasons(self.game.transcript, m["meter"]),
                )
            )
        return out

    # ----------------------------------------------------------------- layout
    def build(self, rect: pygame.Rect) -> list[Widget]:
        m = self.ctx.metrics
        area = rect.inflate(-2 * m.margin, -2 * m.margin)
        em = m.font_px("body")
        self.narrow = area.width / em < 60
        widgets: list[Widget] = []
        header_h = self._header(area, widgets)
        body = pygame.Rect(area.left, area.top + header_h + m.gap, area.width, area.height - header_h - m.gap)
        if self.narrow:
            self._narrow(body, widgets)
        else:
            self._wide(body, widgets)
        return widgets

    def _header(self, area: pygame.Rect, widgets: list[Widget]) -> int:
        """Session name, date and place, the schedule, and the buttons for the briefing,
        help and the menu. When space is short the date and place move to the left panel."""
        ctx, m = self.ctx, self.ctx.metrics
        s = self.game.view()["session"]
        hints = not self.narrow
        buttons = FlowRow(
            [
                Button(
                    "Briefing", self.open_briefing, key="table:briefing", hint="B" if hints else "", small=not hints
                ),
                Button("Help", self.open_help, key="table:help", hint="F1" if hints else "", small=not hints),
                Button("Menu", self.open_pause, key="table:menu", hint="Esc" if hints else "", small=not hints),
            ],
            align="right",
            key="table:buttons",
        )
        inner = area.inflate(-2 * m.pad, -2 * m.pad)
        natural = sum(b.natural_width(ctx) for b in buttons.items) + 2 * m.gap
        right_w = min(natural, round(inner.width * 0.42))
        schedule = Schedule(s["of"], s["number"] - 1, self.game.over)
        sched_w = min(schedule.natural_width(ctx), round(inner.width * 0.22))
        left_w = inner.width - right_w - sched_w - 2 * m.gap
        title = TextBlock(f"{s['name']}", "h3" if self.narrow else "h2", "accent", key="table:session")
        parts = [title]
        if not self.narrow:
            parts.append(TextBlock(f"{s['when']} - {s['place']}", "small", "muted", key="table:where"))
        heights = [w.measure(ctx, left_w) for w in parts]
        buttons_h = buttons.measure(ctx, right_w)
        sched_h = schedule.measure(ctx, sched_w)
        h = max(sum(heights), buttons_h, sched_h)
        band = Band("table:band")
        band.place(ctx, pygame.Rect(area.left, area.top, area.width, h + 2 * m.pad))
        y = inner.top
        for w, wh in zip(parts, heights):
            w.place(ctx, pygame.Rect(inner.left, y, left_w, wh))
            y += wh
        schedule.place(ctx, pygame.Rect(inner.left + left_w + m.gap, inner.top, sched_w, sched_h))
        buttons.place(ctx, pygame.Rect(inner.right - right_w, inner.top, right_w, buttons_h))
        widgets += [band, *parts, schedule, buttons]
        return h + 2 * m.pad

    def _portraits(self, max_height: int) -> PortraitPair:
        spec, me = self.game.spec, self.match.side_model()
        other = self.match.other_side_model()
        main = (spec.counterpart.id, spec.ai_leader, other.name)
        ally = None
        if spec.ally is not None and me.ally is not None:
            ally = (spec.ally.id, me.ally.leader, "Your ally")
        return PortraitPair(self.ctx, main, ally, max_height)

    def _meters(self) -> list[Widget]:
        return [MeterGauge(info, lambda ref=info.ref: self.anim.value(ref)) for info in self.meter_infos()]

    def _reply(self) -> list[Widget]:
        return reply_widgets(self.game.spec, self.record, "You")

    def _actions(self) -> list[Widget]:
        if self.game.over:
            end = self.game.ending()
            return [
                Card(
                    f"The summit is over: {end['title']}",
                    [Line("Read the communiqué, the epilogue and what really happened.", "body")],
                    on_press=self.to_ending,
                    key="table:ending",
                )
            ]
        overrides = dict(self.match.scenario.tuning)
        cards: list[Widget] = []
        for n, action in enumerate(self.visible_actions(), 1):
            crossed = self.game.red_lines_crossed(action)
            cards.append(
                action_card(self.game.spec, action, n, lambda aid=action.id: self.play(aid), overrides, crossed)
            )
        if not cards:
            cards.append(TextBlock("Nothing of this kind is open now; choose another tab.", "body", "muted"))
        return cards

    def _filters(self) -> FlowRow:
        return FlowRow(
            [
                Button(
                    name, lambda i=i: self.set_filter(i), key=f"table:filter{i}", selected=i == self.filter, small=True
                )
                for i, (name, _) in enumerate(FILTERS)
            ],
            key="table:filters",
        )

    def _panel(
        self,
        items: list[Widget],
        key: str,
        rect: pygame.Rect,
        columns: int = 1,
        min_column: float = 0,
        framed: bool = True,
        follow_end: bool = False,
    ) -> ScrollPanel:
        m = self.ctx.metrics
        offset = self.scroll_state.get(key, -1 if follow_end else 0)
        panel = ScrollPanel(
            items,
            key=key,
            columns=columns,
            min_column=min_column,
            framed=framed,
            offset=offset,
            follow_end=follow_end,
            padding=m.pad,
        )
        panel.place(self.ctx, rect)
        return panel

    def _wide(self, body: pygame.Rect, widgets: list[Widget]) -> None:
        ctx, m = self.ctx, self.ctx.metrics
        left_w = round(body.width * 0.25)
        right_w = round(body.width * 0.28)
        mid_w = body.width - left_w - right_w - 2 * m.gap
        left = pygame.Rect(body.left, body.top, left_w, body.height)
        mid = pygame.Rect(left.right + m.gap, body.top, mid_w, body.height)
        right = pygame.Rect(mid.right + m.gap, body.top, right_w, body.height)

        widgets.append(self._panel([self._portraits(round(body.height * 0.36))] + self._meters(), "table:left", left))

        reply_items = self._reply()
        probe = ScrollPanel(list(reply_items), key="", padding=m.pad)
        reply_h = min(probe.measure(ctx, mid.width), round(mid.height * 0.45))
        widgets.append(self._panel(reply_items, "table:reply", pygame.Rect(mid.left, mid.top, mid.width, reply_h)))
        y = mid.top + reply_h + m.gap
        if not self.game.over:
            filters = self._filters()
            fh = filters.measure(ctx, mid.width)
            filters.place(ctx, pygame.Rect(mid.left, y, mid.width, fh))
            widgets.append(filters)
            y += fh + m.gap
        widgets.append(
            self._panel(
                self._actions(),
                "table:actions",
                pygame.Rect(mid.left, y, mid.width, mid.bottom - y),
                columns=2,
                min_column=17,
            )
        )

        tabs = FlowRow(
            [
                Button(
                    "Agenda",
                    lambda: self.set_side_tab("agenda"),
                    key="table:tab_agenda",
                    hint="A",
                    selected=self.side_tab == "agenda",
                    small=True,
                ),
                Button(
                    "Log",
                    lambda: self.set_side_tab("log"),
                    key="table:tab_log",
                    hint="L",
                    selected=self.side_tab == "log",
                    small=True,
                ),
            ],
            key="table:sidetabs",
        )
        th = tabs.measure(ctx, right.width)
        tabs.place(ctx, pygame.Rect(right.left, right.top, right.width, th))
        widgets.append(tabs)
        side_rect = pygame.Rect(right.left, right.top + th + m.gap, right.width, right.height - th - m.gap)
        if self.side_tab == "agenda":
            widgets.append(self._panel(agenda_cards(self.game.view()), "table:agenda", side_rect))
        else:
            widgets.append(
                self._panel(
                    log_cards(self.game.spec, self.game.transcript, "You"), "table:log", side_rect, follow_end=True
                )
            )

    def _narrow(self, body: pygame.Rect, widgets: list[Widget]) -> None:
        ctx, m = self.ctx, self.ctx.metrics
        left_w = round(body.width * 0.42)
        left = pygame.Rect(body.left, body.top, left_w, body.height)
        right = pygame.Rect(left.right + m.gap, body.top, body.width - left_w - m.gap, body.height)
        s = self.game.view()["session"]
        where = TextBlock(f"{s['when']} - {s['place']}", "small", "muted", key="table:where")
        items = [where] + self._reply() + [self._portraits(round(body.height * 0.3))] + self._meters()
        widgets.append(self._panel(items, "table:left", left))
        names = (("actions", "Actions"), ("agenda", "Agenda"), ("log", "Log"))
        tabs = FlowRow(
            [
                Button(
                    label,
                    lambda t=tab: self.set_narrow_tab(t),
                    key=f"table:ntab_{tab}",
                    selected=self.narrow_tab == tab,
                    small=True,
                )
                for tab, label in names
            ],
            key="table:ntabs",
        )
        y = right.top
        th = tabs.measure(ctx, right.width)
        tabs.place(ctx, pygame.Rect(right.left, y, right.width, th))
        widgets.append(tabs)
        y += th + m.gap
        if self.narrow_tab == "actions":
            if not self.game.over:
                filters = self._filters()
                fh = filters.measure(ctx, right.width)
                if fh < right.height // 3:
                    filters.place(ctx, pygame.Rect(right.left, y, right.width, fh))
                    widgets.append(filters)
                    y += fh + m.gap
            widgets.append(
                self._panel(self._actions(), "table:actions", pygame.Rect(right.left, y, right.width, right.bottom - y))
            )
        elif self.narrow_tab == "agenda":
            widgets.append(
                self._panel(
                    agenda_cards(self.game.view()),
                    "table:agenda",
                    pygame.Rect(right.left, y, right.width, right.bottom - y),
                )
            )
        else:
            widgets.append(
                self._panel(
                    log_cards(self.game.spec, self.game.transcript, "You"),
                    "table:log",
                    pygame.Rect(right.left, y, right.width, right.bottom - y),
                    follow_end=True,
                )
            )

    def default_focus(self, chain: list[Widget]) -> Widget | None:
        return next((w for w in chain if w.key.startswith("action:") or w.key == "table:ending"), chain[0])

    # ----------------------------------------------------------------- playing
    def play(self, action_id: str) -> None:
        if self.game.over or self.queue:
            return
        kind = next((a.kind for a in self.game.legal_actions() if a.id == action_id), None)
        if kind is None:
            return
        if kind == "walk_out":
            from game.ui.scenes.notice import ConfirmScene

            ask = ConfirmScene(
                self.ctx,
                "Walk out of the summit?",
                "The talks end here, with whatever has been agreed so far.",
                yes="Walk out",
                no="Stay",
            )
            self.send(Push(ask, lambda yes: self._play(action_id) if yes else None))
            return
        self._play(action_id)

    def _play(self, action_id: str) -> None:
        session_before = self.game.session_index
        record = self.game.play(action_id)
        for m in self.game.meters():
            self.anim.set(m["meter"], m["value"])
        if self.game.session_index != session_before or self.game.over:
            self.match.save()  # autosave after each session, as the terminal game does
        self._queue_events(record)
        if self.game.over:
            self._queue_ending()
        elif self.game.session_index != session_before:
            s = self.game.view()["session"]
            from game.ui.scenes.notice import NoticeScene

            self.queue.append(
                NoticeScene(
                    self.ctx,
                    s["name"],
                    [s["when"], s["place"]],
                    kicker=f"Session {s['number']} of {s['of']}",
                    passes_digits=True,
                )
            )
        speed = self.ctx.settings.animation_speed
        self.hold = 0.6 / speed if speed > 0 else 0.0
        self.scroll_state["table:reply"] = 0
        self.scroll_state["table:log"] = -1
        self.ctx.sound.play("agreement" if record.get("agreed") else "turn")
        self._focus_key = None
        self.focused = None
        if self.filter and not self.visible_actions():
            self.filter = 0
        self.changed()

    def _queue_events(self, record: dict) -> None:
        from game.ui.scenes.notice import NoticeScene

        for event in record.get("events", []):
            self.queue.append(NoticeScene(self.ctx, event["title"], event["text"], kicker="Event", sound="event"))

    def _queue_ending(self) -> None:
        from game.ui.scenes.notice import NoticeScene

        end = self.game.ending()
        if end["breakdown"]:
            why = "Tension reached the brink: the talks broke down."
        elif end["walked_out"]:
            who = "You" if end["walked_out"] == "you" else self.game.spec.ai_leader
            why = f"{who} walked out."
        else:
            why = "The last session is over."
        notice = NoticeScene(
            self.ctx,
            end["title"],
            [why, "Read the communiqué, the epilogue and the debrief."],
            kicker="The summit ends",
            button="Read the communiqué",
            sound="breakdown" if end["breakdown"] else ("agreement" if end["agreements"] else ""),
        )
        self.queue.append(notice)
        self._ending_notice = notice

    def update(self, dt: float) -> bool:
        moving = self.anim.update(dt, self.ctx.settings.animation_speed)
        if self.hold > 0:
            self.hold = max(0.0, self.hold - dt)
            moving = True
        if self.active and self.queue and not moving:
            scene = self.queue.pop(0)
            if scene is getattr(self, "_ending_notice", None):
                on_result = lambda result: self.to_ending()  # noqa: E731
            else:
                on_result = self._after_card
            self.send(Push(scene, on_result))
        return moving or bool(self.queue and self.active)

    def _after_card(self, result) -> None:
        """A session card closed by a number key: that key picks an action here."""
        if isinstance(result, pygame.event.Event) and not self.queue:
            self.on_key(result)

    def to_ending(self) -> None:
        from game.ui.scenes.ending import EndingScene

        self.queue.clear()
        self.match.save()
        self.send(Replace(EndingScene(self.ctx, self.match)))

    # ----------------------------------------------------------------- input
    def set_filter(self, index: int) -> None:
        self.filter = index
        self.scroll_state["table:actions"] = 0
        self.changed()

    def set_side_tab(self, tab: str) -> None:
        self.side_tab = tab
        self.narrow_tab = tab if self.narrow else self.narrow_tab
        self.changed()

    def set_narrow_tab(self, tab: str) -> None:
        self.narrow_tab = tab
        if tab != "actions":
            self.side_tab = tab
        self.changed()

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in DIGITS and not (event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT)):
            actions = self.visible_actions()
            n = DIGITS[event.key]
            if not self.game.over and n <= len(actions):
                self.focus(self.find(f"action:{actions[n - 1].id}"))
                self.play(actions[n - 1].id)
            return True
        if event.key == pygame.K_b:
            self.open_briefing()
            return True
        if event.key == pygame.K_a:
            self.set_narrow_tab("agenda") if self.narrow else self.set_side_tab("agenda")
            return True
        if event.key == pygame.K_l:
            self.set_narrow_tab("log") if self.narrow else self.set_side_tab("log")
            return True
        return False

    def on_escape(self) -> None:
        self.open_pause()

    def open_pause(self) -> None:
        from game.ui.scenes.pause import PauseScene

        self.send(Push(PauseScene(self.ctx, self.match)))

    def open_help(self) -> None:
        from game.ui.scenes.help import HelpScene

        self.send(Push(HelpScene(self.ctx)))

    def open_briefing(self) -> None:
        from game.ui.scenes.briefing import BriefingScene

        self.send(Push(BriefingScene(self.ctx, self.match, review=True)))

    def on_leave(self) -> None:
        self.match.save()  # quitting to the title or closing the window never loses the game
