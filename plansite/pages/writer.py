"""Page, the Markdown writer every page uses, and the phrases several pages share."""
from __future__ import annotations

from ..editions import ResolvedItem
import posixpath
from dataclasses import dataclass

from ..model import Plan
from ..translations import Words
from ..urls import edition_folder, get_relative_url, page_url


#: The source language. It has no translator, so it never records anything: safe to share.
ENGLISH = Words()


def missing(words: Words) -> str:
    return words.t("The source documents we hold do not include this part of the plan.")


def unit_words(words: Words, unit: str) -> str:
    return {
        "count": lambda: words.t("a count"),
        "rate_per_1000": lambda: words.t("a rate per 1,000 people"),
        "rate_per_10000": lambda: words.t("a rate per 10,000 people"),
        "rate_per_100000": lambda: words.t("a rate per 100,000"),
        "percentage": lambda: words.t("a percentage"),
        "average": lambda: words.t("an average"),
        "ratio": lambda: words.t("a ratio"),
    }[unit]()


def better_words(words: Words, better: str) -> str:
    return {
        "up": lambda: words.t("Higher is better."),
        "down": lambda: words.t("Lower is better."),
        "neither": lambda: words.t("The plan does not say whether higher or lower is better."),
    }[better]()


def status_words(words: Words, status: str) -> str:
    return {"current": lambda: words.t("Current plan"), "archived": lambda: words.t("Archived plan"),
            "draft": lambda: words.t("Draft plan")}[status]()


def status_tag(words: Words, status: str) -> str:
    """An edition's status as a tag: bold words in a tinted box, so it is read, not only seen
    as a colour (the CSS is in plan.css, .plan-tag)."""
    return f'<strong class="plan-tag plan-tag--{status}">{status_words(words, status)}</strong>'


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes, its title and its Markdown."""

    path: str
    title: str
    markdown: str


def format_period(period: dict, words: Words = ENGLISH) -> str:
    return words.t("{start} to {end}", start=period["start"], end=period["end"])


def relative(from_page: str, to_page: str) -> str:
    """A Markdown link from one page's source path to another's."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def edition_root_url(from_page: str, edition_id: str, words: Words = ENGLISH, *, from_edition: str) -> str:
    """URL of another edition's home, from the page from_page of the edition from_edition.

    Each edition is its own site under <site>/<edition id>/ (<site>/<language>/<edition id>/
    in another language), so the link leaves this edition's folder; it stays relative so
    the site works under any sub-path. An edition not translated into the page's language
    is linked in English.
    """
    here = page_url(from_page)
    if words.editions is not None and edition_id not in words.editions:
        # Leaves the language's folder for the English edition: from the site root.
        return get_relative_url(edition_folder(edition_id), edition_folder(from_edition, words.language) + here)
    # Stays in the page's language: from that language's folder.
    return get_relative_url(edition_folder(edition_id), edition_folder(from_edition) + here)


class _Writer:
    """Builds one page's Markdown, with links relative to that page."""

    def __init__(self, plan: Plan, path: str, words: Words = ENGLISH):
        self.plan = plan
        self.path = path
        self.words = words
        self.t = words.t
        self.lines: list[str] = []

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)
        self.lines.append("")

    def link(self, target: str, fragment: str = "") -> str:
        return relative(self.path, target) + (f"#{fragment}" if fragment else "")

    def source(self, source_id: str, full_stop: bool = True) -> str:
        source = self.plan.sources[source_id]
        return self.t("Source: {document}, {date}",
                      document=f"[{source['title']}]({self.link('sources.md', source_id)})",
                      date=self.words.date(source["date"])) + ("." if full_stop else "")

    def source_document(self, source_id: str) -> str:
        """A source document as a link, with its date: '[title](sources.md#id), 24 September 2024'."""
        source = self.plan.sources[source_id]
        return f"[{source['title']}]({self.link('sources.md', source_id)}), {self.words.date(source['date'])}"

    def source_line(self, source_id: str | None) -> None:
        if source_id:
            self.add(f"*{self.source(source_id)}*")

    def bullets(self, items) -> None:
        if items:
            self.add(*[f"- {_one_line(item)}" for item in items])

    def text_section(self, heading: str, block: dict | None) -> None:
        """A section from a block of the plan that has a text, a list of items and a source
        (each but the source may be left out); nothing when the plan has no such block."""
        if not block:
            return
        self.add("## " + heading)
        if block.get("text"):
            self.add(block["text"].strip())
        self.bullets(block.get("items"))
        self.source_line(block["source"])

    def text_or_missing(self, text: str | None) -> None:
        self.add(text.strip() if text else f"*{missing(self.words)}*")

    def markdown(self) -> str:
        return "\n".join(self.lines).rstrip() + "\n"


def _one_line(text: str) -> str:
    """A list item: continuation lines indented so Markdown keeps them in the item."""
    return "\n  ".join(str(text).strip().splitlines())


def _facts(w: _Writer, facts) -> None:
    if facts:
        w.add("## " + w.t("Key facts"))
        w.add(*[f"- {_one_line(fact['text'])} ({w.source(fact['source'], full_stop=False)})"
                for fact in facts])


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _item_link(w: _Writer, kind: str, item: ResolvedItem) -> str:
    return f"[{item.title}]({w.link(kind + '/' + item.id + '.md')})"
