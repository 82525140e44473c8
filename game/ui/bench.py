"""`summit bench`: the window's costs measured against a bare pygame loop, in one run.

    frame time   p50/p99 of a busy table screen during meter animations, and of a loop
                 that only fills and flips a window of the same size (1280x720)
    idle CPU     process time / wall time over ~2 s on a static screen, beside a bare
                 window sleeping in pygame.event.wait (which itself is not free)
    launch       wall time from starting Python to the first frame: `summit` vs a bare
                 pygame program (3 runs each, median)

Ratios, not absolute times, are what compare between machines: under SDL's dummy video
driver a flip costs almost nothing, so the frame ratio there is large and says little;
under a real display (or Xvfb) the flip dominates the bare loop. With no display at all
(CI) the dummy driver is chosen and the output says so.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

AIM_P99_RATIO = 3.0
AIM_IDLE_CPU = 2.0  # percent of one core
AIM_LAUNCH_EXTRA = 0.3  # seconds
IDLE_SECONDS = 2.0
LAUNCH_RUNS = 3

_BARE_FIRST_FRAME = (
    "import pygame\n"
    "pygame.display.init()\n"
    "s = pygame.display.set_mode((1280, 720))\n"
    "s.fill((0, 0, 0))\n"
    "pygame.display.flip()\n"
)
_STANDIN_FIRST_FRAME = "from game.ui.bench_screens import standin_first_frame\nstandin_first_frame()\n"


@dataclass
class FrameTimes:
    p50_ms: float
    p99_ms: float
    mean_ms: float
    frames: int


@dataclass
class Launch:
    bare_s: float
    summit_s: float
    summit_command: str

    @property
    def extra_s(self) -> float:
        return self.summit_s - self.bare_s


def _choose_video_driver() -> str | None:
    """Use SDL's dummy driver when there is no display to open; returns a note if so."""
    if os.environ.get("SDL_VIDEODRIVER"):
        return None
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        return "no display found: using SDL's dummy video driver (ratios say little there)"
    return None


def _frame_times(samples: list[float]) -> FrameTimes:
    ms = sorted(x * 1000.0 for x in samples)
    p99 = ms[min(len(ms) - 1, max(0, round(0.99 * (len(ms) - 1))))]
    return FrameTimes(round(statistics.median(ms), 3), round(p99, 3), round(statistics.fmean(ms), 3), len(ms))


def measure_bare_loop(frames: int) -> FrameTimes:
    import pygame

    surface = pygame.display.get_surface()
    samples = []
    for frame in range(frames):
        start = time.perf_counter()
        surface.fill((frame % 2 * 8, 0, 0))
        pygame.display.flip()
        pygame.event.pump()
        samples.append(time.perf_counter() - start)
    return _frame_times(samples)


def measure_screen(frame, frames: int) -> FrameTimes:
    """frame(n) draws and flips frame n; frame 0 builds caches and is not counted."""
    frame(0)
    samples = []
    for n in range(1, frames + 1):
        start = time.perf_counter()
        frame(n)
        samples.append(time.perf_counter() - start)
    return _frame_times(samples)


def measure_idle_cpu(idle, seconds: float = IDLE_SECONDS) -> float:
    """Percent of one core used while the screen is static and the loop waits."""
    wall0, cpu0 = time.perf_counter(), time.process_time()
    while time.perf_counter() - wall0 < seconds:
        idle()
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    return round(100.0 * cpu / wall, 2) if wall > 0 else 0.0


def bare_idle() -> None:
    """A bare window with nothing to do: it sleeps in the event queue."""
    import pygame

    pygame.event.wait(1000)


def _repo_root() -> Path:
    import game

    return Path(game.__file__).resolve().parent.parent


def _timed_run(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120,
                          cwd=str(_repo_root()))
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        tail = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["(no message)"]
        raise RuntimeError(f"{' '.join(argv[:3])} failed ({done.returncode}): {tail[0]}")
    return elapsed


def measure_launch(runs: int = LAUNCH_RUNS) -> Launch:
    from game.ui.bench_screens import FIRST_FRAME_ENV, app_supports_first_frame_exit

    with tempfile.TemporaryDirectory(prefix="summit-bench-launch-") as home:
        env = dict(os.environ)
        env["PYTHONPATH"] = str(_repo_root()) + os.pathsep + env.get("PYTHONPATH", "")
        env.update({"SUMMIT_HOME": home, "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"})
        bare_argv = [sys.executable, "-c", _BARE_FIRST_FRAME]
        if app_supports_first_frame_exit():
            summit_argv = [sys.executable, "-m", "game"]
            env[FIRST_FRAME_ENV] = "1"
            what = (f"python -m game with {FIRST_FRAME_ENV}=1 (exits once the interactive title is drawn; "
                    "the median of several launches sharing one new home: all but the first find the content cached)")
        else:
            summit_argv = [sys.executable, "-c", _STANDIN_FIRST_FRAME]
            what = "stand-in: import game.ui modules, open the window, draw the stand-in table once"
        bare, summit = [], []
        for _ in range(runs):  # interleaved, so a slow moment hits both sides alike
            bare.append(_timed_run(bare_argv, env))
            summit.append(_timed_run(summit_argv, env))
    return Launch(round(statistics.median(bare), 3), round(statistics.median(summit), 3), what)


