"""The accessibility statement, with the results of the last test run."""
from __future__ import annotations

from ..editions import ResolvedEdition
from ..model import Plan
from ..translations import Words
from .writer import ENGLISH, Page, _Writer


def accessibility_page(plan: Plan, edition: ResolvedEdition, test_report: dict | None, words: Words = ENGLISH) -> Page:
    """The accessibility statement, after the UK model, with the results of the last test run."""
    w = _Writer(plan, "accessibility.md", words)
    t = w.t
    contact = plan.partnership["contact"]
    w.add("# " + t("Accessibility statement"))
    w.add(t("This statement applies to this website, which publishes the {partnership}'s community safety plans. "
            "We want as many people as possible to be able to use it. You should be able to:",
            partnership=plan.partnership["name"]))
    w.bullets([
        t("change colours: switch between light and dark mode with the button at the top of each page"),
        t("zoom in up to 400% without the text spilling off the screen"),
        t("get around the whole site using just a keyboard"),
        t("listen to the site using a screen reader"),
        t("read a plain-language summary of each plan"),
        t("read every chart's figures in a table next to it"),
    ])
    w.add("## " + t("How accessible this website is"))
    w.add(t("We know some parts of this website are not fully accessible:"))
    w.bullets([
        t("the search box and the list of plan editions at the top of the page need JavaScript; "
          "without it, use the menu and the {editions} page instead",
          editions=f"[{t('All editions')}]({w.link('editions.md')})"),
        t("some of the original documents showed figures only in pictures of charts; "
          "where the text does not give those figures, this site cannot show them"),
        t("the original plan documents are PDF files, which this site does not copy; this site is their accessible version"),
    ] + ([] if words.is_source else [
        t("the translations of this site are drafts made from the English; where a part is not yet translated, "
          "it is shown in English and marked as English for screen readers")]))
    w.add("## " + t("What to do if you need the plan in a different format"))
    w.add(t("If you need the plan in a different format, such as large print, easy read, an audio "
            "recording, braille or another language, please ask."))
    w.add(contact["text"].strip())
    w.add("## " + t("Reporting accessibility problems with this website"))
    w.add(t("We are always looking to improve the accessibility of this website. If you find a problem "
            "that is not listed on this page, or think we are not meeting accessibility requirements, "
            "please tell us using the contact details above."))
    w.add("## " + t("Enforcement procedure"))
    w.add(t("The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public "
            "Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 "
            "(the 'accessibility regulations'). If you are not happy with how we respond to your "
            "complaint, contact the Equality Advisory and Support Service (EASS)."))
    w.add("## " + t("Technical information about this website's accessibility"))
    w.add(t("We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA."))
    w.add("## " + t("How we tested this website"))
    w.add(*_test_report_lines(test_report, words))
    return Page("accessibility.md", words.plain("Accessibility statement"), w.markdown())


def _test_report_lines(report: dict | None, words: Words) -> list[str]:
    t = words.t
    if not report or "axe" not in report:
        return [t("This copy of the site was built without the results of the accessibility tests. "
                  "The partnership's editors run them with {command} before they publish a new version.",
                  command="`make test`")]
    axe, html, keyboard = report["axe"], report.get("html"), report.get("keyboard")
    when = words.date(axe["date"])
    lines = [(t("The project's automated tests last ran on {date} (code version {commit}). They:",
                date=when, commit=axe["commit"]) if axe.get("commit") else
              t("The project's automated tests last ran on {date}. They:", date=when)), ""]
    widths = words.n("{first} and {second} pixel", "{first} and {second} pixels", axe["widths"][-1],
                     first=axe["widths"][0], second=axe["widths"][-1]) if len(axe["widths"]) > 1 else \
        words.n("{first} pixel", "{first} pixels", axe["widths"][0], first=axe["widths"][0])
    lines.append("- " + words.n("opened the {pages} page of every edition and language in {browser}, {widths} wide, "
                                "in the light and the dark colours, and checked it with {tool} against WCAG 2.0, 2.1 "
                                "and 2.2 levels A and AA and axe's best practices: {found}",
                                "opened all {pages} pages of every edition and language in {browser}, {widths} wide, "
                                "in the light and the dark colours, and checked each with {tool} against WCAG 2.0, 2.1 "
                                "and 2.2 levels A and AA and axe's best practices: {found}", axe["pages"],
                          pages=words.number(axe["pages"]), browser=axe["browser"], widths=widths, tool=axe["tool"],
                          found=_found(axe["violations"], words)))
    if html:
        lines.append("- " + words.n("checked the {files} HTML file with the {tool}: {found}",
                                    "checked all {files} HTML files with the {tool}: {found}", html["files"],
                              files=words.number(html["files"]), tool=html["tool"],
                              found=_found(html["errors"], words, errors=True)))
    if keyboard:
        lines.append("- " + words.n("worked every kind of control with the keyboard alone (skip link, menu, palette, "
                                    "edition and language lists, search, tables that scroll): {passed} of {checks} check passed",
                                    "worked every kind of control with the keyboard alone (skip link, menu, palette, "
                                    "edition and language lists, search, tables that scroll): {passed} of {checks} checks passed",
                                    keyboard["checks"], passed=keyboard["checks"] - keyboard["failed"], checks=keyboard["checks"]))
    lines += ["", t("Automated tests cannot find every accessibility problem. The site has not yet been "
                    "checked by hand by people who use assistive technology.")]
    return lines


def _found(number: int, words: Words, errors: bool = False) -> str:
    t = words.t
    if errors:
        return t("no errors found") if number == 0 else words.n("{count} error found", "{count} errors found", number,
                                                                count=number)
    return t("no problems found") if number == 0 else words.n("{count} problem found", "{count} problems found", number,
                                                              count=number)
