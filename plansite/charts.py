"""Static SVG charts, drawn at build time: no JavaScript, a few kilobytes each.

Series are told apart by marker shape, line dash and direct labels, never by colour
alone. Everything is drawn in currentColor, so a chart follows the page's text colour
in both the light and the dark palette. The chart carries a title and a description
that a screen reader reads; the same figures are in a table next to it. In a right-to-left
language the chart is drawn mirrored, so time runs from right to left like the text.
"""
from __future__ import annotations

from html import escape

from .figures.read import Figure
from .figures.wording import qualified

WIDTH = 640
#: Text size in chart units: a 640-unit chart fills a phone's 340 pixels, so this is about
#: 11 pixels there and 17 on a desktop, where the chart is at most 34rem wide.
FONT = 20
_MARKERS = ("circle", "square", "triangle", "diamond", "cross")
_DASHES = ("", "6 4", "2 3", "10 3 2 3", "1 5")


def _marker(shape: str, x: float, y: float) -> str:
    if shape == "circle":
        return f'<circle cx="{x:.0f}" cy="{y:.0f}" r="5"/>'
    if shape == "square":
        return f'<rect x="{x - 5:.0f}" y="{y - 5:.0f}" width="10" height="10"/>'
    if shape == "triangle":
        return f'<path d="M{x:.0f} {y - 6:.0f}l6 11h-12z"/>'
    if shape == "diamond":
        return f'<path d="M{x:.0f} {y - 6:.0f}l6 6-6 6-6-6z"/>'
    return f'<path d="M{x - 5:.0f} {y - 5:.0f}l10 10m0-10l-10 10" fill="none" stroke-width="2"/>'


