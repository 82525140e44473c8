"""Settings: text size, colour-safe palette, animation speed, sound, fullscreen. Each
change applies at once and is saved (the App writes settings.json atomically)."""

from __future__ import annotations

from dataclasses import replace

import pygame

from game.ui.scenes.notice import ModalScene
from game.ui.settings import ANIMATION_NAMES, ANIMATION_SPEEDS
from game.ui.widgets import Slider, TextBlock, Toggle, Widget

TEXT_STEPS = [round(1.0 + i / 10, 1) for i in range(11)]


class SettingsScene(ModalScene):
    title = "Settings"

    def build(self, rect: pygame.Rect) -> list[Widget]:
        s = self.ctx.settings
        text_index = min(range(len(TEXT_STEPS)), key=lambda i: abs(TEXT_STEPS[i] - s.text_scale))
        anim_index = min(range(len(ANIMATION_SPEEDS)), key=lambda i: abs(ANIMATION_SPEEDS[i] - s.animation_speed))
        body: list[Widget] = [
            Slider(
                "Text size",
                TEXT_STEPS,
                text_index,
                lambda i: self.apply(text_scale=TEXT_STEPS[i]),
                lambda v: f"{round(v * 100)} %",
                key="settings:text",
            ),
            TextBlock("Also Ctrl + and Ctrl - anywhere.", "small", "muted"),
            Toggle(
                "Colour-safe palette (meters told apart by pattern and shape as well as colour)",
                s.colour_safe,
                lambda v: self.apply(colour_safe=v),
                key="settings:colour",
            ),
            Slider(
                "Animation",
                list(ANIMATION_SPEEDS),
                anim_index,
                lambda i: self.apply(animation_speed=ANIMATION_SPEEDS[i]),
                lambda v: ANIMATION_NAMES.get(v, str(v)),
                key="settings:animation",
            ),
            Toggle("Sound", s.sound, lambda v: self.apply(sound=v), key="settings:sound"),
            Toggle("Fullscreen (F11)", s.fullscreen, lambda v: self.apply(fullscreen=v), key="settings:fullscreen"),
        ]
        done = self.back_button("Done", "settings:done", primary=True)
        return self.layout_page(
            rect,
            title="Settings",
            body=body,
            footer=[done],
            body_key="settings:body",
            max_width_em=36,
        )

    def apply(self, **changes) -> None:
        self.ctx.change_settings(replace(self.ctx.settings, **changes))
        self.changed()
