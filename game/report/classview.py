"""The class view: one offline HTML page over many students' saves of the same scenario
and seed, with each student's own transcript beside it (no server, no external assets).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from game.report import svg
from game.report.concepts import CONCEPT_TITLES, CONCEPTS


class ClassError(ValueError):
    """The saves cannot make one class report (e.g. different scenarios)."""


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("._") or "student"


def load_class(library, paths: list[Path]):
    """[(path, match)] of the saves that load, [(path, why)] of those that do not."""
    from game.report.loading import load_saved_match, save_data
    from game.saves import SaveError

    good, broken = [], []
    for path in paths:
        try:
            match = load_saved_match(library, path)
            good.append((path, save_data(path), match))
        except SaveError as e:
            broken.append((path, str(e)))  # the message is located: path:line:col
    return good, broken


def write_class_report(library, report_dir: Path, paths: list[Path], date: str | None = None):
    """Write REPORT_DIR/index.html and one transcript per student; returns (index path,
    broken saves). Raises ClassError when the saves are of different scenarios or none loads."""
    from game.report.document import build_document
    from game.report.render import css, frontier_text, html, template
    from game.saves import write_atomic

    good, broken = load_class(library, paths)
    if not good:
        raise ClassError("no save could be read: " + "; ".join(why if str(why).startswith(str(p)) else f"{p}: {why}" for p, why in broken))
    scenarios = sorted({m.spec.scenario_id for _, _, m in good})
    if len(scenarios) > 1:
        which = ", ".join(f"{p.name}: {m.spec.scenario_id}" for p, _, m in good)
        raise ClassError(f"the saves are of different scenarios ({which}); make one class report per scenario")
    students, used = [], set()
    for path, data, match in good:
        name = str(data.get("student") or path.stem)
        slug = _slug(name)
        while slug in used:
            slug += "_"
        used.add(slug)
        d = build_document(match, name, date)
        write_atomic(report_dir / f"{slug}.html", html(d), shared=True)
        students.append({"name": name, "file": f"{slug}.html", "d": d, "summary": _summary(d),
                         "frontier_text": frontier_text(d)})
    first = students[0]["d"]
    seeds = sorted({s["d"]["seed"] for s in students})
    sides = sorted({s["d"]["you"]["leader"] for s in students})
    endings = Counter((s["d"]["ending"]["title"], s["d"]["ending"]["rating"]) if s["d"]["ending"]
                      else ("(in progress)", "") for s in students)
    deals = _merged_points(students)
    chart = svg.frontier_chart(first["frontier"]["points"], deals, width=560, height=480)
    ratings = ["better", "history", "worse", "breakdown", ""]  # "" = still in progress
    bars = svg.bar_chart([(f"{t} ({r})" if r else t, [c / len(students) if r == k else 0.0 for k in ratings])
                          for (t, r), c in endings.most_common()],
                         [k or "in progress" for k in ratings],
                         colors=[svg.RATING_COLORS.get(k, "#999999") for k in ratings])
    concept_totals = {c: sum(1 for s in students if s["summary"]["concepts"][c]) for c in CONCEPTS}
    page = template("html", "class.html.j2").render(
        css=css(), d=first, students=students, broken=[{"path": str(p), "why": w} for p, w in broken],
        seeds=seeds, sides=sides, frontier_chart=chart, endings_chart=bars, concepts=CONCEPTS,
        concept_titles=CONCEPT_TITLES, concept_totals=concept_totals, date=first["date"],
        notes=_grouped_notes(students))
    out = report_dir / "index.html"
    write_atomic(out, page, shared=True)
    return out, broken


def _summary(d: dict) -> dict:
    concepts = {c["concept"]: c for c in d["concepts"]}
    conc = concepts["concessions"]
    return {
        "path": [f"{m['turn']}. {m['kind']}" for m in d["moves"]],
        "turns": len(d["moves"]),
        "concessions": [t for t in conc["turns"] if any(m["turn"] == t for m in d["moves"])],
        "concessions_text": " ".join(conc["lines"]),
        "concepts": {c: len(concepts[c]["yours"]) for c in CONCEPTS},
        "left": d["frontier"]["left_on_table"],
    }


def _merged_points(students) -> list[dict]:
    """One dot per distinct agreement, labelled with every student who reached it."""
    at: dict[tuple[float, float], list[str]] = {}
    for s in students:
        deal = s["d"]["frontier"]["deal"]
        at.setdefault((round(deal["you"], 4), round(deal["them"], 4)), []).append(s["name"])
    return [{"you": you, "them": them, "label": ", ".join(names)} for (you, them), names in at.items()]


def _grouped_notes(students) -> list[str]:
    """Each note once, with the students whose games it concerns ('every game' if all)."""
    who: dict[str, list[str]] = {}
    for s in students:
        for n in s["d"]["notes"]:
            who.setdefault(n, []).append(s["name"])
    return [f"{'Every game' if len(names) == len(students) > 1 else ', '.join(names)}: {n}" for n, names in who.items()]