def _scale_max(values: list[float]) -> float:
    top = max(values) if values else 1
    if top <= 0:
        return 1
    magnitude = 10 ** (len(str(int(top))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= top:
            return step * magnitude
    return top


class _Axis:
    """Horizontal positions, mirrored for right-to-left languages."""

    def __init__(self, rtl: bool):
        self.rtl = rtl

    def x(self, value: float) -> float:
        return WIDTH - value if self.rtl else value

    def span(self, start: float, width: float) -> float:
        """The left edge of something that starts at start and is width wide."""
        return WIDTH - start - width if self.rtl else start

    def step(self, width: float) -> float:
        return -width if self.rtl else width


def _open(chart_id: str, title: str, description: str, height: int, rtl: bool = False) -> list[str]:
    direction = ' direction="rtl"' if rtl else ""
    return [
        f'<svg class="plan-chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg" '
        'fill="currentColor" stroke="currentColor" font-size="' + str(FONT) + f'"{direction}>',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(description)}</desc>',
    ]


def _short(label: str) -> str:
    if label.startswith("the "):
        label = label[4:]
    return label[:1].upper() + label[1:]


def chart(chart_id: str, title: str, description: str, figures: list[Figure],
          series_order: list[str], format_value, words=None) -> str:
    """An SVG chart of the figures: lines over time, or bars when there are one or two periods.
    words gives the labels' language (English when None). format_value writes a bare value; a bar's
    label adds the source's qualifier ('over 9%'). A line chart plots a qualified figure at its
    number and has no value labels: its description and the table give the qualifier."""
    if words is None:
        from .translations import Words

        words = Words()
    periods = []
    for figure in sorted(figures, key=lambda f: f.period.sort_key):
        if figure.period not in periods:
            periods.append(figure.period)
    if len(periods) >= 3:
        return _line_chart(chart_id, title, description, figures, series_order, periods, words)
    return _bar_chart(chart_id, title, description, figures, series_order, periods, format_value, words)


def _label(period, words) -> str:
    return escape(_short(words.period(period)) if words.is_source else words.period(period))


def _line_chart(chart_id, title, description, figures, series_order, periods, words) -> str:
    left, right, top, bottom = 80, 200, 20, 60
    height = 340
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    values = [f.value for f in figures if f.value is not None]
    vmax = _scale_max(values)
    step = plot_w / max(len(periods) - 1, 1)

    axis = _Axis(words.direction == "rtl")

    def x(period):
        return axis.x(left + periods.index(period) * step)

    def y(value):
        return top + plot_h - value / vmax * plot_h

    out = _open(chart_id, title, description, height, axis.rtl)
    out.append('<g stroke-width="1" fill="none" opacity=".35">')
    for tick in range(5):
        ty = top + plot_h - tick * plot_h / 4
        out.append(f'<path d="M{axis.x(left):.0f} {ty:.0f}h{axis.step(plot_w):.0f}"/>')
    out.append("</g>")
    out.append('<g stroke="none" text-anchor="end">')
    for tick in range(5):
        ty = top + plot_h - tick * plot_h / 4
        out.append(f'<text x="{axis.x(left - 8):.0f}" y="{ty + 7:.0f}">{words.number(vmax * tick / 4)}</text>')
    out.append("</g>")
    every = max(1, round(len(periods) / 6))
    out.append('<g stroke="none" text-anchor="middle">')
    for index, period in enumerate(periods):
        if index % every == 0 or index == len(periods) - 1:
            out.append(f'<text x="{x(period):.0f}" y="{height - bottom + 28}">{_label(period, words)}</text>')
    out.append("</g>")
    for number, name in enumerate(series_order):
        points = [(x(f.period), y(f.value)) for f in figures if f.series == name and f.value is not None]
        if not points:
            continue
        dash = _DASHES[number % len(_DASHES)]
        path = "M" + "L".join(f"{px:.0f} {py:.0f}" for px, py in points)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<path d="{path}" fill="none" stroke-width="2"{dash_attr}/>')
        shape = _MARKERS[number % len(_MARKERS)]
        out.append('<g stroke="none">' + "".join(_marker(shape, px, py) for px, py in points) + "</g>")
        last_x, last_y = points[-1]
        out.append(f'<text x="{last_x + axis.step(12):.0f}" y="{last_y + 7:.0f}" stroke="none">'
                   f'{escape(words.english(name))}</text>')
    out.append("</svg>")
    return "".join(out)


def _bar_chart(chart_id, title, description, figures, series_order, periods, format_value, words) -> str:
    axis = _Axis(words.direction == "rtl")
    label_w, right = 230, 130
    bar_h, gap = 26, 18
    rows = [name for name in series_order if any(f.series == name for f in figures)]
    legend_h = 36 if len(periods) > 1 else 0
    group_h = len(periods) * bar_h + gap
    height = legend_h + len(rows) * group_h + 8
    values = [f.value for f in figures if f.value is not None]
    vmax = _scale_max(values)
    plot_w = WIDTH - label_w - right
    out = _open(chart_id, title, description, height, axis.rtl)
    # Solid bars for the latest period, outlined for the earlier one: told apart without colour.
    styles = ['fill="none" stroke-width="2"', 'stroke="none"'] if len(periods) == 2 else ['stroke="none"']
    if legend_h:
        for index, period in enumerate(periods):
            lx = label_w + index * 220
            out.append(f'<rect x="{axis.span(lx, 18):.0f}" y="8" width="18" height="18" {styles[index]}/>')
            out.append(f'<text x="{axis.x(lx + 26):.0f}" y="24" stroke="none">{_label(period, words)}</text>')
    for row, name in enumerate(rows):
        gy = legend_h + row * group_h
        out.append(f'<text x="{axis.x(label_w - 10):.0f}" y="{gy + len(periods) * bar_h / 2 + 7:.0f}" '
                   f'text-anchor="end" stroke="none">{escape(words.english(name))}</text>')
        for index, period in enumerate(periods):
            match = [f for f in figures if f.series == name and f.period == period]
            by = gy + index * bar_h
            if not match or match[0].value is None:
                out.append(f'<text x="{axis.x(label_w + 4):.0f}" y="{by + 20}" stroke="none">{words.t("no figure")}</text>')
                continue
            width = max(match[0].value / vmax * plot_w, 1)
            out.append(f'<rect x="{axis.span(label_w, width):.0f}" y="{by + 2}" width="{width:.0f}" '
                       f'height="{bar_h - 4}" {styles[index]}/>')
            out.append(f'<text x="{axis.x(label_w + width + 8):.0f}" y="{by + 20}" stroke="none">'
                       f'{escape(qualified(format_value(match[0]), match[0].qualifier, words))}</text>')
    out.append("</svg>")
    return "".join(out)
