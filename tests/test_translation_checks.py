"""validate checks the translations like the rest of the data: PO files as Poedit saves them,
broken in each way a translator can break them, and the languages' codes."""
from babel.messages.pofile import read_po, write_po

from plansite.commands import translations, validate
from plansite.translations import Translator, Words, po_path, stale_dates, stale_mark
from plansite.validate import check_project

from conftest import POLISH


def errors(root):
    return [e.format() for e in check_project(root)[2]]


def extracted(project):
    project.write("plan_data/languages.yaml", POLISH)
    translations(project.root, "extract")
    return po_path(project.root, "pl", "site")


def set_translation(path, key, text):
    with path.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if (message.id[0] if message.pluralizable else message.id) == key:
            message.string = text
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0, include_previous=True)


def line_of(path, text):
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if text in line)


def test_translations_as_extract_writes_them_are_valid(project):
    extracted(project)
    assert errors(project.root) == []


def test_a_po_syntax_error_names_file_and_line(project):
    site = extracted(project)
    lines = site.read_text(encoding="utf-8").splitlines()
    number = line_of(site, 'msgid "Our vision"')
    lines[number] = 'msgstr "Nasza wizja'  # the closing quote forgotten
    site.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert errors(project.root) == [
        f"plan_data/translations/pl/site.po:{number + 1}: error [po-syntax] A PO file is not valid\n"
        "  problem: this line is not valid in a PO file: 'msgstr \"Nasza wizja'.\n"
        "  fix: Each entry is msgctxt (if any), msgid and msgstr lines, each with its text in double quotes "
        "(a quote inside the text is written \\\"); a long text goes on in lines of their own that are only a "
        "quoted text. Open the file in Poedit, which shows the entry, or compare the line with the entries around it."]
    valid, report = validate(project.root)
    assert not valid and "plan_data/translations/pl/site.po" in report


def test_a_po_file_that_is_not_utf8(project):
    site = extracted(project)
    text = site.read_text(encoding="utf-8").replace('msgid "Our vision"\nmsgstr ""', 'msgid "Our vision"\nmsgstr "Mūsų vizija"')
    site.write_bytes(text.encode("cp1257"))
    [error] = check_project(project.root)[2]
    assert (error.code, error.file, error.line) == ("not-utf8", "plan_data/translations/pl/site.po",
                                                    text.splitlines().index('msgstr "Mūsų vizija"') + 1)
    assert error.fix.startswith("Save it again as UTF-8: in Poedit, Translation > Properties")


def test_a_malformed_plural_forms_header(project):
    site = extracted(project)
    text = site.read_text(encoding="utf-8")
    header = next(line for line in text.splitlines() if line.startswith('"Plural-Forms:'))
    for broken, problem in [
        ('"Plural-Forms: nplurals=three; plural=(n != 1);\\n"',
         "'nplurals' must be a number of forms from 1 to 6; the header says 'nplurals=three; plural=(n != 1);'."),
        ('"Plural-Forms: nplurals=2; plural=(n !! 1);\\n"',
         "'plural' must be a C expression in n, such as (n != 1); the header says 'nplurals=2; plural=(n !! 1);'."),
        ('"Plural-Forms: nplurals=2; plural=(n==1 ? 0 : n<5 ? 1 : 2);\\n"',
         "'plural' gives form 2 for some numbers, but 'nplurals' says there are only 2 forms (0 to 1); "
         "the header says 'nplurals=2; plural=(n==1 ? 0 : n<5 ? 1 : 2);'."),
    ]:
        site.write_text(text.replace(header, broken), encoding="utf-8")
        [error] = check_project(project.root)[2]
        assert (error.code, error.line, error.path, error.message) == ("plural-forms", line_of(site, "Plural-Forms"),
                                                                        "Plural-Forms", problem)


def test_a_translation_whose_placeholders_differ(project):
    site = extracted(project)
    set_translation(site, "Source: {document}, {date}", "Źródło: {dokument}, {date}")
    set_translation(site, "{count} error found", ("znaleziono {count} błąd", "znaleziono błędy", "znaleziono {count} błędów"))
    # Sorted by message: site.po lists the texts in the order of the code's modules.
    found = sorted(check_project(project.root)[2], key=lambda e: e.message)
    assert [(e.code, e.path, e.message) for e in found] == [
        ("placeholder-mismatch", "msgstr", "the translation of 'Source: {document}, {date}' has {date}, {dokument} "
                                           "where the English has {date}, {document}."),
        ("placeholder-mismatch", "msgstr[1]", "the translation of '{count} error found' has no placeholders where "
                                              "the English has {count}."),
    ]
    assert found[0].line == line_of(site, 'msgid "Source: {document}, {date}"')
    assert found[0].fix == ("Write the placeholders exactly as in the English ({date}, {document}): the site puts a "
                            "title, number or date there. You may move them within the sentence.")


