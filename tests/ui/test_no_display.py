"""With no display at all, `summit` says how to play in the terminal and exits 2 instead
of running an invisible window nobody can close."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO


def test_no_display_exits_2_with_a_pointer_to_the_terminal(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    env.update({"PYTHONPATH": str(REPO), "SUMMIT_HOME": str(tmp_path), "SDL_AUDIODRIVER": "dummy"})
    out = subprocess.run([sys.executable, "-m", "game"], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    assert "summit play --text" in out.stderr and "Traceback" not in out.stderr
