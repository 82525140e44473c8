"""The save format's version, in a module of its own so that reading or listing saves
(the title screen, `summit list`) does not import the rules and numpy.

2: moves with terms, timelines, embedded scenario and personalities (game.saves).
"""

SAVE_VERSION = 2