def test_a_folder_for_a_language_that_is_not_listed(project):
    extracted(project)
    (project.root / "plan_data/translations/de").mkdir()
    (project.root / "plan_data/translations/de/site.po").write_text("", encoding="utf-8")
    assert errors(project.root) == [
        "plan_data/translations/de/: error [unlisted-language] Translations for a language that languages.yaml "
        "does not list\n"
        "  problem: there are translations into 'de', but plan_data/languages.yaml does not list that language, so "
        "they are never published.\n"
        "  fix: Add '- code: de' with its name (and 'review: draft') to plan_data/languages.yaml, or remove "
        "plan_data/translations/de/ if it is a mistake. Listed: en, pl."]


def test_an_unknown_or_repeated_language_code(project):
    project.write("plan_data/languages.yaml", POLISH + "  - code: xx\n    name: Nowhere\n  - code: pl\n    name: Again\n")
    found = check_project(project.root)[2]
    assert [(e.code, e.line, e.path) for e in found] == [("unknown-language", 7, "languages[2].code"),
                                                         ("duplicate-id", 9, "languages[3].code")]
    assert found[0].message == "'xx' is not a language code that the site's language data (CLDR) knows."
    assert found[1].message == ("the language 'pl' is listed twice (first as entry 2); both would be built into "
                                "one folder.")


def test_plural_forms_follow_the_language(project, no_tool_translations):
    site = extracted(project)
    with site.open("rb") as handle:
        [message] = [m for m in read_po(handle) if m.pluralizable and m.id[0] == "{count} error found"]
    assert message.id == ("{count} error found", "{count} errors found") and len(message.string) == 3
    set_translation(site, "{count} error found",
                    ("znaleziono {count} błąd", "znaleziono {count} błędy", "znaleziono {count} błędów"))
    words = Words("pl", Translator(project.root, "pl"))
    shown = {n: words.n("{count} error found", "{count} errors found", n, count=n) for n in (1, 2, 5, 12, 22, 25, 104)}
    assert shown == {1: "znaleziono 1 błąd", 2: "znaleziono 2 błędy", 5: "znaleziono 5 błędów",
                     12: "znaleziono 12 błędów", 22: "znaleziono 22 błędy", 25: "znaleziono 25 błędów",
                     104: "znaleziono 104 błędy"}
    english = Words()
    assert [english.n("{count} error found", "{count} errors found", n, count=n) for n in (0, 1, 2)] == [
        "0 errors found", "1 error found", "2 errors found"]
    # A plural text counts as translated once every form is.
    assert "the site's own words 1 of " in translations(project.root, "status").splitlines()[0]


def test_a_missing_plural_form_shows_the_english_for_that_number_only(project):
    site = extracted(project)
    set_translation(site, "{count} error found", ("", "znaleziono {count} błędy", "znaleziono {count} błędów"))
    words = Words("pl", Translator(project.root, "pl"))
    assert words.n("{count} error found", "{count} errors found", 5, count=5) == "znaleziono 5 błędów"
    assert "\ue000" in words.n("{count} error found", "{count} errors found", 1, count=1)


def test_each_page_shows_the_date_of_its_own_stale_texts():
    first, second = "A" + stale_mark("2026-01-05"), "B" + stale_mark("2026-03-07")
    assert stale_dates(first) == ["2026-01-05"] and stale_dates(second) == ["2026-03-07"]
    assert stale_dates(first + second) == ["2026-01-05", "2026-03-07"]
    assert stale_dates("no stale text") == [] and stale_dates("C" + stale_mark("")) == [""]


def test_one_page_never_shows_another_page_s_stale_date(project):
    from plansite.pages import translation_notices

    site = extracted(project)
    with site.open("rb") as handle:
        catalog = read_po(handle)
    for message, text, changed in (("Our vision", "Nasza wizja", "2026-01-05"), ("Key facts", "Fakty", "2026-03-07")):
        entry = catalog.get(message)
        entry.string, entry.flags = text, {"fuzzy"}
        entry.auto_comments = [f"English changed on {changed}"]
    with site.open("wb") as handle:
        write_po(handle, catalog, width=0, include_previous=True)
    words = Words("pl", Translator(project.root, "pl"), review="reviewed")
    vision, facts = words.t("Our vision"), words.t("Key facts")
    notice = translation_notices(words, f"# {facts}\n")
    assert "7 marca 2026" in notice and "5 stycznia 2026" not in notice
    assert "5 stycznia 2026" in translation_notices(words, f"# {vision}\n")
