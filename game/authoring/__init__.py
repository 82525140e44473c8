"""Tools for people who write content: starting files for `summit new`."""
