"""Words the search index should find that a page does not spell out.

Material's search (lunr, in the reader's browser) finds a word only as the page writes it, split
at spaces and hyphens, with any punctuation left on: "(ASB)" is indexed as "(asb)", so typing
"ASB" does not find it. After each build we add, to every entry of the index, the other forms a
resident may type:

- the glossary's abbreviations and their expansions for each other ("ASB" on a page that says
  "anti-social behaviour", and the reverse);
- a hyphenated word written as one ("antisocial" for "anti-social");
- each word without its punctuation ("asb" for "(ASB),");
- each word without its accents ("aspoleczne" for "aspołeczne"), so that Polish and Lithuanian
  can be searched from a keyboard without them.

They go into two fields of their own (VARIANT_FIELDS), which lunr searches with the weight of
the field they come from and the results never show: a result still shows the page's own title
and text.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

#: Each field Material indexes and shows -> the field of its other spellings, searched, not shown.
VARIANT_FIELDS = {"title": "title_variants", "text": "text_variants"}

#: The pages for finding pages (the A to Z, and the search of every plan), left out of the index.
NOT_SEARCHED = frozenset({"a-z/", "search-all/"})

#: How Material's search splits words when its config does not say: at spaces and hyphens.
DEFAULT_SEPARATOR = r"[\s\-]+"

#: Letters with a stroke or a special form, which Unicode does not decompose into a letter and
#: an accent, as a reader types them without it.
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ß": "ss",
                               "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "ħ": "h", "ŧ": "t"})


def fold(word: str) -> str:
    """The word without the accents on its Latin letters ("aspołeczne" -> "aspoleczne").

    Only marks on a Latin letter are dropped: the vowel marks of Urdu's script are not accents."""
    if word.isascii():
        return word
    out = []
    for char in word.translate(_UNDECOMPOSED):
        parts = unicodedata.normalize("NFD", char)
        out.append(parts[0] if len(parts) > 1 and parts[0].isascii() and parts[0].isalpha() else char)
    return "".join(out)


@dataclass(frozen=True)
class Phrase:
    """One spelling of a glossary entry, as words; an abbreviation keeps its capitals, so that
    "LAs" does not match the Polish word "las"."""

    words: tuple[str, ...]
    exact_case: bool
    #: Its hyphenated words written as one ("antisocial").
    joined: tuple[str, ...] = ()


@dataclass(frozen=True)
class SynonymGroup:
    """A glossary term and its expansion: a page holding either is found by both."""

    phrases: tuple[Phrase, ...]


def synonym_groups(glossary: dict[str, dict], separator: str) -> list[SynonymGroup]:
    """Each glossary term that has an expansion, with it, split as the index splits words."""
    groups = []
    for term, entry in glossary.items():
        expansion = entry.get("expansion")
        if not expansion:
            continue
        phrases = (Phrase(tuple(_words(term, separator)), True, _joined(term)),
                   Phrase(tuple(w.lower() for w in _words(expansion, separator)), False, _joined(expansion)))
        if all(p.words for p in phrases):
            groups.append(SynonymGroup(phrases))
    return groups


def variants(html: str, groups: list[SynonymGroup], separator: str) -> str:
    """The other spellings of one field of an index entry, space-separated: each at most once,
    none the field already holds, in the order the text has them (so builds are reproducible)."""
    return _variants(html, _by_first_word(groups), re.compile(separator))


def _by_first_word(groups: list[SynonymGroup]) -> dict[tuple[str, bool], list[tuple[SynonymGroup, Phrase]]]:
    """Each phrase under its first word (and whether its case counts), so that an entry is
    checked only for the phrases whose first word it holds."""
    found: dict[tuple[str, bool], list[tuple[SynonymGroup, Phrase]]] = {}
    for group in groups:
        for phrase in group.phrases:
            found.setdefault((phrase.words[0], phrase.exact_case), []).append((group, phrase))
    return found


