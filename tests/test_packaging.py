"""`pip install .` (not editable) must carry every module and data file the game uses."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_every_python_package_under_game_is_installed():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "game").rglob("__init__.py")}
    missing = sorted(found - listed)
    assert not missing, f"packages missing from pyproject.toml [tool.setuptools] packages: {missing}"


def test_every_data_file_a_package_reads_is_declared():
    from fnmatch import fnmatch

    tool = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    packages, dirs, data = set(tool["packages"]), tool["package-dir"], tool["package-data"]
    undeclared = []
    for package in packages:
        folder = REPO / dirs.get(package, package.replace(".", "/"))
        for path in folder.rglob("*"):
            rel = path.relative_to(folder)
            if path.is_dir() or path.suffix == ".py" or "__pycache__" in rel.parts:
                continue
            parts = (package, *rel.parent.parts)
            if any(".".join(parts[:k]) in packages for k in range(2, len(parts) + 1)):
                continue  # inside a sub-package: checked with that package
            if not any(fnmatch(rel.as_posix(), pattern) for pattern in data.get(package, [])):
                undeclared.append(str(path.relative_to(REPO)))
    assert not undeclared, f"files not installed by pip install . (add to package-data): {undeclared}"
