"""What a leader's portrait looks like, as data: face, hair, glasses, dress and tie for
each known leader (`LOOKS`), a generic figure for archetypes and unknown ids, and the
tones a look takes in a palette.

They suggest a person by dress and hair, never by exaggerated features (no caricature).
Every figure shares one neutral skin tone taken from the palette. A generic figure's
small variations come from zlib.crc32 of the id (hash() is salted per process, so it
would give a different face every run).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from game.ui.palette import RGB, Palette, blend, is_dark


@dataclass(frozen=True)
class Look:
    face: str = "oval"  # oval, round, long, broad
    hair: str = "parted"  # parted, full, bald, receding, swept_back, swept_volume, high_top
    hair_tone: str = "dark"  # black, dark, brown, grey, silver, white, fair
    glasses: str = ""  # "", round, rimless
    beard: str = ""  # "", goatee
    dress: str = "suit"  # suit, tunic
    cloth: str = "charcoal"  # navy, charcoal, black, grey
    tie: str = "dark_red"  # red, dark_red, blue, grey, dark, silver
    generic: bool = False


LOOKS: dict[str, Look] = {
    "khrushchev": Look(face="round", hair="bald", hair_tone="grey", cloth="charcoal", tie="dark"),
    "kennedy": Look(face="oval", hair="full", hair_tone="brown", cloth="charcoal", tie="dark"),
    "adenauer": Look(face="long", hair="receding", hair_tone="white", cloth="black", tie="grey"),
    "ulbricht": Look(face="oval", hair="receding", hair_tone="grey", glasses="round", beard="goatee",
                     cloth="grey", tie="dark"),
    "trump": Look(face="broad", hair="swept_volume", hair_tone="fair", cloth="navy", tie="red"),
    "kim_jong_un": Look(face="round", hair="high_top", hair_tone="black", dress="tunic", cloth="black", tie=""),
    "moon_jae_in": Look(face="oval", hair="parted", hair_tone="silver", glasses="rimless", cloth="navy", tie="blue"),
    "xi_jinping": Look(face="broad", hair="swept_back", hair_tone="black", cloth="black", tie="dark_red"),
}

_GENERIC_TIES = ("red", "blue", "grey", "dark_red", "silver")
_GENERIC_CLOTH = ("navy", "charcoal", "grey", "black")


def look_for(personality_id: str) -> Look:
    """The look of a known leader, or a generic figure varied by the id's crc32."""
    known = LOOKS.get(personality_id)
    if known is not None:
        return known
    def pick(aspect: str, options: tuple[str, ...]) -> str:
        # one crc32 per aspect: the low bits of a single code are too alike between ids
        return options[zlib.crc32(f"{personality_id}/{aspect}".encode()) % len(options)]

    return Look(
        face=pick("face", ("oval", "round", "long", "broad")),
        cloth=pick("cloth", _GENERIC_CLOTH),
        tie=pick("tie", _GENERIC_TIES),
        generic=True,
    )


@dataclass(frozen=True)
class Tones:
    """The colours one look takes in one palette."""

    ground: RGB
    glow: RGB
    skin: RGB
    skin_shade: RGB
    feature: RGB
    shirt: RGB
    cloth: RGB
    cloth_shade: RGB
    rim: RGB
    hair: RGB
    hair_shade: RGB
    tie: RGB
    silhouette: RGB


_WARM = (176, 134, 102)  # a neutral warm tint for the shared skin tone
_HAIR_TONES = {"black": 0.0, "dark": 0.12, "brown": 0.22, "grey": 0.5, "silver": 0.66, "white": 0.82}
_FAIR = (206, 178, 112)
_CLOTH_TINT = {"navy": (28, 40, 78), "charcoal": (54, 56, 62), "black": (22, 22, 26), "grey": (88, 90, 96)}


def tones_for(palette: Palette, look: Look) -> Tones:
    dark_theme = is_dark(palette)
    light = palette.ink if dark_theme else palette.paper
    dark = palette.bg if dark_theme else palette.ink
    skin = blend(light, _WARM, 0.32)
    cloth = blend(_CLOTH_TINT[look.cloth], dark, 0.35)
    if look.hair_tone == "fair":
        hair = blend(light, _FAIR, 0.75)
    else:
        hair = blend(blend(dark, (20, 16, 14), 0.5), light, _HAIR_TONES[look.hair_tone])
    tie = {
        "red": blend(palette.bad, dark, 0.15),
        "dark_red": blend(palette.bad, dark, 0.45),
        "blue": blend(palette.trust, dark, 0.25),
        "grey": blend(light, dark, 0.55),
        "silver": blend(light, dark, 0.3),
        "dark": blend(dark, palette.focus, 0.15),
        "": cloth,
    }[look.tie]
    if dark_theme:
        ground = blend(palette.panel, palette.panel_border, 0.35)
        glow = blend(palette.panel_border, palette.ink, 0.18)
        rim = blend(palette.panel_border, palette.ink, 0.35)
    else:
        ground = blend(palette.panel, palette.panel_border, 0.35)
        glow = blend(palette.paper, (255, 255, 255), 0.4)
        rim = blend(cloth, light, 0.25)
    return Tones(
        ground=ground,
        glow=glow,
        skin=skin,
        skin_shade=blend(skin, dark, 0.16),
        feature=blend(skin, dark, 0.55),
        shirt=blend(light, (255, 255, 255), 0.5),
        cloth=cloth,
        cloth_shade=blend(cloth, (0, 0, 0), 0.3),
        rim=rim,
        hair=hair,
        hair_shade=blend(hair, dark, 0.3),
        tie=tie,
        silhouette=blend(blend(ground, dark, 0.55), cloth, 0.25),  # archetypes differ a little in dress
    )