def _open_screen():
    """The screen to animate: the App's table if it can show one, else the stand-in."""
    import pygame

    from game.ui import bench_screens

    surface = pygame.display.get_surface()
    app_screen = getattr(bench_screens, "app_screen", None)
    notes = []
    if app_screen is not None and bench_screens.app_module_path() is not None:
        try:
            screen = app_screen(surface)
            if screen is not None:
                return screen, notes
            notes.append("the App has no table scene to animate yet: drew the stand-in")
        except Exception as e:  # noqa: BLE001  (a broken scene must not stop the benchmark)
            notes.append(f"driving the App failed ({type(e).__name__}: {e}): drew the stand-in")
    else:
        notes.append("game.ui.app.App is not available: drew the stand-in")
    return bench_screens.standin_screen(surface), notes


def run_bench(args) -> int:
    # The App autosaves and remembers settings: keep that out of the player's own folder.
    saved_home = os.environ.get("SUMMIT_HOME")
    with tempfile.TemporaryDirectory(prefix="summit-bench-") as home:
        os.environ["SUMMIT_HOME"] = home
        try:
            return _run_bench(args)
        finally:
            if saved_home is None:
                os.environ.pop("SUMMIT_HOME", None)
            else:
                os.environ["SUMMIT_HOME"] = saved_home


def _run_bench(args) -> int:
    frames = max(10, int(getattr(args, "frames", 240) or 240))
    notes = [n for n in [_choose_video_driver()] if n]
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")  # measuring, not listening
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.ui.bench_screens import SIZE

    pygame.display.init()
    pygame.font.init()
    try:
        pygame.display.set_mode(SIZE)
    except pygame.error as e:
        print(f"summit bench: cannot open a {SIZE[0]}x{SIZE[1]} window ({e}); try SDL_VIDEODRIVER=dummy",
              file=sys.stderr)
        return 1
    driver = pygame.display.get_driver()
    bare = measure_bare_loop(frames)
    bare_idle_cpu = measure_idle_cpu(bare_idle)
    screen, screen_notes = _open_screen()
    notes += screen_notes
    try:
        busy = measure_screen(screen.frame, frames)
        screen.settle()
        idle_cpu = measure_idle_cpu(screen.idle)
    finally:
        screen.close()
        pygame.quit()
    try:
        launch: Launch | None = measure_launch()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as e:
        launch = None
        notes.append(f"launch not measured: {e}")
    report = _report(driver, frames, screen.description, bare, busy, (bare_idle_cpu, idle_cpu), launch, notes)
    if getattr(args, "json", False):
        print(json.dumps(report, indent=1))
    else:
        _print_table(report)
    return 0


def _ratio(a: float, b: float) -> float:
    return round(a / b, 2) if b > 0 else float("inf")


def _report(driver: str, frames: int, drawn: str, bare: FrameTimes, busy: FrameTimes, idle: tuple[float, float],
            launch: Launch | None, notes: list[str]) -> dict:
    p99_ratio = _ratio(busy.p99_ms, bare.p99_ms)
    bare_idle_cpu, idle_cpu = idle
    report = {
        "video_driver": driver,
        "window": list((1280, 720)),
        "frames": frames,
        "drawn": drawn,
        "bare_loop": asdict(bare),
        "summit": asdict(busy),
        "ratios": {"p50": _ratio(busy.p50_ms, bare.p50_ms), "p99": p99_ratio},
        "idle_cpu_percent": idle_cpu,
        "bare_idle_cpu_percent": bare_idle_cpu,
        "launch": None,
        "aims": {"p99_ratio": AIM_P99_RATIO, "idle_cpu_percent": AIM_IDLE_CPU, "launch_extra_s": AIM_LAUNCH_EXTRA},
        "met": {"p99_ratio": p99_ratio <= AIM_P99_RATIO, "idle_cpu_percent": idle_cpu <= AIM_IDLE_CPU},
        "notes": notes,
    }
    if launch is not None:
        report["launch"] = {"bare_s": launch.bare_s, "summit_s": launch.summit_s,
                            "extra_s": round(launch.extra_s, 3), "summit_command": launch.summit_command}
        report["met"]["launch_extra_s"] = launch.extra_s <= AIM_LAUNCH_EXTRA
    return report


def _print_table(r: dict) -> None:
    def mark(key: str) -> str:
        met = r["met"].get(key)
        return "" if met is None else ("ok" if met else "over")

    bare, busy = r["bare_loop"], r["summit"]
    print(f"Summit window benchmark: {r['window'][0]}x{r['window'][1]}, video driver {r['video_driver']}, "
          f"{r['frames']} frames")
    print(f"drawn: {r['drawn']}")
    print()
    print(f"{'measure':<28}{'bare pygame':>12}{'summit':>10}{'ratio':>10}   {'aim':<10}")
    print(f"{'frame time p50 (ms)':<28}{bare['p50_ms']:>12.2f}{busy['p50_ms']:>10.2f}{r['ratios']['p50']:>9.1f}x")
    print(f"{'frame time p99 (ms)':<28}{bare['p99_ms']:>12.2f}{busy['p99_ms']:>10.2f}{r['ratios']['p99']:>9.1f}x"
          f"   <= {r['aims']['p99_ratio']:g}x  {mark('p99_ratio')}")
    print(f"{'idle CPU (% of a core)':<28}{r['bare_idle_cpu_percent']:>12.2f}{r['idle_cpu_percent']:>10.2f}{'':>10}   "
          f"<= {r['aims']['idle_cpu_percent']:g} %  {mark('idle_cpu_percent')}")
    launch = r["launch"]
    if launch:
        print(f"{'launch to first frame (s)':<28}{launch['bare_s']:>12.3f}{launch['summit_s']:>10.3f}"
              f"{launch['extra_s']:>+9.3f}s   <= +{r['aims']['launch_extra_s']:g} s  {mark('launch_extra_s')}")
        print(f"  summit launch measured as: {launch['summit_command']}")
    for note in r["notes"]:
        print(f"note: {note}")
