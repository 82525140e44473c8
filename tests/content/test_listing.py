"""The content listing (game.content.listing): `summit list` and the window's title
read it from the cache without importing the content models, and it is never stale."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from game.content import listing
from game.content.library import load_library
from tests.conftest import REPO


def _list_json(env_home) -> tuple[dict, str]:
    env = dict(os.environ, SUMMIT_HOME=str(env_home))
    code = ("import runpy, sys; sys.argv = ['summit', 'list', '--json']\n"
            "try:\n    runpy.run_module('game', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('pydantic', 'yaml', 'numpy', 'game.content.models') if m in sys.modules),"
            " file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, env=env, check=True)
    return json.loads(out.stdout), out.stderr.strip().splitlines()[-1]


@pytest.mark.slow  # starts Summit in new processes: the full run has it
def test_summit_list_from_the_cache_imports_no_models_and_prints_the_same(summit_home):
    first, loaded = _list_json(summit_home)
    assert "game.content.models" in loaded  # the first run loads the library
    again, loaded_again = _list_json(summit_home)
    assert again == first
    assert loaded_again == "[]"  # answered from the cache: no pydantic, YAML, numpy or models
    ids = {s["id"] for s in first["scenarios"]}
    assert {"vienna_1961", "singapore_2018"} <= ids


def test_the_listing_is_the_librarys(summit_home):
    library = load_library()
    found = listing.of(library)
    vienna = next(s for s in found["scenarios"] if s["id"] == "vienna_1961")
    assert vienna["year"] == 1961
    assert [s["leader"] for s in vienna["sides"]] == [s.leader for s in library.scenarios["vienna_1961"][1].sides]
    assert {p["id"] for p in found["personalities"]} == set(library.personalities)


def test_any_edit_added_or_removed_file_makes_a_new_key(summit_home, tmp_path):
    mod = summit_home / "mods" / "class"
    (mod / "personalities").mkdir(parents=True)
    key = listing.snapshot_key()
    source = REPO / "scenarios" / "personalities" / "adenauer.yaml"
    copy = mod / "personalities" / "adenauer_copy.yaml"
    copy.write_text(source.read_text(encoding="utf-8").replace("id: adenauer", "id: adenauer_copy"), encoding="utf-8")
    added = listing.snapshot_key()
    assert added != key
    stat = copy.stat()
    text = copy.read_text(encoding="utf-8")
    copy.write_text(text.replace("Konrad", "Conrad"), encoding="utf-8")  # same size: the hash tells
    os.utime(copy, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert listing.snapshot_key() not in (key, added)
    copy.unlink()
    assert listing.snapshot_key() == key


@pytest.mark.slow  # starts Summit in new processes: the full run has it
def test_a_library_with_a_broken_file_is_never_kept(summit_home):
    mod = summit_home / "mods" / "broken"
    mod.mkdir(parents=True)
    (mod / "oops.yaml").write_text("id: oops\ntitle: [unclosed\n", encoding="utf-8")
    first, _ = _list_json(summit_home)
    assert first["broken"]
    again, loaded = _list_json(summit_home)
    assert again["broken"] and "game.content.models" in loaded  # read anew, problems shown again


@pytest.mark.slow  # starts Summit in new processes: the full run has it
def test_a_malformed_entry_is_a_miss_never_a_crash(summit_home):
    from game.content import cache

    key = listing.snapshot_key()
    for bad in ({"scenarios": [{}], "personalities": []}, {"scenarios": "x"}, [1, 2],
                {"scenarios": [], "personalities": [{"id": "a", "name": "b", "family": "c", "historical": "yes",
                                                     "path": "p"}]}):
        cache.store_text(key, json.dumps(bad))  # checksummed as the cache writes it
        assert listing.cached() is None
    printed, _ = _list_json(summit_home)
    assert {s["id"] for s in printed["scenarios"]} >= {"vienna_1961", "singapore_2018"}
