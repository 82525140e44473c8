"""Text from files is shown, never interpreted.

Scenario prose, personality lines, mod file names, saves and YAML snippets may hold
control characters or terminal escape sequences (a title change, a screen clear, an OSC 52
clipboard write, a hyperlink). Every front end passes such text through `visible` before
printing or drawing it: escapes and other control characters become visible `\\x1b`-style
codes; newlines and tabs are kept (tabs as spaces) because prose uses them.
"""

from __future__ import annotations

import unicodedata


def _shown(ch: str) -> str:
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def visible(text: object, keep_newlines: bool = True) -> str:
    """`text` with every control or format character (C0, C1, DEL, bidi overrides) made
    visible; newlines kept unless `keep_newlines` is False, tabs become spaces."""
    out = []
    for ch in str(text):
        if ch == "\n" and keep_newlines:
            out.append(ch)
        elif ch == "\t":
            out.append("    ")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs") and ch not in ("\u200d",):
            # Cs: a lone surrogate, how Python carries a file name's bytes that are not
            # UTF-8; printed raw it would stop the program with an encoding error.
            out.append(_shown(ch))
        else:
            out.append(ch)
    return "".join(out)
