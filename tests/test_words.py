"""The parts of plansite.translations that make a page's words: Messages (the lookup, plurals,
English marked), Formats (numbers, dates, periods) and Words, the frozen facade over both."""
import ast
import dataclasses
from datetime import date
from pathlib import Path

import pytest

from plansite.periods import parse_period
from plansite.translations import (ENGLISH_END, ENGLISH_START, Formats, Messages, Translator, Words, po_path,
                                   stale_dates)

E, N = ENGLISH_START, ENGLISH_END

SITE_PO = r'''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

msgid "{count} measure"
msgid_plural "{count} measures"
msgstr[0] "{count} miara"
msgstr[1] "{count} miary"
msgstr[2] "{count} miar"

msgid "{count} source"
msgid_plural "{count} sources"
msgstr[0] "{count} źródło"
msgstr[1] ""
msgstr[2] ""

#. English changed on 2025-02-03
#, fuzzy
#| msgid "Old words"
msgid "Sources"
msgstr "Źródła"
'''


@pytest.fixture
def polish(tmp_path) -> Translator:
    path = po_path(tmp_path, "pl", "site")
    path.parent.mkdir(parents=True)
    path.write_text(SITE_PO, encoding="utf-8")
    return Translator(tmp_path, "pl")


def test_plural_lookup_takes_the_polish_form_for_each_count(polish):
    messages = Messages("pl", polish)
    counted = [messages.n("{count} measure", "{count} measures", count, count=count) for count in (1, 3, 5, 22, 25)]
    assert counted == ["1 miara", "3 miary", "5 miar", "22 miary", "25 miar"]
    # Not a whole number: the language's last form.
    assert messages.n("{count} measure", "{count} measures", 1.5, count="1,5") == "1,5 miar"


def test_a_plural_form_left_empty_is_english_marked_with_the_number_outside(polish):
    messages = Messages("pl", polish)
    assert messages.n("{count} source", "{count} sources", 1, count=1) == "1 źródło"
    assert messages.n("{count} source", "{count} sources", 3, count=3) == f"3 {E}sources{N}"


def test_english_plurals_without_a_translator():
    assert [Messages().n("{count} measure", "{count} measures", c, count=c) for c in (0, 1, 2)] == \
        ["0 measures", "1 measure", "2 measures"]


def test_a_stale_translation_carries_the_date_its_english_changed(polish):
    messages = Messages("pl", polish)
    said = messages.t("Sources")
    assert said.startswith("Źródła") and stale_dates(said) == ["2025-02-03"]
    assert messages.plain("Sources") == "Źródła"
    assert messages.t("Not in the catalogue") == f"{E}Not in the catalogue{N}"
    assert messages.plain("Not in the catalogue") == "Not in the catalogue"


def test_formats_in_polish_and_urdu(tmp_path):
    polish = Formats(Messages("pl", Translator(tmp_path, "pl")))
    urdu = Formats(Messages("ur", Translator(tmp_path, "ur")))
    english = Formats(Messages())
    assert (english.locale, polish.locale, urdu.locale) == ("en_GB", "pl", "ur")
    assert (english.number(1633.5), polish.number(1633.5), urdu.number(1633.5)) == ("1,633.5", "1\xa0633,5", "1,633.5")
    assert (english.percent(73.5), polish.percent(73.5), urdu.percent(73.5)) == ("73.5%", "73,5%", "73.5%")
    assert (english.date("2024-09-24"), polish.date("2024-09-24"), urdu.date("2024-09-24")) == \
        ("24 September 2024", "24 września 2024", "24 ستمبر، 2024")
    assert (polish.date("2018-11"), urdu.date("2017")) == ("listopad 2018", "2017")


def test_periods_in_polish_and_urdu_use_the_catalogue_for_their_words(tmp_path, no_tool_translations):
    polish = Formats(Messages("pl", Translator(tmp_path, "pl")))
    urdu = Formats(Messages("ur", Translator(tmp_path, "ur")))
    months = parse_period("April 2017 to March 2018")
    assert polish.period(months) == f"kwiecień 2017 {E}to{N} marzec 2018"
    assert urdu.period(months) == f"اپریل 2017 {E}to{N} مارچ 2018"
    assert polish.period_phrase(months) == f"{E}from{N} kwiecień 2017 {E}to{N} marzec 2018"
    latest = parse_period("latest 12 months", date(2024, 3, 31))
    assert polish.period(latest) == f"{E}the latest{N} 12 {E}months{N}"
    assert Formats(Messages()).period(latest) == "the latest 12 months"
    assert Formats(Messages()).period_phrase(parse_period("2016")) == "in 2016"


def test_words_is_frozen_and_takes_its_editions_when_made(polish):
    words = Words("pl", polish, editions={"2024-2027"})
    assert words.editions == frozenset({"2024-2027"})
    for name, value in (("editions", None), ("language", "lt"), ("direction", "rtl"), ("messages", None)):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(words, name, value)
    assert Words().editions is None
    # The facade passes each call on to its parts.
    assert words.n("{count} measure", "{count} measures", 5, count=5) == "5 miar"
    assert (words.number(12345), words.locale, words.is_source, Words().is_source) == ("12\xa0345", "pl", False, True)


def test_no_code_assigns_to_an_attribute_of_words():
    """Words is made with everything it needs: no `words.x = ...` anywhere in plansite."""
    package = Path(__file__).parent.parent / "plansite"
    found = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
            found += [f"{path.name}:{node.lineno}" for target in targets if isinstance(target, ast.Attribute)
                      and isinstance(target.value, ast.Name) and "words" in target.value.id.lower()]
    assert found == []


def test_ui_messages_reads_the_whole_package_from_the_translations_package():
    """The site's own words are found in every module of plansite: the pages package and the
    translations package's own Formats (period labels) too, in the order the code has them."""
    from plansite.translations import ui_messages

    found = ui_messages()
    assert "How we are doing" in found  # plansite/pages/answer.py
    assert found["{start} to {end}"] == "{start} to {end}"  # plansite/translations/formats.py
    assert found["the latest {months} month"] == ("the latest {months} month", "the latest {months} months")
