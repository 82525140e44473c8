"""The content commands: `summit list`, `validate`, `new` and `schema`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from game.commands.common import EXIT_BAD_INPUT, UsageError, load_library


def add_parsers(sub) -> None:
    lst = sub.add_parser("list", help="scenarios and personalities")
    lst.add_argument("--json", action="store_true")

    val = sub.add_parser("validate", help="check scenario and personality files, explaining each problem")
    val.add_argument("paths", nargs="+", type=Path)
    val.add_argument("--strict", action="store_true", help="treat warnings as problems (exit 2)")

    new = sub.add_parser("new", help="write a commented starting scenario or personality that validates and plays")
    new.add_argument("kind", choices=["scenario", "personality"])
    new.add_argument("name", help="its name, e.g. reykjavik_1986 (the file is NAME.yaml)")
    new.add_argument("--out", type=Path, help="the folder (or .yaml file) to write to (default: the current folder)")

    sch = sub.add_parser("schema", help="write JSON Schema for scenarios and personalities")
    sch.add_argument("--out", type=Path, required=True)


def cmd_list(args) -> int:
    from game.content import listing

    # The listing from the cache when the content is unchanged since it was kept: no
    # YAML read, no models imported (a broken file is never kept, so it is always shown).
    found, library = listing.cached_or_loaded(load_library)
    broken = [{"path": str(path), "errors": [x.format() for x in err.problems]}
              for path, err in (library.broken if library is not None else [])]
    scenarios, personalities = found["scenarios"], found["personalities"]
    if args.json:
        print(json.dumps({"scenarios": scenarios, "personalities": personalities, "broken": broken}, indent=1))
        return 0
    print("Scenarios:")
    for s in scenarios:
        sides = ", ".join(f"{x['id']} ({x['leader']})" for x in s["sides"])
        print(f"  {s['id']:<18} {s['year']}  {s['title']} - {s['place']}; sides: {sides}")
    print("Personalities:")
    for p in personalities:
        tag = "historical" if p["historical"] else "archetype"
        print(f"  {p['id']:<18} {p['name']} ({p['family']}, {tag})")
    return 0


def cmd_validate(args) -> int:
    """Errors (exit 2) and warnings (exit 0, or 2 with --strict), each located and
    explained; file names and snippets are shown with escapes made visible."""
    from game.content.library import validate_paths

    problems = validate_paths(args.paths)
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    errors = sum(1 for p in problems if not p.is_warning)
    warnings = len(problems) - errors
    if errors or (warnings and args.strict):
        print(f"{errors} problem(s) and {warnings} warning(s) found.", file=sys.stderr)
        return EXIT_BAD_INPUT
    if warnings:
        print(f"The files are valid, with {warnings} warning(s) (--strict makes them problems).")
        return 0
    print("All files are valid.")
    return 0


def cmd_new(args) -> int:
    from game.authoring.scaffold import ScaffoldError, write_new
    from game.textsafe import visible

    try:
        path = write_new(args.kind, args.name, args.out)
    except ScaffoldError as error:
        raise UsageError(visible(str(error), keep_newlines=False)) from None
    shown = visible(str(path), keep_newlines=False)
    print(f"Wrote {shown}. Next:")
    print(f"  summit validate {shown}")
    if args.kind == "scenario":
        print(f"  summit simulate {shown} --policy random --games 100")
        print(f"  summit play --text {shown}")
    else:
        print("  put it in a mod's personalities/ folder, then try it on a counterpart with --vs")
    print("The authoring guide: docs/authoring.md")
    return 0


def cmd_schema(args) -> int:
    from game.content.schema import write_schemas

    for path in write_schemas(args.out):
        print(path)
    return 0


HANDLERS = {"list": cmd_list, "validate": cmd_validate, "new": cmd_new, "schema": cmd_schema}
