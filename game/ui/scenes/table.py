"""The table: where the summit is played.

The counterpart (and your ally) in portrait, every meter with why it moved, the latest
reply, the standing offer with your answers to it, your actions as numbered cards, and
beside them the agenda, the log and the composer for your own offer (where things go:
`table_layout`). After each move the meters ease to their new values, then events break
in as modal cards, then a new session is announced. The game is saved after every
session, when the summit ends, and whenever this scene leaves the stack.

No move without intent (issue 9): a card swallows the key that closes it; when the
table comes back from under a card (or after a move) Enter and Space do not play the
card that happens to have the focus until the player has moved the focus (Tab, arrows)
or pointed with the mouse; number keys and the offer keys (Y, N, C) say which move they
mean and always work while the table is in view and no card is waiting.
"""

from __future__ import annotations

import pygame

from game import wording
from game.core.kinds import GROUPS, kinds_in_group
from game.core.records import MeterMove
from game.match import Match
from game.ui.meters import MeterAnimation, MeterInfo, recent_reasons
from game.ui.scene import Push, Replace, Scene
from game.ui.scenes.table_layout import TableLayout
from game.ui.scenes.table_time import TableTime
from game.ui.scenes.table_offer import ANSWER_KEYS, COMPOSE_ID, answers, open_issues, standing_offer
from game.ui.scenes.table_parts import PortraitPair, action_card, meter_words, reply_widgets
from game.ui.widgets import Card, Line, TextBlock, Widget

FILTERS = (("All", None),) + tuple((group, kinds_in_group(group)) for group in GROUPS)
DIGITS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)} | {getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)}
ANSWER_BY_KEY = {getattr(pygame, f"K_{k.lower()}"): kind for kind, k in ANSWER_KEYS.items()}
FOCUS_KEYS = (pygame.K_TAB, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT)
ACTIVATE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)


def play_move(match: Match, action_id: str, terms: dict[str, str] | None = None, autosave: bool = True):
    """Play through the match (it records the move on its timeline and, unless told not
    to, autosaves): the `PlayResult` (the turn record, and the save's error if it failed)."""
    return match.play(action_id, terms or None, autosave=autosave)


def is_move_widget(key: str) -> bool:
    """Widgets whose activation plays a move or turns time back."""
    return key.startswith(("action:", "offer:accept", "offer:reject", "offer:counter", "log:rewind:",
                           "log:timeline:")) or key in (
        "compose:propose",
        "table:undo",
    )


