"""PO files for translators: extraction keyed by stable ids, and status counts."""
from babel.messages.pofile import read_po, write_po

from plansite.commands import translations
from plansite.translations import edition_messages, message_counts, plan_messages, po_path, ui_messages
from plansite.validate import load_valid_plan

from conftest import POLISH as LANGUAGES


def catalog(path):
    with path.open("rb") as handle:
        return {m.context: m for m in read_po(handle) if m.id}


def translate(path, context, text):
    with path.open("rb") as handle:
        po = read_po(handle)
    for message in po:
        if message.context == context:
            message.string = text
    with path.open("wb") as handle:
        write_po(handle, po, include_previous=True)


def test_messages_have_stable_ids(project):
    plan = load_valid_plan(project.root)
    messages = edition_messages(plan, "2020-2023")
    assert messages["priorities/reducing-crime/title"] == "Reducing Crime"
    assert messages["priorities/reducing-crime/actions/0"] == "Work together."
    assert messages["summary"] == "We want fewer crimes."
    assert "priorities/reducing-crime/id" not in messages and "period/start" not in messages


def test_a_language_is_added_by_configuration(project):
    project.write("plan_data/languages.yaml", LANGUAGES)
    message = translations(project.root, "extract")
    # The site's own words, the texts every edition shares, and one file per edition.
    assert message.startswith("Wrote 4 PO files under plan_data/translations/.")
    site_words = read_po(po_path(project.root, "pl", "site").open("rb"))
    assert site_words.get("This translation is a draft. It awaits review by a qualified translator.") is not None
    assert catalog(po_path(project.root, "pl", "plan"))["measures/all-crime/plain_title"].id == "Crimes reported"
    po = catalog(po_path(project.root, "pl", "2020-2023"))
    assert po["priorities/reducing-crime/title"].id == "Reducing Crime"
    assert po["priorities/reducing-crime/title"].string == ""


def test_status_counts_translated_missing_and_stale(project, no_tool_translations):
    project.write("plan_data/languages.yaml", LANGUAGES)
    translations(project.root, "extract")
    path = po_path(project.root, "pl", "2020-2023")
    translate(path, "priorities/reducing-crime/title", "Ograniczanie przestępczości")
    translate(path, "summary", "Chcemy mniej przestępstw.")
    plan = load_valid_plan(project.root)
    total = len(edition_messages(plan, "2020-2023"))
    assert message_counts(project.root, plan, "pl", "2020-2023") == (2, 0, total - 2)
    # The English changes after translation: the translation is kept, marked fuzzy, and counts as stale.
    project.replace("plan_data/editions/2020-2023.yaml", "summary: We want fewer crimes.", "summary: We want less crime.")
    translations(project.root, "extract")
    plan = load_valid_plan(project.root)
    assert message_counts(project.root, plan, "pl", "2020-2023") == (1, 1, total - 2)
    summary = catalog(path)["summary"]
    assert (summary.string, summary.fuzzy) == ("Chcemy mniej przestępstw.", True)
    # PO editors show the old English next to the new, so the translator sees what changed.
    assert '#, fuzzy\n#| msgid "We want fewer crimes."\nmsgctxt "summary"\nmsgid "We want less crime."' in path.read_text()
    report = translations(project.root, "status")
    assert report.splitlines()[:2] == [
        f"Polski (pl), draft: hand-written pages 0 translated, 0 stale, 0 missing; the site's own words 0 of "
        f"{len(ui_messages())} translated, 0 stale; measures, sources and glossary 0 of "
        f"{len(plan_messages(plan))} translated, 0 stale",
        f"  2020-2023-refresh-2021: 0 of {len(edition_messages(plan, '2020-2023-refresh-2021'))} texts translated, "
        f"0 stale, {len(edition_messages(plan, '2020-2023-refresh-2021'))} missing",
    ]


def test_translated_page_is_stale_when_the_english_changes(site_project):
    from plansite.translations import english_hash, page_counts
    site_project.write("plan_data/languages.yaml", LANGUAGES)
    english = (site_project.root / "docs" / "get-involved.md").read_text()
    site_project.write("docs/get-involved.pl.md", f"---\ntranslated_from: {english_hash(english)}\n---\n# Zaangażuj się\n")
    counts, notes = page_counts(site_project.root, "pl")
    assert (counts.translated, counts.stale, counts.missing) == (1, 0, 1)
    site_project.write("docs/get-involved.md", english + "\nA new paragraph.\n")
    counts, notes = page_counts(site_project.root, "pl")
    assert (counts.translated, counts.stale) == (0, 1)
    assert [n for n in notes if n.startswith("docs/get-involved.pl.md: the English page changed since it was "
                                            "translated; update it, then set 'translated_from: ")]


def test_the_tool_brings_its_translations_of_the_site_words_and_a_project_may_replace_one(project):
    """Every partnership gets the tool's translations (plansite/locale/); a text its own
    plan_data/translations/<language>/site.po translates comes first, the rest still come from the tool."""
    from babel.messages.catalog import Catalog

    from plansite.translations import Translator, Words

    project.write("plan_data/languages.yaml", LANGUAGES)
    words = Words("pl", Translator(project.root, "pl"))
    assert (words.t("Our vision"), words.t("Period:")) == ("Nasza wizja", "Okres:")
    own = Catalog(locale="pl")
    own.add("Our vision", "Wizja Exampleton")
    own.add("Period:", "")  # left empty: the tool's translation stays
    path = po_path(project.root, "pl", "site")
    path.parent.mkdir(parents=True)
    with path.open("wb") as handle:
        write_po(handle, own)
    words = Words("pl", Translator(project.root, "pl"))
    assert (words.t("Our vision"), words.t("Period:")) == ("Wizja Exampleton", "Okres:")


def test_extract_writes_the_site_words_into_the_project_and_in_this_repository_into_the_tool(project):
    from conftest import ROOT
    from plansite.translations.catalogues import PACKAGE_LOCALE, site_po_path

    project.write("plan_data/languages.yaml", LANGUAGES)
    assert "plan_data/translations/" in translations(project.root, "extract")
    assert po_path(project.root, "pl", "site").is_file()
    assert site_po_path(ROOT, "pl") == PACKAGE_LOCALE / "pl" / "site.po" == ROOT / "plansite/locale/pl/site.po"
    assert not (ROOT / "plan_data/translations/pl/site.po").exists()


def test_the_tool_translations_pass_the_checks_validate_makes():
    from conftest import ROOT
    from plansite.translation_checks import check_po_file
    from plansite.translations.catalogues import PACKAGE_LOCALE

    files = sorted(PACKAGE_LOCALE.glob("*/site.po"))
    assert [p.parent.name for p in files] == ["lt", "pl", "ur"]
    assert [e.format() for path in files for e in check_po_file(ROOT, path)] == []
