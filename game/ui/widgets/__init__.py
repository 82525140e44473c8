"""The window's own small widgets: text, buttons, cards, scrolling panels, meters, toggles,
sliders, choice cyclers, a digits field, pictures and charts. One module per family:
drawing helpers, base, buttons, cards, scrolling, controls, pictures.

Why not pygame_gui (0.6.14 is installed)? Measured on this machine (dummy video driver,
1280x720): importing it costs ~50 ms on top of pygame, and a UIManager with 31 elements
~33 ms to build; a frame of it draws in ~0.5 ms, against ~1.1 ms for a full redraw of our
busiest screen (the table) and ~3 ms to lay the table out again - speed decides nothing,
both are far inside a frame. What decides is the rest: its elements sit at absolute rects
from a theme file, so reflowing at every window size and text scale means rebuilding
them; it has no Tab / arrow-key focus traversal with a visible focus ring; and our
screens need text measured and wrapped per width (`game.ui.text.wrap`), cards that grow
with their text, and meters drawn with patterns for the colour-safe palette, which would
be custom drawing on top of it anyway. A few hundred lines of our own widgets do exactly
what the game needs, with one focus model for keyboard and mouse and no theme files.

Every widget answers three questions the scene asks: how tall are you at this width
(`measure`), where are you (`place`), and draw yourself (`draw`, told which widget has
the focus ring and which is under the pointer). Strings a widget draws are listed by
`texts()` so headless tests can read the screen.
"""

from game.ui.widgets.base import Rule, Spacer, TextBlock, Widget
from game.ui.widgets.buttons import Button, FlowRow
from game.ui.widgets.cards import Card, Chip, Line
from game.ui.widgets.controls import Choice, DigitsInput, NameInput, Slider, Toggle
from game.ui.widgets.drawing import (
    RGB,
    colour,
    corner,
    draw_arrow,
    draw_box,
    draw_focus_ring,
    draw_pattern,
    draw_tooltip,
    tooltip_box,
)
from game.ui.widgets.pictures import Canvas, Picture
from game.ui.widgets.scrolling import ScrollPanel

__all__ = [
    "RGB", "Button", "Canvas", "Card", "Chip", "Choice", "DigitsInput", "FlowRow", "Line", "NameInput", "Picture", "Rule",
    "ScrollPanel", "Slider", "Spacer", "TextBlock", "Toggle", "Widget", "colour", "corner", "draw_arrow",
    "draw_box", "draw_focus_ring", "draw_pattern", "draw_tooltip", "tooltip_box",
]
