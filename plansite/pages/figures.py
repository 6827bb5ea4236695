"""One measure's figures: the headline, the chart, the table and the source."""
from __future__ import annotations

from ..editions import ResolvedEdition
import posixpath
from html import escape

from ..charts import chart
from ..figures.judge import summarise
from ..figures.select import edition_figures
from ..figures.wording import format_value, sentence
from ..measures_catalogue import Measure
from ..model import Plan
from ..translations import Words
from .answer import judgement_tag
from .glossary import abbreviate_html
from .writer import ENGLISH, _Writer


def _series_order(measure: Measure, figures: list) -> list[str]:
    names = [measure.own_series] + list(measure.comparators)
    names += [f.series for f in figures if f.series not in names]
    return [n for n in dict.fromkeys(names) if any(f.series == n for f in figures)]


def _short_value(measure: Measure, words: Words):
    def short(figure) -> str:
        if figure.value is None:
            return words.t("no figure")
        return words.percent(figure.value) if measure.unit == "percentage" or figure.is_percent \
            else words.number(figure.value)
    return short


def _capital(text: str) -> str:
    at = 1 if text.startswith(("\ue000", "\ue001")) else 0
    return text[:at] + text[at:at + 1].upper() + text[at + 1:]


def figures_table(measure: Measure, figures: list, table_id: str, plan: Plan | None = None,
                  words: Words = ENGLISH) -> str:
    """The figures as an HTML table: one row per period, one column per series."""
    series = _series_order(measure, figures)
    periods = []
    for figure in figures:
        if figure.period not in periods:
            periods.append(figure.period)
    cells = {(f.period, f.series): f for f in figures}
    t = words.t

    def text(value: str) -> str:
        # Translated text is escaped already, and so is what t() returns.
        value = value if not words.is_source else escape(value)
        return abbreviate_html(value, plan) if plan else value

    def series_name(name: str) -> str:
        return text(words.english(name))

    caption = f'<table id="{table_id}"><caption>{t("{measure}: the figures", measure=text(measure.plain_title))}</caption>'
    if len(periods) == 1 and len(series) > 2:
        # One period broken down many ways reads better as a list of rows, above all on a phone.
        period = periods[0]
        label = text(_capital(words.period(period)))
        return (caption + f'<thead><tr><th scope="col">{t("Group")}</th><th scope="col">{label}</th></tr></thead><tbody>'
                + "".join(f'<tr><th scope="row">{series_name(name)}</th>'
                          f"<td>{escape(format_value(measure, cells[(period, name)], words=words))}</td></tr>"
                          for name in series if (period, name) in cells)
                + "</tbody></table>")
    out = [caption,
           f'<thead><tr><th scope="col">{t("Period")}</th>'
           + "".join(f'<th scope="col">{series_name(name)}</th>' for name in series) + "</tr></thead><tbody>"]
    for period in periods:
        row = [f'<th scope="row">{text(_capital(words.period(period)))}</th>']
        for name in series:
            figure = cells.get((period, name))
            row.append(f"<td>{escape(format_value(measure, figure, words=words)) if figure else ''}</td>")
        out.append("<tr>" + "".join(row) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _trend_line(summary, words: Words) -> str:
    if not summary.trend:
        return ""
    t = words.t
    # The word carries the judgement and an icon tied to it backs it up; an arrow beside
    # "Getting worse" would say "up" where it means "bad", so the movement is said in words.
    tag = judgement_tag(words, summary.trend)
    movement = {"up": lambda: t("(the figure went up)"), "down": lambda: t("(the figure went down)"),
                "same": lambda: t("(the figure was about the same)")}[summary.movement]()
    return f"{tag} {movement}"


def measure_block(plan: Plan, edition: ResolvedEdition, measure_id: str, page_path: str, *,
                  parts: tuple = ("summary", "chart", "table", "source"), words: Words = ENGLISH) -> str:
    """Markdown for one measure: headline, direction, sentence, chart, table, source, download."""
    measure = plan.measures[measure_id]
    figures = edition_figures(plan, edition, measure_id)
    summary = summarise(measure, figures)
    w = _Writer(plan, page_path, words)
    t = w.t
    # The partnership's own series, as the data names it (so in English on every page).
    area = words.english(measure.own_series)
    if "summary" in parts:
        if summary.latest is not None:
            w.add(f"**{t('Latest figure:')}** {format_value(measure, summary.latest, words=words)} "
                  f"({words.period(summary.latest.period)})")
        if summary.trend:
            w.add(f"**{t('Direction of travel:')}** {_trend_line(summary, words)}")
        if summary.comparisons:
            w.add(f"**{t('Compared with:')}** " + "; ".join(
                f"{words.english(c.name)} {format_value(measure, c.figure, words=words)}"
                + (" " + (t("({area} is better)", area=area) if c.judgement == "better"
                          else t("({area} is worse)", area=area))
                   if c.judgement in ("better", "worse") else "")
                for c in summary.comparisons))
        target = measure.target
        if target:
            status = {True: lambda: " " + t("We are meeting it."), False: lambda: " " + t("We are not meeting it yet."),
                      None: lambda: ""}[summary.target_met]()
            w.add(f"**{t('Target:')}** {target['text']}{status}")
        w.add(sentence(summary, words))
    if not summary.has_figures:
        return w.markdown()
    block_id = f"{measure_id}-{posixpath.splitext(page_path)[0].replace('/', '-')}"
    if "chart" in parts:
        chart_svg = chart(f"chart-{block_id}", t("{measure}: chart", measure=measure.plain_title),
                          sentence(summary, words) + " " + t("The same figures are in the table below the chart."),
                          [f for f in figures if f.value is not None], _series_order(measure, figures),
                          _short_value(measure, words), words)
        w.add(f'<figure class="plan-figure">{chart_svg}</figure>')
    if "table" in parts:
        w.add(f'<div class="plan-table">{figures_table(measure, figures, "table-" + block_id, plan, words)}</div>')
    notes = [f for f in figures if f.note]
    if notes and "table" in parts:
        w.add(t("About these figures:"))
        w.bullets(f"{_capital(words.period(f.period))}, {words.english(f.series)}: {words.english(f.note)}"
                  for f in notes)
    if "source" in parts:
        sources = list(dict.fromkeys(f.source for f in figures))
        w.add("*" + " ".join(w.source(s) for s in sources) + "*")
        w.add(f"[{t('Download these figures (CSV)')}]({w.link(f'data/{measure_id}.csv')})")
    return w.markdown()