def _variants(html: str, lookup: dict, separator: re.Pattern) -> str:
    text = _text(html)
    raw = [token for token in separator.split(text) if token]
    have = {token.lower() for token in raw}
    words = [w for w in (_clean(token) for token in raw) if w]
    lowered = [w.lower() for w in words]
    found: dict[str, None] = {}

    def add(word: str) -> None:
        lower = word.lower()
        if lower not in have:
            found.setdefault(lower)
        if not word.isascii():
            folded = fold(lower)
            if folded not in have:
                found.setdefault(folded)

    for word in dict.fromkeys(words):
        add(word)
    # A hyphenated word written as one: the index splits "anti-social" into "anti" and "social".
    if "-" in text:
        for word in _joined(text):
            add(word)
    matched: dict[int, SynonymGroup] = {}
    for position, (word, lower) in enumerate(zip(words, lowered)):
        for group, phrase in lookup.get((word, True), []) + lookup.get((lower, False), []):
            own = words if phrase.exact_case else lowered
            if id(group) not in matched and tuple(own[position:position + len(phrase.words)]) == phrase.words:
                matched[id(group)] = group
    for group in matched.values():
        for phrase in group.phrases:
            for word in phrase.words + phrase.joined:
                add(word)
    return " ".join(found)


def enrich_index(index: dict, glossary: dict[str, dict]) -> dict:
    """Material's search index (search_index.json, read as JSON) with each entry's other
    spellings added in VARIANT_FIELDS, and those fields declared to lunr with the weight of the
    field they come from, and without the pages in NOT_SEARCHED. glossary is
    plan_data/glossary.yaml's terms, by term."""
    config = index["config"]
    separator = config.get("separator") or DEFAULT_SEPARATOR
    lookup = _by_first_word(synonym_groups(glossary, separator))
    split = re.compile(separator)
    # The pages for finding pages would match every search for a page's name.
    index["docs"] = [doc for doc in index["docs"] if doc.get("location", "").split("#")[0] not in NOT_SEARCHED]
    fields = config.setdefault("fields", {})
    for shown, hidden in VARIANT_FIELDS.items():
        fields[hidden] = dict(fields.get(shown, {"boost": 1.0}))
    for doc in index["docs"]:
        for shown, hidden in VARIANT_FIELDS.items():
            found = _variants(doc.get(shown) or "", lookup, split)
            if found:
                doc[hidden] = found
            else:
                doc.pop(hidden, None)
    return index


def _words(text: str, separator: str) -> list[str]:
    return [w for w in (_clean(token) for token in re.split(separator, text)) if w]


#: A hyphen between two letters.
_HYPHENATED = re.compile(r"[^\W\d_]-[^\W\d_]")


def _joined(text: str) -> tuple[str, ...]:
    """Each hyphenated word of the text written as one: "anti-social" -> "antisocial"."""
    return tuple(_clean(chunk).replace("-", "") for chunk in text.split() if _HYPHENATED.search(chunk))


_PUNCTUATION_AROUND = re.compile(r"^\W+|\W+$")


def _clean(token: str) -> str:
    """A token without the punctuation around it: "(ASB)," -> "ASB"."""
    return _PUNCTUATION_AROUND.sub("", token)


class _TextOnly(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def _text(html: str) -> str:
    """The words of an index field, which Material writes as a little HTML."""
    if "<" not in html and "&" not in html:
        return html
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    # Each element's text stands apart, as the index's tokenizer reads it.
    return " ".join(parser.parts)


@dataclass(frozen=True)
class SearchLabels:
    """What the theme's template writes about search, in the page's language: the note shown
    without JavaScript, the link from the search box to every plan, and, on the page that
    searches every plan, its form and the messages its script shows.

    The texts with markup are marked where English stands in for a translation; those that go
    into attributes (the form's, which its script shows as plain text) are plain."""

    no_script: str
    a_to_z: str
    every_plan: str
    form_label: str
    #: Only on the page that searches every plan.
    form: dict[str, str] | None = None


def search_labels(words, page_url: str, searches_every_plan: bool) -> SearchLabels:
    """The search texts for one page (page_url as MkDocs gives it, such as "search-all/")."""
    from .urls import get_relative_url

    t, plain = words.t, words.plain
    form = None
    if searches_every_plan:
        # Every edition in this language sits beside this one (<site>[/<language>]/<edition>/),
        # and versions.json, which lists them, beside the editions.
        form = {"root": get_relative_url("", page_url) + "../",
                "button": t("Search"),
                "searching": plain("Searching every plan…"),
                "found": plain("Pages found: {count}"),
                "more": plain("Showing the first {shown}. Add words to narrow the search."),
                "none": plain("No pages found. Try other words, or look in the pages from A to Z."),
                "failed": plain("The search could not be loaded. Try again later, or look in the pages from A to Z."),
                "plan": plain("Plan: {plan}")}
    return SearchLabels(t("Search needs JavaScript, which is off in this browser."), t("Pages from A to Z"),
                        t("Search every plan"), t("Words to search for"), form)
