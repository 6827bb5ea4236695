"""Plain-language checks for the summaries we write: reading age, long sentences, passive
voice and abbreviations that the glossary does not explain.

Reading age is the Flesch-Kincaid grade level plus five (a US school grade starts at age
five-to-six), the usual way to turn it into an age; reading ease is Flesch's score, where
higher is easier. Both come from the same two counts (words per sentence, syllables per
word), so they are easy to reproduce by hand, and they are what most readability tools report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Plan

TARGET_READING_AGE = 11
LONG_SENTENCE_WORDS = 25

_IRREGULAR_PARTICIPLES = (
    "begun brought built bought caught chosen come done drawn driven eaten fallen felt found "
    "given gone grown heard held hidden hit hurt kept known laid led left lent lost made meant met "
    "paid put read run said seen sent set shown shut sold spent spoken stolen struck taken taught "
    "thought told understood won written").split()
_PASSIVE = re.compile(r"\b(am|is|are|was|were|be|been|being|get|gets|got)\s+(?:\w+ly\s+)?(\w+ed|"
                      + "|".join(_IRREGULAR_PARTICIPLES) + r")\b", re.I)
_ABBREVIATION = re.compile(r"\b[A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*s?\b")


def plain_text(markdown: str) -> str:
    """The words of Markdown text: links, emphasis and list markers removed."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"[*_`#>]", "", text)
    return re.sub(r"^\s*[-+]\s+|^\s*\d+\.\s+", "", text, flags=re.M)


def sentences(markdown: str) -> list[str]:
    """Sentences, with each list item or line ending without punctuation counted as one."""
    found = []
    for block in re.split(r"\n\s*\n|\n(?=\s*(?:[-+*]|\d+\.) )", markdown):
        block = " ".join(plain_text(block).split())
        found += [s.strip() for s in re.split(r"(?<=[.!?:])\s+(?=[A-Z0-9\"'])", block) if s.strip()]
    return found


def words(sentence: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9][A-Za-z0-9'’-]*", sentence)


def syllables(word: str) -> int:
    """An estimate from vowel groups, as readability tools count them."""
    word = word.lower().strip("'’")
    if word.isdigit():
        return max(1, len(word) // 2)
    if len(word) <= 3:
        return 1
    word = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", word)
    word = re.sub(r"^y", "", word)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", word)))


@dataclass
class Readability:
    """The checks on one piece of text."""

    name: str
    sentence_count: int
    word_count: int
    reading_ease: float
    reading_age: float
    long_sentences: list[str] = field(default_factory=list)
    passive_sentences: list[str] = field(default_factory=list)
    unexplained: list[str] = field(default_factory=list)

    @property
    def meets_target(self) -> bool:
        return self.reading_age <= TARGET_READING_AGE


def check_text(name: str, markdown: str, glossary: dict) -> Readability:
    found = sentences(markdown)
    all_words = [w for s in found for w in words(s)]
    word_count, sentence_count = max(len(all_words), 1), max(len(found), 1)
    per_sentence = word_count / sentence_count
    per_word = sum(syllables(w) for w in all_words) / word_count
    return Readability(
        name=name, sentence_count=len(found), word_count=len(all_words),
        reading_ease=round(206.835 - 1.015 * per_sentence - 84.6 * per_word, 1),
        reading_age=round(0.39 * per_sentence + 11.8 * per_word - 15.59 + 5, 1),
        long_sentences=[s for s in found if len(words(s)) > LONG_SENTENCE_WORDS],
        passive_sentences=[s for s in found if _PASSIVE.search(s)],
        unexplained=sorted({a for a in _ABBREVIATION.findall(plain_text(markdown))
                            if a not in glossary and a.rstrip("s") not in glossary}),
    )


def check_plan(plan: Plan) -> list[Readability]:
    """The plain-language summary of every edition, checked."""
    return [check_text(f"{edition['id']} summary ({plan.edition_files.get(edition['id'], '')})",
                       edition["summary"], plan.glossary)
            for edition in plan.editions_newest_first()]


def format_report(results: list[Readability]) -> str:
    lines = []
    for result in results:
        verdict = "meets" if result.meets_target else "does NOT meet"
        lines.append(f"{result.name}: reading age {result.reading_age:g} ({verdict} the target of "
                     f"{TARGET_READING_AGE} or lower), reading ease {result.reading_ease:g}, "
                     f"{result.word_count} words in {result.sentence_count} sentences")
        for sentence in result.long_sentences:
            lines.append(f"  long sentence ({len(words(sentence))} words, aim for {LONG_SENTENCE_WORDS} or fewer): {sentence}")
        for sentence in result.passive_sentences:
            lines.append(f"  possibly passive (say who does what): {sentence}")
        if result.unexplained:
            lines.append(f"  abbreviations with no glossary entry: {', '.join(result.unexplained)} "
                         "(add them to plan_data/glossary.yaml or write them out)")
    return "\n".join(lines)
