"""Every error code, defined once: its title, and the templates of its message and fix
(frictionless-py's error types, as a table). Codes never change meaning; add new ones here, and
to the README's tables of codes."""
from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

from .kinds import ErrorType

#: How to attach a measure to an edition; every warning about something unshown ends with it.
ATTACH = ("add its id to 'measures:' on the priority or theme it measures, or to the edition's "
          "'other_measures:' list (see the README, 'Which measures an edition shows')")

_YAML_FIX = ("Check the indentation and punctuation on this line and the one above it: "
             "every nested key is indented by the same number of spaces, text containing ': ' or "
             "starting with a special character is put in quotes, and list items start with '- '.")
_ALIASES_FIX = "Write the values out instead of using anchors (&name) and aliases (*name)."
_SAVE_AS = "Open it in Excel or LibreOffice and save it again as 'CSV UTF-8 (Comma delimited)' or .xlsx."
_PO_SYNTAX_FIX = ("Each entry is msgctxt (if any), msgid and msgstr lines, each with its text in double quotes "
                  "(a quote inside the text is written \\\"); a long text goes on in lines of their own that are "
                  "only a quoted text. Open the file in Poedit, which shows the entry, or compare the line with "
                  "the entries around it.")
_PLURAL_FIX = ("Write the header as gettext gives it for the language, for example "
               "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\" (in Poedit: Translation > "
               "Properties > Plural forms > Use default rules for this language).")
_NUMBER_FIX = ("Write a number such as 1633, 1,633, 5.6 or 73%, or leave the cell empty (or n/a) "
               "if there is no figure.")
_DATE_FIX = ("Write the date the source gives as YYYY-MM-DD (such as 2018-11-13), YYYY-MM or YYYY, "
             "with a month from 01 to 12 and a day that month has.")


def _duplicate(what: str) -> str:
    return "the " + what + " id '{id}' is already used in {first}."


#: How to stop Excel turning periods into dates (several invalid-period cases end with it).
_EXCEL_FIX = ("If Excel changed what you typed, format the period column as Text (select the column, then "
              "Format Cells, Text) and type the periods again, for example Jul 2018 or 2018-07.")


