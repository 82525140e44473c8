"""The pygame window (see game.ui.app). pygame prints a banner on import unless told not
to; the window's modules all import pygame, so the switch is set here, first."""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
