"""Wrapping and drawing text with pygame fonts.

`wrap` measures with `Font.size`, so lines fit the pixel width whatever the font and
size; a word wider than the whole line is broken between letters rather than cut off.
`TextKit` keeps the wrapped lines and the rendered surfaces of one look (theme, sizes),
because rendering the same strings every frame is the largest cost of a text-heavy
screen; it is owned by the app context and cleared when the look changes, never global.
"""

from __future__ import annotations

import pygame

RGB = tuple[int, int, int]


def fit_text(font: pygame.font.Font, text: str, width: int) -> str:
    """The text, cut with an ellipsis if it is wider than `width` pixels."""
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + "\u2026")[0] > width:
        text = text[:-1]
    return text + "\u2026" if text else ""


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """The lines of `text` wrapped to `width` pixels; '\n' starts a new paragraph and an
    empty paragraph gives an empty line."""
    width = max(1, int(width))
    lines: list[str] = []
    for paragraph in str(text).split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if font.size(candidate)[0] <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            for piece in _break_word(font, word, width):
                if line:
                    lines.append(line)
                line = piece
        if line:
            lines.append(line)
    return lines


def wrap_pre(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Preformatted lines (error reports with a caret under a column): spaces are kept and
    a line too wide is broken between letters."""
    width = max(1, int(width))
    lines: list[str] = []
    for raw in str(text).expandtabs(4).split("\n"):
        lines.extend(_break_word(font, raw, width) if raw else [""])
    return lines


def _break_word(font: pygame.font.Font, word: str, width: int) -> list[str]:
    """A word split into pieces that each fit (the last piece may be shorter)."""
    if font.size(word)[0] <= width:
        return [word]
    pieces, piece = [], ""
    for char in word:
        if piece and font.size(piece + char)[0] > width:
            pieces.append(piece)
            piece = char
        else:
            piece += char
    if piece:
        pieces.append(piece)
    return pieces


class TextKit:
    """Cached wrapping and rendering for one look; `clear()` when fonts or colours change."""

    LIMIT = 4000  # entries kept before the caches start over (bounded memory)

    def __init__(self) -> None:
        self._wrapped: dict[tuple, list[str]] = {}
        self._rendered: dict[tuple, pygame.Surface] = {}
        self._widths: dict[tuple, int] = {}

    def clear(self) -> None:
        self._wrapped.clear()
        self._rendered.clear()
        self._widths.clear()

    def width(self, font: pygame.font.Font, text: str) -> int:
        """`font.size(text)[0]`, remembered: layouts measure the same labels again each
        time the table is laid out (after every move)."""
        key = (id(font), text)
        w = self._widths.get(key)
        if w is None:
            if len(self._widths) > self.LIMIT:
                self._widths.clear()
            w = self._widths[key] = font.size(text)[0]
        return w

    def wrap(self, font: pygame.font.Font, text: str, width: int, pre: bool = False) -> list[str]:
        key = (id(font), text, int(width), pre)
        lines = self._wrapped.get(key)
        if lines is None:
            if len(self._wrapped) > self.LIMIT:
                self._wrapped.clear()
            lines = self._wrapped[key] = (wrap_pre if pre else wrap)(font, text, width)
        return lines

    def render(self, font: pygame.font.Font, text: str, colour: RGB) -> pygame.Surface:
        key = (id(font), text, tuple(colour))
        surface = self._rendered.get(key)
        if surface is None:
            if len(self._rendered) > self.LIMIT:
                self._rendered.clear()
            surface = self._rendered[key] = font.render(text, True, colour)
        return surface

    def height(self, font: pygame.font.Font, text: str, width: int, pre: bool = False) -> int:
        return len(self.wrap(font, text, width, pre)) * font.get_linesize()

    def draw(
        self,
        surface: pygame.Surface,
        font: pygame.font.Font,
        text: str,
        colour: RGB,
        rect: pygame.Rect,
        align: str = "left",
        pre: bool = False,
    ) -> int:
        """Draw `text` wrapped into rect's width from its top; returns the height used."""
        y = rect.top
        step = font.get_linesize()
        for line in self.wrap(font, text, rect.width, pre):
            if line:
                image = self.render(font, line, colour)
                if align == "center":
                    x = rect.centerx - image.get_width() // 2
                elif align == "right":
                    x = rect.right - image.get_width()
                else:
                    x = rect.left
                surface.blit(image, (x, y))
            y += step
        return y - rect.top