_DEFINITIONS = (
    ErrorType("missing-file", "A required file is missing",
              "plan_data/{name} does not exist.",
              "Create plan_data/{name}; see the README's section 'Editing the plan data'.",
              cases={"folder": ("there are no .yaml files in plan_data/{folder}/.",
                                "Add at least one .yaml file to plan_data/{folder}/.")}),
    ErrorType("yaml-syntax", "The file is not valid YAML",
              "{problem}.", _YAML_FIX,
              cases={"encoding": ("the file is not UTF-8 text: this line holds a character saved in another encoding "
                                  "(such as Windows-1252).",
                                  "Save the file as UTF-8 in your editor (in Notepad: Save As, Encoding: UTF-8)."),
                     "control": ("the file holds a control character (#x{character:04x}) that YAML does not allow.",
                                 "Delete the invisible character on this line (retyping the line removes it); it often "
                                 "comes from copying text out of another program.")}),
    ErrorType("duplicate-key", "The same key is given twice",
              "the key '{name}' appears twice here; YAML would silently keep only the last one.",
              "Delete one of the two '{name}' entries, or merge them."),
    ErrorType("missing-field", "A required field is missing",
              "the required field '{name}' is missing.",
              "Add a line '{name}: ...' here.{expected} DATA-REFERENCE.md lists every field, with an example.",
              cases={"base": ("a refresh must name the plan it refreshes in 'base'.",
                              "Add a line 'base: <id of the plan>', for example 'base: 2017-2020'.")}),
    ErrorType("wrong-type", "A value has the wrong type",
              "expected {names}, found {found}.",
              "Write {names} here.{expected}"),
    ErrorType("unknown-key", "A key is not recognised",
              "'{name}' is not a key allowed here.",
              "Remove it or rename it. Allowed keys here: {allowed} (DATA-REFERENCE.md says what each holds).",
              cases={"near": ("'{name}' is not a key allowed here.",
                              "Did you mean '{near}'? Rename the key. Allowed keys here: {allowed} "
                              "(DATA-REFERENCE.md says what each holds).")}),
    ErrorType("invalid-value", "A value is not one of those allowed",
              "{value} is not allowed here; allowed values: {allowed}.",
              "{suggestion}Use one of: {allowed}.",
              cases={"other": ("{problem}.", "Correct the value.{expected}")}),
    ErrorType("invalid-format", "A value is not in the expected format",
              "{value} is not in the expected format.",
              "Correct the value.{expected}",
              cases={"date": ("'{value}' is not a date in the calendar.", _DATE_FIX)}),
    ErrorType("empty-value", "A value is empty",
              "this value is empty.",
              "Fill it in, or remove the key if it is optional.{expected}"),
    ErrorType("out-of-range", "A number is out of range",
              "{value} is below the minimum of {limit}.",
              "Correct the number.{expected}",
              cases={"maximum": ("{value} is above the maximum of {limit}.", "Correct the number.{expected}"),
                     "infinite": ("{value} is not a finite number.", "Write the number itself, such as 100 or 5.6.")}),
    ErrorType("duplicate-id", "Two things share one id",
              _duplicate("source"), "Give each source document its own id.",
              cases={"measure": (_duplicate("measure"), "Declare each measure once; editions refer to it by id."),
                     "edition": (_duplicate("edition"), "Each edition needs its own id, because the id is its "
                                                        "web address; rename one of them."),
                     "item": (_duplicate("priority or theme"),
                              "Give each priority and theme its own id within the edition."),
                     "term": (_duplicate("glossary term"), "Give each term one entry."),
                     "body": (_duplicate("governance body"), "Give each board or group its own id."),
                     "in-base": ("the base plan already has a {what} '{id}'.",
                                 "To change it, list it under 'update' instead of 'add'; to add a new one, "
                                 "give it a new id."),
                     "language": ("the language '{id}' is listed twice (first as entry {entry}); both would be "
                                  "built into one folder.", "Remove one of the two entries.")},
              parts={"line": "{file} line {line}"}),
    ErrorType("unknown-source", "A source document id is not in sources.yaml",
              "{id} is not the id of a document in plan_data/sources.yaml.",
              "{suggestion}Use the id of a source in plan_data/sources.yaml, or add the document there first."),
    ErrorType("unknown-measure", "A measure id is not in the measures catalogue",
              "{id} is not a measure in plan_data/measures/.",
              "{suggestion}Use the id of a measure in plan_data/measures/, or declare it there first."),
    ErrorType("unknown-priority", "A priority or theme id does not exist",
              "this edition has no priority or theme '{id}'.",
              "{suggestion}Use one of: {known}.",
              cases={"in-base": ("the base plan '{base}' has no {what} '{id}' to {action}.",
                                 "{suggestion}Use one of the base plan's {items}: {known}."),
                     "earlier": ("no edition that starts before this one has a priority or theme '{id}'.",
                                 "{suggestion}Name a priority or theme of an earlier edition, such as: {known}; "
                                 "or delete the line.")},
              parts={"none": "(none)"}),
    ErrorType("unknown-body", "A governance body id does not exist",
              "there is no board or group with the id '{id}' in this edition's governance.",
              "{suggestion}Use the id of one of the bodies listed under governance.bodies, or add it there."),
    ErrorType("unknown-edition", "A base edition does not exist",
              "the base edition '{id}' does not exist.",
              "{suggestion}Use the id of a plan in plan_data/editions/: {known}."),
    ErrorType("invalid-base", "A refresh's base is not a plan",
              "the base '{id}' is a refresh, not a plan.",
              "Set 'base' to the plan that '{id}' refreshes ({base})."),
    ErrorType("refresh-has-priorities", "A refresh copies priorities instead of listing changes",
              "a refresh does not copy its plan's {items}; it lists only what it changes.",
              "Move what this refresh adds, retires or updates under 'changes: {items}: add/retire/update', "
              "and delete the rest."),
    ErrorType("plan-has-changes", "A plan lists changes or a base",
              "an edition of kind 'plan' cannot have '{name}'; only a refresh is written as changes to a base plan.",
              "Set 'kind: refresh' if this edition refreshes a plan, or remove this key."),
    ErrorType("period-reversed", "A period ends before it starts",
              "the period ends in {end}, which is not after its start in {start}.",
              "Check the years: 'start' is the first year the edition covers and 'end' the last, "
              "for example start: 2017, end: 2020."),
    ErrorType("period-overlap", "Two plan periods overlap",
              "this plan ({start}–{end}) overlaps the plan '{other}' ({other_start}–{other_end}).",
              "A plan cycle starts when the previous one ends: start this one in {other_end} or later, "
              "or correct '{other}'."),
    ErrorType("period-outside-base", "A refresh's period is outside its plan's period",
              "this refresh covers {start}–{end}, outside its plan '{base}' ({base_start}–{base_end}).",
              "A refresh covers a year inside its plan's period: use years between {base_start} and {base_end}."),
    ErrorType("multiple-current", "More than one edition is current",
              "{count} editions are marked current: {names}.",
              "Remove the 'status' line from all of them: the newest edition that is not a draft is then "
              "the current one. Or keep 'status: current' on one only.",
              parts={"name": "'{id}' ({file})"}),
    ErrorType("no-current", "No edition is current",
              "every edition is a draft or archived, so the site would have no current plan.",
              "Remove the 'status' line from the edition in force now (or write 'status: current')."),
    ErrorType("data-file-missing", "A measure's data file does not exist",
              "the data file plan_data/{folder}/{name} does not exist.",
              "Save the figures as plan_data/{folder}/{name}, or correct the file name.",
              cases={"pattern": ("no file in plan_data/{folder}/ matches the pattern {name}.",
                                 "Save the figures as plan_data/{folder}/{name}, or correct the file name.")}),
    ErrorType("data-unreadable", "A data file cannot be read as a spreadsheet",
              "the file could not be read as a spreadsheet ({problem}).", _SAVE_AS,
              cases={
                  "long-line": ("line {row} is longer than {limit:,} characters, so this is not a spreadsheet's "
                                "rows of figures.", _SAVE_AS),
                  "open-quote": ("row {row} could not be read ({problem}); usually a quotation mark (\") that is "
                                 "never closed, so the rest of the file runs into one cell.",
                                 "Find the cell that starts with a quotation mark and close it, or delete the mark; "
                                 "or save the file again from Excel."),
                  "zip-as-csv": ("the file is not CSV text: it is an Excel workbook (.xlsx) or another zip file "
                                 "with a .csv name.",
                                 "Open it in Excel and use Save As, 'CSV UTF-8 (Comma delimited)'; or give it the "
                                 "ending .xlsx and name that file in the measure's 'data'."),
                  "xls-as-csv": ("the file is not CSV text: it is an old Excel workbook (.xls) with a .csv name.",
                                 "Open it in Excel and use Save As, 'CSV UTF-8 (Comma delimited)' or "
                                 "'Excel Workbook (.xlsx)'."),
                  "pdf-as-csv": ("the file is not CSV text: it is a PDF document with a .csv name.",
                                 "Copy the figures from the document into a spreadsheet and save that as "
                                 "'CSV UTF-8 (Comma delimited)'."),
                  "binary": ("the file holds binary data, not text.", _SAVE_AS),
                  "xls": ("the file is not an .xlsx workbook: it is an old Excel workbook (.xls), "
                          "or a workbook protected with a password.",
                          "Open it in Excel, remove any password (File, Info, Protect Workbook), and save it as "
                          "'Excel Workbook (.xlsx)' or 'CSV UTF-8 (Comma delimited)'."),
                  "text-as-xlsx": ("the file is text, not an .xlsx workbook: a CSV file with an .xlsx name?",
                                   "Give the file the ending .csv and name that in the measure's 'data', or open it "
                                   "in Excel and save it as 'Excel Workbook (.xlsx)'."),
                  "too-big": ("the workbook would take {size:,} MB once unpacked, more than the {limit} MB a "
                              "workbook of figures may.",
                              "Keep only the figures in the workbook, or save the sheet as "
                              "'CSV UTF-8 (Comma delimited)'."),
                  "sheet-end": ("the sheet could not be read to its end ({problem}).", _SAVE_AS),
                  "not-opened": ("the file could not be opened ({problem}).",
                                 "Close it in Excel if it is open there, check that you may read it, then try again."),
              },
              parts={"exception": "{kind}: {text}"}),
    ErrorType("missing-column", "A data file lacks a required column",
              "the header row has no column named {missing}; {has}{separator}.",
              "Name the columns in row {row}: {columns} (series and note may be left out).",
              parts={"has": "it has {names}", "more": " and {count} more", "empty": "it is empty",
                     "separator": " (read as separated by {separator})",
                     "semicolons": "semicolons", "tabs": "tabs", "at": "{where}row {row} (the header row)"}),
    ErrorType("invalid-number", "A figure is not a number",
              "{value} is not a number.", _NUMBER_FIX,
              cases={"semicolons": ("{value} is not a number.",
                                    "This file's columns are separated by semicolons (;), as Excel saves CSV where a "
                                    "comma is the decimal sign: write a number such as 1633, 1.633, 5,6 or 73%, or "
                                    "leave the cell empty (or n/a) if there is no figure. Or save the file as "
                                    "'CSV UTF-8 (Comma delimited)'."),
                     "qualifier": ("{value} is not a number.",
                                   "Write the number alone in the value column and '{qualifier}' in a column named "
                                   "qualifier."),
                     "spreadsheet-error": ("{value} is the error a spreadsheet shows for a formula it cannot work "
                                           "out, not a figure.",
                                           "Correct the formula in the spreadsheet and save the file again, or leave "
                                           "the cell empty (or n/a) if there is no figure.")}),
    ErrorType("invalid-period", "A period is not one we can read",
              "{value} is not a period we can read.", "Write {accepted}.",
              cases={"source-date": ("the period is relative to the date of its source {source}, and that source's "
                                     "date {date} is not a real date.",
                                     "Correct the source's date in plan_data/sources.yaml (year-month-day, such as "
                                     "2018-11-13)."),
                     "empty": ("the period is empty.", "Write {accepted}."),
                     "needs-source-date": ("a period relative to its source needs a source with a date.",
                                           "Write {accepted}."),
                     "not-financial-year": ("{value} is not a financial year (the second year must follow the "
                                            "first).", "Write {accepted}."),
                     "no-month": ("{value} has no month {month}.", "Write {accepted}."),
                     "reversed": ("{value} ends before it starts.", "Write {accepted}."),
                     "not-a-date-range": ("{value} is not a real date range ({reason}).", "Write {accepted}."),
                     "not-a-date": ("{value} is not a real date (dates are read day first, as in the UK: "
                                    "31/03/2018).", _EXCEL_FIX),
                     "single-day": ("{value} is a single day ({day}, reading the date day first as in the UK), not "
                                    "a period.",
                                    "Write the month (Jul 2018) or the span (2018-04-01 to 2019-03-31). " + _EXCEL_FIX),
                     "two-readings": ("{value} could be {month_year} or {day_month}.",
                                      "Write the year in full, such as {example}."),
                     "day-and-month": ("{value} is a day and a month with no year: Excel shows a date this way when "
                                       "it has turned what was typed (such as Jul-18) into a day of the current "
                                       "year.", _EXCEL_FIX),
                     "excel-serial": ("{value} looks like a date that a spreadsheet stored as a number ({day}).",
                                      _EXCEL_FIX)}),
    ErrorType("duplicate-row", "The same figure is given twice",
              "{measure}, {period}, {series} is already given in row {first_row}.",
              "Keep one row per measure, period and series: delete or correct one of them.",
              cases={"files": ("{measure}, {period}, {series} is already given in {first_file} row {first_row}.",
                               "Keep one row per measure, period and series across the measure's files: "
                               "delete or correct one of them.")}),
    ErrorType("invalid-qualifier", "A figure's qualifier is not one we know",
              "{value} is not a qualifier we know.",
              "Write the source's own word before the figure: {known}; "
              "or leave the cell empty when the source gives the figure exactly.",
              cases={"no-figure": ("the qualifier {value} has no figure in the value column.",
                                   "Write the figure in the value column, or leave the qualifier empty.")}),
    ErrorType("yaml-too-deep", "The YAML is nested too deeply",
              "the values are nested more than {limit} levels deep.",
              "Plan data needs only a few levels: check the brackets and the indentation here.",
              cases={"alias": ("the values are nested more than {limit} levels deep.",
                               "Plan data needs only a few levels: check the indentation, and remove "
                               "aliases (*name) that refer to the part they are in.")}),
    ErrorType("yaml-too-large", "The YAML is too large, or its aliases expand too far",
              "the file uses more than {limit} aliases (*name).", _ALIASES_FIX,
              cases={"expands": ("the file expands to more than {limit:,} values, because of aliases (*name) "
                                 "that repeat other parts.", _ALIASES_FIX),
                     "size": ("the file is {size:,.0f} MB; plan data files are a few hundred KB at most, and "
                              "one over {limit} MB is not read.",
                              "Check that this is the file you meant to save here; split a very long file into "
                              "several.")}),
    ErrorType("yaml-tag", "A YAML tag is not allowed",
              "the tag {tag} is not allowed in plan data.",
              "Delete {tag}; write the value as plain text, in quotes if it starts with a special character.",
              cases={"value": ("{value} cannot be read as the type !!{tag} it is tagged with.",
                               "Remove the tag !!{tag}, or correct the value.")}),
    ErrorType("empty-file", "A data file is empty",
              "the file is empty: it has no header row and no figures.",
              "Write the column names in row 1 (measure, period, value, source, and optionally "
              "series and note) and a figure in each row below, or remove the measure's 'data' line."),
    ErrorType("data-encoding", "A data file's text encoding is not recognised",
              "the file's characters are in no text encoding we recognise.",
              "Open it in Excel and save it again as 'CSV UTF-8 (Comma delimited)'.",
              cases={"from-line": ("line {row} holds characters that are not {encoding} text, the encoding the "
                                   "start of the file is in.",
                                   "Open the file in Excel and save it again as 'CSV UTF-8 (Comma delimited)'.")}),
    ErrorType("formula-in-cell", "A cell would run as a formula in a spreadsheet",
              "{value} starts with {what}, which Excel and other spreadsheet programs take as the start of a "
              "formula: in the published CSV it could run when a resident opens it.",
              "Begin the cell with a letter or a digit, or delete the {character} at its start. "
              "(A negative figure such as -5 is fine in the value column.)"),
    ErrorType("formula-without-value", "A formula has no saved result",
              "the cell holds a formula ({value}) whose result was never saved, so there is nothing to read.",
              "Open the workbook in Excel or LibreOffice, let it calculate, and save it; or type the "
              "value itself in the cell."),
    ErrorType("several-sheets", "A workbook has several sheets and the measure names none",
              "the workbook has {count} sheets ({names}), and the measure does not say which one holds its figures.",
              "Add a line 'sheet: {first}' (the sheet's name as its tab shows it) to each measure in "
              "plan_data/measures/ that reads this file, or delete the other sheets."),
    ErrorType("unknown-sheet", "A measure names a sheet the workbook does not have",
              "the workbook has no sheet named {sheet}; it has {names}.",
              "Correct the measure's 'sheet' to the name on the sheet's tab.",
              cases={"csv": ("a measure names the sheet {sheet}, but a CSV file has no sheets.",
                             "Remove the measure's 'sheet' line, or name the .xlsx workbook in its 'data'.")}),
    ErrorType("too-many-problems", "A data file has too many problems to list",
              "the file has more than {limit} problems; the rest from row {row} on are not listed.",
              "Fix the problems above (often one mistake repeated, such as a wrong column), then validate again."),
    ErrorType("duplicate-column", "A data file names a column twice",
              "the header row names {name} twice (columns {letters}), so which one holds the figures is not clear.",
              "Keep one column of each name: delete the other, or rename it to something else."),
    ErrorType("control-character", "A cell holds an invisible control character",
              "{value} holds an invisible control character ({character}).",
              "Retype the cell: such characters come from copying text out of another program, "
              "or from a file that is not text."),
    ErrorType("unknown-language", "A language code is not one the language data (CLDR) knows",
              "'{language}' is not a language code that the site's language data (CLDR) knows.",
              "Use the language's two- or three-letter ISO 639 code, such as pl, lt, ur or "
              "pt-BR; see https://www.unicode.org/cldr/charts/latest/supplemental/"
              "language_territory_information.html."),
    ErrorType("unlisted-language", "Translations for a language that languages.yaml does not list",
              "there are translations into '{language}', but plan_data/languages.yaml does not list "
              "that language, so they are never published.",
              "Add '- code: {language}' with its name (and 'review: draft') to plan_data/languages.yaml, "
              "or remove {folder} if it is a mistake. Listed: {listed}.",
              cases={"source": ("'{language}' is the source language, which is not translated, so these files "
                                "are never read.", "Remove {folder}.")}),
    ErrorType("not-utf8", "A translation file is not UTF-8 text",
              "the file is not saved as UTF-8 text, so some of its letters cannot be read.",
              "Save it again as UTF-8: in Poedit, Translation > Properties > Source code charset "
              "and Charset: UTF-8; in a text editor, Save As with the encoding UTF-8.",
              cases={"page": ("the page is not saved as UTF-8 text, so some of its letters cannot be read.",
                              "Save it again as UTF-8 (in most editors: Save As, Encoding: UTF-8).")}),
    ErrorType("po-syntax", "A PO file is not valid",
              "this line is not valid in a PO file: '{text}'.", _PO_SYNTAX_FIX,
              cases={"here": ("this line is not valid in a PO file here: '{text}'.", _PO_SYNTAX_FIX),
                     "unreadable": ("the file cannot be read as a PO file ({problem}).",
                                    "Open and save it in Poedit, or run `python build_plan.py translations extract` "
                                    "to write it afresh; translations are kept.")}),
    ErrorType("plural-forms", "A PO file's Plural-Forms header is malformed",
              "'nplurals' must be a number of forms from 1 to 6; the header says '{header}'.", _PLURAL_FIX,
              cases={"expression": ("'plural' must be a C expression in n, such as (n != 1); the header says "
                                    "'{header}'.", _PLURAL_FIX),
                     "too-few": ("'plural' gives form {form} for some numbers, but 'nplurals' says there are only "
                                 "{count} forms (0 to {last}); the header says '{header}'.", _PLURAL_FIX)}),
    ErrorType("placeholder-mismatch", "A translation's {placeholders} differ from the English",
              "the translation of '{english}' has {found} where the English has {wanted}.",
              "Write the placeholders exactly as in the English ({wanted}): the site puts a title, "
              "number or date there. You may move them within the sentence.",
              parts={"none": "no placeholders"}),
    ErrorType("unsafe-translation", "A translated page holds something that could run a script",
              "it holds {problem}, which could run a script or change the page, so the site would remove it.",
              "Translated pages are Markdown: link with [text](https://...) or [text](page.md), and leave out "
              "HTML tags and {{...}} attribute lists.",
              parts={"element": "the HTML element <{tag}>",
                     "handler": "the attribute {name}=\"{value}\" on <{tag}>",
                     "link": "the link '{value}' (a {scheme}: link)"}),
    ErrorType("not-filled-in", "A value still says FILL IN",
              "this still says {placeholder}.",
              "Replace the whole FILL IN text with the real value.{expected}"),
    ErrorType("missing-site-url", "The site's public address is not given",
              "there is no 'site_url', so the leaflets cannot say where to read the plan, and the "
              "page-not-found page cannot link to the plan from every address.",
              "Add a line 'site_url: https://...' with the address the site is published at, as the host gives it "
              "(for example https://example.org/community-safety/). {when}",
              parts={"publish": "Nothing is published without it.",
                     "preview": "Until then a build is a preview: its leaflets say that they must not be handed out, "
                                "and publish refuses."}),
    # Warnings: the data is valid, but something in it is shown nowhere.
    ErrorType("figure-not-shown", "A figure is shown on no page",
              "the figure for {measure}, {period}, {series} falls outside the years of every edition that lists "
              "'{measure}' ({years}), so no page shows it.",
              "In the edition whose years include {period} (start one with the command new-refresh"
              " if there is none), " + ATTACH + "; or correct the period.",
              cases={"unread": ("the measure '{measure}' reads its figures from {files}, not from this file, so this "
                                "row is shown nowhere.",
                                "Add {name} to the measure's 'data' in plan_data/measures/ (a list of files, "
                                "or a pattern such as quarterly-*.csv), or move the row into one of its files.")},
              parts={"years": "{edition} ({start}–{end})", "no-file": "no file", "at": "row {row}"}),
    ErrorType("unread-data-file", "No measure reads a data file",
              "no measure reads this file, so none of its figures is shown.{holds}",
              "Name the file in the 'data' of each measure it has figures for, in plan_data/measures/: "
              "'data' may be a list of files, or a pattern such as quarterly-*.csv that takes each new "
              "quarter's file. Then make sure an edition shows the measure: " + ATTACH + ".",
              parts={"ids": " It has figures for {ids}.",
                     "rename": " 'data' cannot name it as it is (a name has only letters, digits, '-', '_' and "
                               "'.', and ends in .csv or .xlsx): rename it first, for example to {name}."}),
    ErrorType("unlisted-measure", "No edition lists a measure",
              "no edition lists the measure '{measure}', so no page shows it.{rows}",
              "To show it in an edition, " + ATTACH + ". If no edition measures it, delete it from the catalogue.",
              parts={"rows": " Its {count} figures are shown nowhere.", "one-row": " Its 1 figure is shown nowhere."}),
)

#: Every error code, defined once. Codes never change meaning; add new ones (and to the README).
ERRORS: Mapping[str, ErrorType] = MappingProxyType({kind.code: kind for kind in _DEFINITIONS})

#: Stable error codes and their titles (read from ERRORS).
ERROR_TYPES: Mapping[str, str] = MappingProxyType({code: kind.title for code, kind in ERRORS.items()})
#: Every error code, defined once. Codes never change meaning; add new ones (and to the README).
ERRORS: Mapping[str, ErrorType] = MappingProxyType({kind.code: kind for kind in _DEFINITIONS})

#: Stable error codes and their titles (read from ERRORS).
ERROR_TYPES: Mapping[str, str] = MappingProxyType({code: kind.title for code, kind in ERRORS.items()})
