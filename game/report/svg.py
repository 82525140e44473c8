"""Small inline SVG charts for the reports: meters over the turns, the efficient frontier
with agreements on it, horizontal bars. Text in a chart is escaped (markupsafe), so a
name from a file is shown, never interpreted. Returns `Markup` to embed in templates.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

PALETTE = ("#c0392b", "#2471a3", "#b7950b", "#1e8449", "#7d3c98", "#ca6f1e", "#5d6d7e", "#17a589", "#e74c3c",
           "#1a5276", "#a04000", "#6c3483")


def _f(x: float) -> str:
    return f"{x:.1f}"


def line_chart(series: Sequence[Sequence[float]], names: Sequence[str], markers: Sequence[tuple[int, str]] = (),
               width: int = 720, height: int = 260, top: float = 100.0, title: str = "") -> Markup:
    """Lines over turns 0..T (one per series, values 0..top), with vertical markers
    (turn, label) for session starts."""
    left, right, up, down = 40, 150, 20, 30
    pw, ph = width - left - right, height - up - down
    n = max((len(s) for s in series), default=1)
    xs = lambda t: left + pw * (t / max(n - 1, 1))  # noqa: E731
    ys = lambda v: up + ph * (1.0 - max(0.0, min(float(v), top)) / top)  # noqa: E731
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}">']
    for v in (0, top / 2, top):
        out.append(f'<line x1="{left}" x2="{left + pw}" y1="{_f(ys(v))}" y2="{_f(ys(v))}" stroke="#ddd"/>'
                   f'<text x="{left - 6}" y="{_f(ys(v) + 4)}" text-anchor="end" font-size="10">{v:g}</text>')
    for turn, label in markers:
        x = _f(xs(turn))
        out.append(f'<line x1="{x}" x2="{x}" y1="{up}" y2="{up + ph}" stroke="#bbb" stroke-dasharray="3,3">'
                   f'<title>{escape(label)}</title></line>')
    for t in range(0, n, max(1, n // 12)):
        out.append(f'<text x="{_f(xs(t))}" y="{height - 10}" text-anchor="middle" font-size="10">{t}</text>')
    for k, s in enumerate(series):
        color = PALETTE[k % len(PALETTE)]
        pts = " ".join(f"{_f(xs(t))},{_f(ys(v))}" for t, v in enumerate(s))
        out.append(f'<polyline fill="none" stroke="{color}" stroke-width="2" points="{pts}"/>')
        out.append(f'<rect x="{left + pw + 12}" y="{up + 16 * k}" width="10" height="10" fill="{color}"/>'
                   f'<text x="{left + pw + 26}" y="{up + 16 * k + 9}" font-size="11">{escape(names[k])}</text>')
    out.append(f'<text x="{left + pw / 2}" y="{height}" text-anchor="middle" font-size="10">turn</text></svg>')
    return Markup("".join(out))


def frontier_chart(frontier: Sequence[tuple[float, float]], deals: Sequence[dict], width: int = 460,
                   height: int = 400, you_label: str = "worth to you", them_label: str = "worth to them") -> Markup:
    """The efficient frontier as a stepped line and agreements as labelled dots.
    `deals` are {"you", "them", "label"}; axes run 0..1."""
    left, right, up, down = 50, 20, 20, 45
    pw, ph = width - left - right, height - up - down
    xs = lambda v: left + pw * max(0.0, min(float(v), 1.0))  # noqa: E731
    ys = lambda v: up + ph * (1.0 - max(0.0, min(float(v), 1.0)))  # noqa: E731
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" aria-label="efficient frontier">',
           f'<rect x="{left}" y="{up}" width="{pw}" height="{ph}" fill="#fafafa" stroke="#ccc"/>']
    for v in (0.0, 0.25, 0.5, 0.75, 1.0):
        out.append(f'<text x="{_f(xs(v))}" y="{up + ph + 14}" text-anchor="middle" font-size="10">{v:g}</text>'
                   f'<text x="{left - 6}" y="{_f(ys(v) + 4)}" text-anchor="end" font-size="10">{v:g}</text>')
    if frontier:
        pts = " ".join(f"{_f(xs(a))},{_f(ys(b))}" for a, b in frontier)
        out.append(f'<polyline fill="none" stroke="#2471a3" stroke-width="2" points="{pts}"/>')
        for a, b in frontier:
            out.append(f'<circle cx="{_f(xs(a))}" cy="{_f(ys(b))}" r="3" fill="#2471a3"/>')
    for k, d in enumerate(deals):
        color = PALETTE[0] if len(deals) == 1 else PALETTE[k % len(PALETTE)]
        x, y = _f(xs(d["you"])), _f(ys(d["them"]))
        out.append(f'<circle cx="{x}" cy="{y}" r="5" fill="{color}" fill-opacity="0.8"><title>{escape(d["label"])}'
                   f'</title></circle>')
        if d.get("show_label", True):
            out.append(f'<text x="{_f(xs(d["you"]) + 7)}" y="{_f(ys(d["them"]) - 6)}" font-size="10">'
                       f'{escape(d["label"])}</text>')
    out.append(f'<text x="{left + pw / 2}" y="{height - 8}" text-anchor="middle" font-size="11">{escape(you_label)}</text>'
               f'<text x="14" y="{up + ph / 2}" text-anchor="middle" font-size="11" '
               f'transform="rotate(-90 14 {up + ph / 2})">{escape(them_label)}</text></svg>')
    return Markup("".join(out))


RATING_COLORS = {"better": "#1e8449", "history": "#b7950b", "worse": "#c0392b", "breakdown": "#4a235a"}


def bar_chart(rows: Sequence[tuple[str, Sequence[float]]], series: Sequence[str], width: int = 720,
              bar: int = 16, colors: Sequence[str] | None = None) -> Markup:
    """Stacked horizontal bars of shares (each row's values sum to at most 1), e.g. the
    endings per player."""
    longest = max((len(label) for label, _ in rows), default=10)
    left, right = int(min(max(120, 12 + 6.2 * longest), width * 0.5)), 20  # room for the labels
    pw = width - left - right
    colors = list(colors or PALETTE)
    height = 30 + len(rows) * (bar + 8) + 18 * ((len(series) + 2) // 3)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" aria-label="shares">']
    for r, (label, values) in enumerate(rows):
        y = 10 + r * (bar + 8)
        out.append(f'<text x="{left - 6}" y="{y + bar - 4}" text-anchor="end" font-size="11">{escape(label)}</text>')
        x = float(left)
        for k, v in enumerate(values):
            w = pw * max(0.0, float(v))
            if w > 0:
                out.append(f'<rect x="{_f(x)}" y="{y}" width="{_f(w)}" height="{bar}" '
                           f'fill="{colors[k % len(colors)]}"><title>{escape(series[k])}: {100 * v:.1f} %'
                           f'</title></rect>')
            x += w
    y0 = 20 + len(rows) * (bar + 8)
    for k, name in enumerate(series):
        x, y = left + (k % 3) * (pw // 3), y0 + 18 * (k // 3)
        out.append(f'<rect x="{x}" y="{y}" width="10" height="10" fill="{colors[k % len(colors)]}"/>'
                   f'<text x="{x + 14}" y="{y + 9}" font-size="11">{escape(name)}</text>')
    out.append("</svg>")
    return Markup("".join(out))
