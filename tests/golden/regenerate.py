"""Write the golden playthroughs again, on purpose: `python -m tests.golden.regenerate`.

Read the diff (`git diff tests/golden/data`) before committing it: every changed line is
a change in what a player sees or what a save holds.
"""

from __future__ import annotations

import sys

from tests.golden.games import DATA, GAMES, load_library, play_files


def main() -> int:
    library = load_library()
    DATA.mkdir(exist_ok=True)
    wanted = set()
    for g in GAMES:
        for name, text in play_files(library, g).items():
            wanted.add(name)
            path = DATA / name
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
                print(f"wrote {path.name}")
    for stale in sorted(p for p in DATA.iterdir() if p.is_file() and p.name not in wanted):
        stale.unlink()
        print(f"removed {stale.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
