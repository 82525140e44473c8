"""Summit: a turn-based diplomacy negotiation game at historical summits."""

__version__ = "0.1.0"
