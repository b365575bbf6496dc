"""Plain inline SVG charts: a score histogram and a horizontal bar chart.

Each chart is an ``<svg role="img">`` with an ``aria-label``, a ``<title>`` (its name for
screen readers and tooltips) and a ``<desc>`` listing every bar's value in words, so the
numbers are there without seeing the picture.  Sizes are in viewBox units; the CSS makes
the SVG as wide as its box, so it scales down on a phone.  Every text goes through ``esc``.
"""
from __future__ import annotations

from rnn_grader.report.html import esc
from rnn_grader.report.stats import Bin

WIDTH = 320
BAR_FILL = "#2f5d9b"


def svg_open(chart_id: str, height: float, label: str, description: str, kind: str) -> str:
    """The ``<svg>`` element's start with its accessible name and description."""
    return (f'<svg class="chart {kind}" id="{esc(chart_id)}" role="img" viewBox="0 0 {WIDTH} {height:g}" '
            f'aria-label="{esc(label)}" aria-describedby="{esc(chart_id)}-desc" '
            f'xmlns="http://www.w3.org/2000/svg">'
            f'<title>{esc(label)}</title><desc id="{esc(chart_id)}-desc">{esc(description)}</desc>')


def text(x: float, y: float, content: str, anchor: str = "middle", size: float = 10,
         extra: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size:g}"{extra}>'
            f'{esc(content)}</text>')


def histogram(chart_id: str, bins: list[Bin], *, label: str, bar_titles: list[str],
              x_axis: str, y_axis: str) -> str:
    """Vertical bars, one per bin; ``bar_titles[k]`` (plain text) names bar k in words.

    Layout (viewBox units): plot from x=34 to WIDTH-6, y=12 to 150; bar height
    = count / max count * plot height; the count is written above each non-empty bar."""
    left, right, top, bottom, height = 34.0, WIDTH - 6.0, 12.0, 150.0, 184.0
    tallest = max([b.count for b in bins] + [1])
    step = (right - left) / max(1, len(bins))
    font = 10 if step >= 24 else 7.5
    parts = [svg_open(chart_id, height, label, "; ".join(bar_titles), "histogram"),
             f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" class="axis"/>',
             f'<line x1="{left}" y1="{top}" x2="{left}" y2="{bottom}" class="axis"/>',
             text(left - 4, bottom + 3, "0", "end", 9), text(left - 4, top + 3, str(tallest), "end", 9),
             text((left + right) / 2, height - 4, x_axis, size=10),
             text(10, (top + bottom) / 2, y_axis, size=10,
                  extra=f' transform="rotate(-90 10 {(top + bottom) / 2:.1f})"')]
    for k, (b, title) in enumerate(zip(bins, bar_titles)):
        bar_height = (bottom - top) * b.count / tallest
        x = left + k * step
        parts.append(f'<rect x="{x + step * 0.1:.1f}" y="{bottom - bar_height:.1f}" '
                     f'width="{step * 0.8:.1f}" height="{bar_height:.1f}" fill="{BAR_FILL}">'
                     f'<title>{esc(title)}</title></rect>')
        if b.count:
            parts.append(text(x + step / 2, bottom - bar_height - 3, str(b.count), size=9))
        parts.append(text(x + step / 2, bottom + 13, b.label, size=font))
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(chart_id: str, rows: list[tuple[str, int]], *, label: str, bar_titles: list[str]) -> str:
    """Horizontal bars, one per ``(name, count)``, longest = the largest count.

    Layout: names right-aligned up to x=150, bars from x=156 to WIDTH-30, 24 units a row."""
    name_end, start, end, row = 150.0, 156.0, WIDTH - 30.0, 24.0
    largest = max([count for _, count in rows] + [1])
    height = row * len(rows) + 8
    parts = [svg_open(chart_id, height, label, "; ".join(bar_titles), "bars")]
    for k, ((name, count), title) in enumerate(zip(rows, bar_titles)):
        y = 4 + k * row
        length = (end - start) * count / largest
        shown = name if len(name) <= 26 else name[:25] + "…"
        parts.append(text(name_end, y + 15, shown, "end", 10, ' class="name"'))
        parts.append(f'<rect x="{start}" y="{y + 4:.1f}" width="{length:.1f}" height="{row - 8:g}" '
                     f'fill="{BAR_FILL}"><title>{esc(title)}</title></rect>')
        parts.append(text(start + length + 4, y + 15, str(count), "start", 10))
    parts.append("</svg>")
    return "".join(parts)
