"""Turning time back at the table: undo the last move, or go back to the start of an
earlier turn from the log. The match keeps every timeline (playing on differently makes
a branch), so this only asks it and shows the table again; undo off for a graded run,
or a move that cannot be replayed, is said in a card rather than raised.
"""

from __future__ import annotations

from game import wording
from game.core.game import IllegalAction
from game.ui.meters import MeterAnimation
from game.ui.scene import Push


class TableTime:
    """Mixed into TableScene (uses its match, game, queue, anim, draft, scroll_to)."""

    def can_undo(self) -> bool:
        return bool(getattr(self.match, "can_undo", False))  # after the end too: "what if I had..."

    def can_rewind(self) -> bool:
        return bool(getattr(self.match, "undo_allowed", False)) and callable(getattr(self.match, "rewind", None))

    def undo(self) -> None:
        if self.can_undo() and not self.queue:
            self._time_travel(self.match.undo)

    def rewind(self, turn: int) -> None:
        """Back to the start of `turn` (1-based, as the log numbers turns)."""
        if self.can_rewind() and not self.queue:
            self._time_travel(lambda: self.match.rewind(turn))

    def switch_timeline(self, index: int) -> None:
        """Continue timeline `index` (0-based) from where it ends."""
        if self.can_rewind() and not self.queue:
            self._time_travel(lambda: self.match.switch(index))

    def timeline_buttons(self) -> list:
        """One button per other timeline, to go on with it (none while there is only one)."""
        from game.ui.scenes.timelines import timeline_name
        from game.ui.widgets import Button, TextBlock

        try:
            infos = self.match.timelines if self.can_rewind() else []
        except (AttributeError, TypeError):
            infos = []
        if len(infos) < 2:
            return []
        now = next((t.index + 1 for t in infos if t.current), 0)
        out: list = [TextBlock(f"Timelines: you are on timeline {now}", "bold", "accent", key="log:timelines")]
        for t in infos:
            if not t.current:
                out.append(Button(f"Go to {timeline_name(t)}", lambda i=t.index: self.switch_timeline(i),
                                  key=f"log:timeline:{t.index}", small=True))
        return out

    def _time_travel(self, go) -> None:
        from game.ui.scenes.notice import NoticeScene

        try:
            done = go()
        except IllegalAction as error:  # undo off for a graded run, or a move the rules cannot replay
            self.send(Push(NoticeScene(self.ctx, "Cannot go back", str(error), button="Close")))
            return
        self._reset_after_rewind()
        error = getattr(done, "save_error", None)
        if error:
            self.send(Push(NoticeScene(self.ctx, "Not saved", wording.not_saved(error), button="Close")))

    def _reset_after_rewind(self) -> None:
        self.game = self.match.game
        self.anim = MeterAnimation()
        for m in self.game.meters():
            self.anim.set(m["meter"], m["value"])
        self.queue.clear()
        self.hold = 0.0
        self.draft = {}
        self.disarm()
        self.scroll_to("table:log", -1)
        self.changed()
