"""Pictures drawn by code: leaders' portraits and the themes' backdrops.

The portraits are stylised busts in the palette's tones: a head, hair, collar and tie
or a buttoned tunic, glasses where the person wore them, a nameplate. They suggest a
person by dress and hair, never by exaggerated features (no caricature), and no
photograph of a real person is used anywhere. Every figure shares one neutral skin tone
taken from the palette. Known ids have fixed looks; archetypes and unknown ids get a
generic figure whose small variations come from zlib.crc32 of the id (hash() is salted
per process, so it would give a different face every run).

Nothing is cached here: callers keep the surfaces they ask for.

This module is where callers import them from; the drawing lives in `portrait_looks`
(who looks like what), `portrait_drawing` (the bust), `portraits` (picture and
nameplate) and `backdrops` (the themes' backgrounds).
"""

from __future__ import annotations

from game.ui.backdrops import backdrop
from game.ui.portrait_looks import LOOKS, Look, look_for
from game.ui.portraits import plate_name, portrait, short_names

__all__ = ["LOOKS", "Look", "backdrop", "look_for", "plate_name", "portrait", "short_names"]
