"""The subcommands of `summit`, grouped by what they are for; `game.cli` parses the
command line and dispatches here.

Each module adds its subcommands' arguments (`add_parsers`) and names their handlers
(`HANDLERS`). A handler imports what it needs when it runs, never at module import: the
parser is built on every start, and `summit list` should not wait for numpy or pygame.
"""
