"""The content cache (game.content.cache): a cached library is the library, a changed
file is read anew, and a damaged entry is ignored, never trusted."""

from __future__ import annotations

import os
import shutil

import pytest

from game.content import cache, library as library_module
from game.content.library import load_library
from game.core import strategies
from game.core.kinds import BUILTIN_FAMILY_NAMES, CONDITION_DOC


def _fingerprint(lib):
    """Everything a model holds, types included (1 and 1.0 differ), and what was set."""
    models = {**{k: m for k, (_, m) in lib.scenarios.items()}, **{k: m for k, (_, m) in lib.personalities.items()}}
    return {k: (repr(m.model_dump()), repr(m.model_dump(exclude_unset=True))) for k, m in models.items()}


def _entries(home):
    folder = home / "cache" / "content"
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def _refuse_parsing(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("parsed a file the cache should have answered")

    monkeypatch.setattr(library_module, "document_from_text", refuse)


def test_a_cached_library_is_the_library_and_parses_nothing(summit_home, monkeypatch):
    fresh = load_library(include_mods=False)
    assert not fresh.broken and _entries(summit_home)
    _refuse_parsing(monkeypatch)
    cached = load_library(include_mods=False)
    assert _fingerprint(cached) == _fingerprint(fresh)
    assert {k: p for k, (p, _) in cached.scenarios.items()} == {k: p for k, (p, _) in fresh.scenarios.items()}


def test_a_damaged_entry_is_ignored(summit_home, monkeypatch):
    fresh = load_library(include_mods=False)
    entries = _entries(summit_home)
    for index, entry in enumerate(entries):
        text = entry.read_text()
        if index % 3 == 0:
            entry.write_text(text[: len(text) // 2])  # cut short
        elif index % 3 == 1:
            entry.write_text(text.replace('"name":"', '"name":"X', 1))  # edited: checksum fails
        else:
            entry.write_bytes(b"\x00\xff not json")
    again = load_library(include_mods=False)
    assert _fingerprint(again) == _fingerprint(fresh) and not again.broken
    # Each damaged entry was replaced by a sound one, so the next load parses nothing.
    _refuse_parsing(monkeypatch)
    assert _fingerprint(load_library(include_mods=False)) == _fingerprint(fresh)


def _mod_with_personality(tmp_path, name_line: str):
    folder = tmp_path / "extra"
    (folder / "personalities").mkdir(parents=True, exist_ok=True)
    source = (library_module.builtin_personalities_dir() / "adenauer.yaml").read_text()
    text = source.replace("id: adenauer", "id: adenauer_copy").replace("name: Konrad Adenauer", name_line)
    path = folder / "personalities" / "adenauer_copy.yaml"
    path.write_text(text)
    return folder, path


def test_a_changed_file_is_read_anew_even_with_the_same_size_and_time(tmp_path):
    folder, path = _mod_with_personality(tmp_path, "name: Konrad Adenauer A")
    first = load_library([folder], include_mods=False)
    assert first.personalities["adenauer_copy"][1].name == "Konrad Adenauer A"
    stat = path.stat()
    path.write_text(path.read_text().replace("Adenauer A", "Adenauer B"))  # same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same time
    assert load_library([folder], include_mods=False).personalities["adenauer_copy"][1].name == "Konrad Adenauer B"


def test_a_file_broken_after_caching_is_reported_not_served_from_the_cache(tmp_path):
    folder, path = _mod_with_personality(tmp_path, "name: Konrad Adenauer")
    assert "adenauer_copy" in load_library([folder], include_mods=False).personalities
    path.write_text(path.read_text().replace("strategy:", "strategy_typo:"))
    broken = load_library([folder], include_mods=False)
    assert "adenauer_copy" not in broken.personalities
    assert [p for p, _ in broken.broken] == [path]


def test_no_cache_when_turned_off_or_unwritable(summit_home, monkeypatch, tmp_path):
    monkeypatch.setenv("SUMMIT_NO_CACHE", "1")
    fresh = load_library(include_mods=False)
    assert not _entries(summit_home)
    monkeypatch.delenv("SUMMIT_NO_CACHE")
    (summit_home).mkdir(parents=True, exist_ok=True)
    (summit_home / "cache").write_text("a file where the folder would go")
    assert _fingerprint(load_library(include_mods=False)) == _fingerprint(fresh)


def test_a_scenario_entry_depends_on_the_personalities_it_may_name(tmp_path):
    path = library_module.builtin_scenarios_dir() / "vienna_1961.yaml"
    text = path.read_text()
    assert cache.entry_key(path, text, "scenario", ["a", "b"]) != cache.entry_key(path, text, "scenario", ["a"])
    assert cache.entry_key(path, text, "scenario", ["a"]) != cache.entry_key(path, text, "personality", ["a"])


def test_the_light_lists_match_the_core():
    """kinds.py keeps names the content checks read without importing numpy."""
    from game.core.conditions import OPERATOR_TABLE

    assert BUILTIN_FAMILY_NAMES == tuple(strategies.BUILTIN_FAMILIES)
    assert tuple(CONDITION_DOC) == tuple(op.key for op in OPERATOR_TABLE)


@pytest.mark.parametrize("command", [["list"], ["validate", "scenarios/vienna_1961.yaml"]])
def test_listing_imports_no_numpy(command, tmp_path):
    import subprocess
    import sys

    code = ("import sys; from game.cli import main; main(%r); "
            "print('numpy' in sys.modules, file=sys.stderr)" % command)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=shutil.os.getcwd(), env=dict(os.environ))
    assert out.stderr.strip().splitlines()[-1] == "False", out.stderr


def test_validate_reads_installed_ids_from_the_cache_and_sees_a_change(tmp_path, summit_home, monkeypatch):
    from game.content.library import validate_paths

    mod = summit_home / "mods" / "a_mod"
    folder, path = _mod_with_personality(tmp_path, "name: Konrad Adenauer")
    shutil.copytree(folder, mod)
    draft = tmp_path / "draft" / "personalities"
    draft.mkdir(parents=True)
    (draft / "mine.yaml").write_text(path.read_text())
    first = [p.message for p in validate_paths([draft / "mine.yaml"])]
    assert any("adenauer_copy" in m and "already used" in m for m in first), first
    assert validate_paths([draft / "mine.yaml"]) == validate_paths([draft / "mine.yaml"])
    installed = mod / "personalities" / "adenauer_copy.yaml"
    installed.write_text(installed.read_text().replace("id: adenauer_copy", "id: adenauer_other"))
    assert not [p for p in validate_paths([draft / "mine.yaml"]) if not p.is_warning and "already used" in p.message]


def test_old_entries_are_pruned(summit_home, monkeypatch):
    from game.content.models import Personality

    monkeypatch.setattr(cache, "MAX_ENTRIES", 6)
    model = load_library(include_mods=False).personalities["adenauer"][1]
    for n in range(20):
        cache.store(f"{n:064x}", model)
    assert len(_entries(summit_home)) <= 6
    assert cache.load(f"{19:064x}", Personality) == model  # the newest is kept
