"""One real window: `python -m game` under Xvfb, driven with xdotool, photographed with
ImageMagick's `import`.

Everything else in tests/ui runs on SDL's dummy driver; this test proves the game opens
a real X11 window, draws into it and answers the keyboard. It is skipped (with the
reason) where Xvfb, xdotool or ImageMagick is missing, except in CI, where it must run.
There is no window manager under Xvfb: the window is found by its process id
(`xdotool search --pid`, not by name) and focused with `windowfocus` before keys.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # starts Xvfb and a real window

REPO = Path(__file__).resolve().parents[2]
TOOLS = ("Xvfb", "xdotool", "import")
SCREEN = "1280x720x24"


def _require_tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if not missing:
        return
    message = f"needs {', '.join(missing)} (apt-get install xvfb xdotool imagemagick)"
    if os.environ.get("CI"):
        pytest.fail(f"the real-window test {message}")
    pytest.skip(message)


@pytest.fixture
def display() -> Iterator[str]:
    """A private X server on a free display number (Xvfb picks it: -displayfd)."""
    _require_tools()
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", SCREEN, "-nolisten", "tcp"],
                              pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as ready:  # Xvfb writes the number once it accepts clients
            number = ready.readline().strip()
        if not number:
            pytest.fail("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _x(display: str, *args: str, timeout: float = 20) -> str:
    done = subprocess.run(list(args), env=dict(os.environ, DISPLAY=display), capture_output=True, text=True,
                          timeout=timeout)
    assert done.returncode == 0, f"{' '.join(args)} failed: {done.stderr.strip()}"
    return done.stdout


def _screenshot(display: str, path: Path) -> Path:
    _x(display, "import", "-window", "root", str(path))
    assert path.is_file() and path.stat().st_size > 0
    return path


def _look(path: Path) -> tuple[set[tuple[int, int, int]], bytes]:
    """The distinct colours on a grid over a screenshot, and its pixels."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    image = pygame.image.load(str(path))
    w, h = image.get_size()
    colours = {tuple(image.get_at((x, y)))[:3] for x in range(0, w, 16) for y in range(0, h, 16)}
    return colours, pygame.image.tobytes(image, "RGB")


def _wait_for_window(display: str, game: subprocess.Popen, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if game.poll() is not None:
            pytest.fail(f"the game exited ({game.returncode}) before its window appeared:\n{_stderr(game)}")
        done = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(game.pid)],
                              env=dict(os.environ, DISPLAY=display), capture_output=True, text=True,
                              timeout=max(1.0, deadline - time.monotonic()))
        ids = done.stdout.split()
        if ids:
            return ids[-1]
        time.sleep(0.2)
    pytest.fail(f"no window for the game's process within {seconds} s")


def _stderr(game: subprocess.Popen) -> str:
    try:
        return game.communicate(timeout=5)[1].decode(errors="replace")
    except subprocess.TimeoutExpired:
        return "(no output)"


def _shot_until_changed(display: str, path: Path, before: bytes, seconds: float = 10):
    """Screenshots until the picture differs from `before` (the window redrew), or time is up."""
    deadline = time.monotonic() + seconds
    while True:
        colours, pixels = _look(_screenshot(display, path))
        if pixels != before or time.monotonic() > deadline:
            return colours, pixels
        time.sleep(0.3)


def test_the_game_opens_a_real_window_and_answers_keys(display, tmp_path):
    env = dict(os.environ, DISPLAY=display, SUMMIT_HOME=str(tmp_path / "home"), SDL_AUDIODRIVER="dummy",
               PYGAME_HIDE_SUPPORT_PROMPT="1", PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("SDL_VIDEODRIVER", None)  # the other tests' dummy driver: this one needs X11
    env.pop("SUMMIT_BENCH_FIRST_FRAME", None)
    game = subprocess.Popen([sys.executable, "-m", "game"], env=env, cwd=str(REPO), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    try:
        window = _wait_for_window(display, game)
        _x(display, "xdotool", "windowfocus", window)
        time.sleep(1.0)  # the first frame
        colours, title = _look(_screenshot(display, tmp_path / "title.png"))
        assert len(colours) >= 5, f"the title screen is nearly one colour: {sorted(colours)[:8]}"

        # Enter on the focused "New game" opens the scenario choice; Enter again picks the
        # first scenario (Vienna 1961) and opens its setup.
        for _ in range(2):
            _x(display, "xdotool", "key", "Return")
            time.sleep(0.6)
        colours, chosen = _shot_until_changed(display, tmp_path / "scenario.png", title)
        assert game.poll() is None, f"the game exited ({game.returncode}):\n{_stderr(game)}"
        assert len(colours) >= 5, "the scenario screen is nearly one colour"
        assert chosen != title, "the keys did not change the screen"
    finally:
        if game.poll() is None:
            game.terminate()
            try:
                game.wait(timeout=10)
            except subprocess.TimeoutExpired:
                game.kill()
                game.wait()
        if game.stderr:
            game.stderr.close()