class TableScene(TableLayout, TableTime, Scene):
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
        self.side_tab = "agenda"  # wide layout: agenda, log or your offer beside the actions
        self.narrow_tab = "actions"  # narrow layout: actions, agenda, log or your offer
        self.queue: list[Scene] = []
        self.hold = 0.0  # seconds to wait before showing queued cards (let meters settle)
        self.narrow = False
        self.armed = False  # the player has chosen where the focus is since the table came back
        self.draft: dict[str, str | None] = {}  # the offer being composed: issue id -> position id
        self.save_failure_told = False  # a failed save was said, and none has succeeded since
        self.save_in = 0  # passes of `update` until the last move is saved (0: saved)
        if not self.game.choices:
            self._queue_events(self.game.transcript[0])
        if self.game.over:
            self._queue_ending()

    # ----------------------------------------------------------------- data
    @property
    def record(self) -> dict:
        return self.game.transcript[-1]

    def filters(self):
        return FILTERS

    def offer_stands(self) -> bool:
        return bool(standing_offer(self.game)) and not self.game.over

    def visible_actions(self):
        """The numbered cards: open actions of the chosen kind, without the answers to a
        standing offer (they have their own box), your own offer (it has the composer)
        and questions about issues already agreed."""
        kinds = FILTERS[self.filter][1]
        agreed = {i for i, item in enumerate(self.game.view()["agenda"]) if item["agreed"]}
        boxed = set(ANSWER_KEYS) if self.offer_stands() else set()
        return [
            a
            for a in self.game.legal_actions()
            if (kinds is None or a.kind in kinds)
            and a.kind not in boxed
            and a.id != COMPOSE_ID
            and not (a.kind == "probe" and a.issue in agreed)
        ]

    def moves_left(self) -> int:
        """Moves left in this session, this one included."""
        if self.game.over:
            return 0
        spec, turn = self.game.spec, self.game.turn
        now = int(spec.session_of_turn[turn])
        return sum(1 for t in range(turn, spec.total_turns) if int(spec.session_of_turn[t]) == now)

    def meter_infos(self) -> list[MeterInfo]:
        spec = self.game.spec
        # The last move as the player saw the meter move (whole numbers, as the log says).
        last = {m["meter"]: wording.shown_change(MeterMove.from_dict(m)) for m in self.record.get("meters", [])}
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

    def _portraits(self, max_height: int) -> PortraitPair:
        spec, me = self.game.spec, self.match.side_model()
        other = self.match.other_side_model()
        main = (spec.counterpart.id, spec.ai_leader, other.name)
        ally = None
        if spec.ally is not None and me.ally is not None:
            ally = (spec.ally.id, me.ally.leader, "Your ally")
        return PortraitPair(self.ctx, main, ally, max_height)

    def _reply(self) -> list[Widget]:
        return reply_widgets(self.game.spec, self.record, "You")

    def _actions(self, compact: bool = False, first: int | None = None) -> list[Widget]:
        """The action cards (only the `first` few when given)."""
        if self.game.over:
            end = self.game.ending()
            return [
                Card(
                    f"The summit is over: {end['title']}",
                    [Line("Read the communiqué, the epilogue and what really happened.", "body")],
                    on_press=self.to_ending,
                    key="table:ending",
                    span_all=True,
                )
            ]
        overrides = dict(self.match.scenario.tuning)
        agreed = [i for i, item in enumerate(self.game.view()["agenda"]) if item["agreed"]]
        cards: list[Widget] = []
        for n, action in enumerate(self.visible_actions()[:first], 1):
            crossed = self.game.red_lines_crossed(action)
            cards.append(
                action_card(
                    self.game.spec, action, n, lambda aid=action.id: self.play(aid), overrides, crossed, agreed, compact
                )
            )
        if not cards:
            cards.append(TextBlock("Nothing of this kind is open now; choose another tab.", "body", "muted"))
        return cards

    def default_focus(self, chain: list[Widget]) -> Widget | None:
        """The first action card (or the way to the ending); else a tab, never Undo."""
        return next((w for w in chain if w.key.startswith("action:") or w.key == "table:ending"), None) or next(
            (w for w in chain if w.key.startswith(("table:tab_", "table:ntab_"))), chain[0]
        )

    # ----------------------------------------------------------------- playing
    def play(self, action_id: str, terms: dict[str, str] | None = None) -> None:
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
        self._play(action_id, terms)

    def _play(self, action_id: str, terms: dict[str, str] | None = None) -> None:
        session_before = self.game.session_index
        # The move is saved once its frame is on the screen (`update`, two passes of the
        # loop on), so the frame that shows it does not wait for the disk.
        result = play_move(self.match, action_id, terms, autosave=False)
        self.save_in = 2
        self._after_move(result.record, session_before)

    def _save_when_due(self) -> None:
        if self.save_in > 0:
            self.save_in -= 1
            if self.save_in == 0:
                self._tell_if_not_saved(self.match.autosave()[1])

    def _after_move(self, record: dict, session_before: int) -> None:
        for m in self.game.meters():
            self.anim.set(m["meter"], m["value"])
        self._queue_events(record)
        if self.game.over:
            self._queue_ending()
        elif self.game.session_index != session_before:
            s = self.game.view()["session"]
            from game.ui.scenes.notice import NoticeScene

            left = self.moves_left()
            self.queue.append(
                NoticeScene(
                    self.ctx,
                    s["name"],
                    [s["when"], s["place"], f"{left} move{'s' if left != 1 else ''} in this session."],
                    kicker=f"Session {s['number']} of {s['of']}",
                )
            )
        speed = self.ctx.settings.animation_speed
        self.hold = 0.6 / speed if speed > 0 else 0.0
        self.scroll_to("table:reply", 0)
        self.scroll_to("table:log", -1)
        self.scroll_to("table:offer", 0)
        self.ctx.sound.play("agreement" if record.get("agreed") else "turn")
        self._focus_key = None
        self.focused = None
        self.disarm()
        self.draft = {k: v for k, v in self.draft.items() if k in {it["issue"] for it in open_issues(self.game)}}
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
            [why, "Read the communiqué, the epilogue and the debrief.", "Esc: back to the table to read the last reply."],
            kicker="The summit ends",
            button="Read the communiqué",
            sound="breakdown" if end["breakdown"] else ("agreement" if end["agreements"] else ""),
        )
        self.queue.append(notice)
        self._ending_notice = notice

    def update(self, dt: float) -> bool:
        self._save_when_due()
        moving = self.anim.update(dt, self.ctx.settings.animation_speed)
        if self.hold > 0:
            self.hold = max(0.0, self.hold - dt)
            moving = True
        if self.active and self.queue and not moving:
            scene = self.queue.pop(0)
            on_result = None
            if scene is getattr(self, "_ending_notice", None):
                # The button goes on to the ending; Esc stays at the table, where the
                # counterpart's last reply is, with a card that leads to the ending.
                on_result = lambda result: self.to_ending() if result else self.changed()  # noqa: E731
            self.send(Push(scene, on_result))
        return moving or bool(self.queue and self.active)

    def to_ending(self) -> None:
        from game.ui.scenes.ending import EndingScene

        self.queue.clear()  # (the last move's autosave already holds the ending)
        self.send(Replace(EndingScene(self.ctx, self.match)))

    def _tell_if_not_saved(self, error: str | None) -> None:
        """A save that failed is said once, on a card before the move's own cards, until
        a save succeeds again; play goes on either way."""
        if error is None:
            self.save_failure_told = False
        elif not self.save_failure_told:
            from game.ui.scenes.notice import NoticeScene

            self.save_failure_told = True
            self.queue.insert(0, NoticeScene(self.ctx, "The game could not be saved", wording.not_saved(error),
                                             kicker="Not saved"))

    # ----------------------------------------------------------------- your own offer
    def pick(self, issue: str, position: str | None) -> None:
        self.draft[issue] = position
        self.changed()

    def draft_terms(self) -> dict[str, str]:
        live = {it["issue"] for it in open_issues(self.game)}
        return {k: v for k, v in self.draft.items() if v is not None and k in live}

    def propose_draft(self) -> None:
        terms = self.draft_terms()
        if terms and any(a.id == COMPOSE_ID for a in self.game.legal_actions()):
            self.play(COMPOSE_ID, terms)

    # ----------------------------------------------------------------- input
    def set_filter(self, index: int) -> None:
        self.filter = index
        self.scroll_to("table:actions", 0)
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

    def disarm(self) -> None:
        """The table is back in view: the focus is not a choice until the player moves it."""
        self.armed = False
        self.ctx.keyboard_mode = False

    def on_uncover(self) -> None:
        self.disarm()

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN):
            self.armed = True  # pointing is choosing
        changed = super().handle(event)
        if event.type == pygame.KEYDOWN and not self.armed:
            self.ctx.keyboard_mode = False  # no focus ring on a card the player has not chosen
        return changed

    def _key(self, event: pygame.event.Event) -> bool:
        if not self.armed:
            if event.key in FOCUS_KEYS:
                # The first Tab or arrow shows where the focus is, without moving it.
                self.armed = True
                if self.focused is not None:
                    self.focus(self.focused)
                return True
            if event.key in ACTIVATE_KEYS and self.focused is not None and is_move_widget(self.focused.key):
                return True  # swallowed: the player has not chosen this card
        return super()._key(event)

    def on_key(self, event: pygame.event.Event) -> bool:
        plain = not (event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT))
        if event.key in DIGITS and plain:
            actions = self.visible_actions()
            n = DIGITS[event.key]
            if not self.game.over and n <= len(actions):
                self.armed = True
                self.focus(self.find(f"action:{actions[n - 1].id}"))
                self.play(actions[n - 1].id)
            return True
        if event.key in ANSWER_BY_KEY and plain:
            action = answers(self.game).get(ANSWER_BY_KEY[event.key]) if self.offer_stands() else None
            if action is not None:
                self.play(action.id)
            return True
        if (event.key == pygame.K_u and plain) or (event.key == pygame.K_z and event.mod & pygame.KMOD_CTRL):
            self.undo()
            return True
        if event.key == pygame.K_p and plain:
            if self.side_tab == "offer" or self.narrow_tab == "offer":
                self.propose_draft()
            return True
        for key, tab in ((pygame.K_b, None), (pygame.K_a, "agenda"), (pygame.K_l, "log"), (pygame.K_o, "offer")):
            if event.key == key and plain:
                if tab is None:
                    self.open_briefing()
                else:
                    self.set_narrow_tab(tab) if self.narrow else self.set_side_tab(tab)
                    if tab == "offer":
                        self._focus_first_issue()
                return True
        return False

    def _focus_first_issue(self) -> None:
        """O: the composer's first open issue takes the focus, ready for Left/Right."""
        first = next(iter(open_issues(self.game)), None)
        if first is not None:
            self._focus_key = f"compose:{first['issue']}"
            self.focused = None
            self.armed = True
            self.ctx.keyboard_mode = True

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
        # Quitting to the title or closing the window never loses the game; a save that
        # cannot be written was said during play, and must not stop the window closing.
        self.match.autosave()
