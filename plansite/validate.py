"""Validate stage: check loaded plan data against the JSON Schemas, then across files.

All problems are collected into one list so that a person sees every one of them
at once, each with a stable code, its file, line, key path and a fix.
"""
from __future__ import annotations


import dataclasses
import re
from datetime import date
from pathlib import Path

from jsonschema import ValidationError
from jsonschema.exceptions import best_match

from .errors import DataError, PlanDataInvalid, did_you_mean, expected, nearest, part, quoted
from .load import Document, RawProject, load_project
from .figures.read import DATA_DIR, Figure, measure_data_files, read_all_figures
from .figures.select import in_edition
from .model import Plan, build_plan, edition_order, source_refs
from .scaffold import PLACEHOLDER
from .schemas import definition, validator
from .translation_checks import check_translations
from .versions import edition_measure_ids, resolve_edition

_TYPE_NAMES = {
    "string": "text", "integer": "a whole number", "number": "a number",
    "array": "a list (lines starting with '- ')", "object": "a set of 'key: value' lines",
    "boolean": "true or false", "null": "nothing",
}


def _describe_type(value) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"true/false ({value!r})"
    if isinstance(value, int):
        return f"a number ({value})"
    if isinstance(value, float):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"text ({_short(value)})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of 'key: value' lines"
    return type(value).__name__


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"


def _expected(schema: dict) -> str:
    return expected(schema.get("description"))


def _schema_error(doc: Document, error: ValidationError) -> list[DataError]:
    """Translate one jsonschema error into our wording and codes."""
    path = tuple(error.absolute_path)
    kind = error.validator
    value = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    if kind == "anyOf" and error.context:
        # One value, several allowed shapes (a file name or a list of them): report the
        # problem with the shape the value has, not "not valid under any of the schemas".
        # A branch whose type the value has names the real problem (a bad file name in a list).
        fitting = [e for e in error.context if e.validator != "type"]
        return _schema_error(doc, best_match(fitting or error.context))
    if isinstance(value, str) and PLACEHOLDER in value:
        return [doc.error("not-filled-in", path, placeholder=PLACEHOLDER, expected=_expected(schema))]
    if kind == "required":
        missing = [name for name in error.validator_value if isinstance(value, dict) and name not in value]
        out = []
        for name in missing:
            out.append(doc.error("missing-field", path + (name,), name=name,
                                 expected=_expected(schema.get("properties", {}).get(name, {}))))
        return out
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        out = []
        for name in value:
            if name in allowed:
                continue
            close = nearest(name, allowed)
            out.append(doc.error("unknown-key", path + (name,), key=True, name=name, allowed=", ".join(allowed),
                                 **({"case": "near", "near": close} if close else {})))
        return out
    if kind == "type":
        expected = error.validator_value
        names = " or ".join(_TYPE_NAMES.get(t, t) for t in (expected if isinstance(expected, list) else [expected]))
        return [doc.error("wrong-type", path, names=names, found=_describe_type(value), expected=_expected(schema))]
    if kind in ("enum", "const"):
        allowed = error.validator_value if kind == "enum" else [error.validator_value]
        return [doc.error("invalid-value", path, value=_short(value), allowed=", ".join(map(str, allowed)),
                          suggestion=did_you_mean(value, allowed, cutoff=0.5))]
    if kind == "pattern":
        return [doc.error("invalid-format", path, value=_short(value), expected=_expected(schema))]
    if kind in ("minLength", "minItems"):
        return [doc.error("empty-value", path, expected=_expected(schema))]
    if kind in ("minimum", "maximum"):
        return [doc.error("out-of-range", path, case="" if kind == "minimum" else "maximum", value=value,
                          limit=error.validator_value, expected=_expected(schema))]
    return [doc.error("invalid-value", path, case="other", problem=error.message, expected=_expected(schema))]


def _check_schema(doc: Document, schema_name: str) -> list[DataError]:
    errors = []
    for error in validator(schema_name).iter_errors(doc.data):
        errors.extend(_schema_error(doc, error))
    # jsonschema gives one 'required' error per missing field, each naming every required
    # field, so the same problem can come several times: report each once, in order.
    return list(dict.fromkeys(errors))


def _items(data, *keys):
    """The list at data[keys...], or [] when any part is missing or mistyped."""
    for key in keys:
        if not isinstance(data, dict):
            return []
        data = data.get(key)
    return data if isinstance(data, list) else []


def _check_duplicates(entries, case: str) -> list[DataError]:
    """entries: (doc, path, id). Report every occurrence after the first, as that case of
    duplicate-id ("" for sources)."""
    errors, first_seen = [], {}
    for doc, path, ident in entries:
        if not isinstance(ident, str):
            continue
        if ident in first_seen:
            first_doc, first_path = first_seen[ident]
            line, _ = first_doc.position(first_path)
            first = part("duplicate-id", "line", file=first_doc.file, line=line) if line else first_doc.file
            errors.append(doc.error("duplicate-id", path, case=case, id=ident, first=first))
        else:
            first_seen[ident] = (doc, path)
    return errors


def _check_real_dates(doc, data, path: tuple = ()) -> list[DataError]:
    """Dates the schema's pattern lets through but the calendar has not, such as 2018-13-45:
    later stages compare and format them, so they must be real."""
    out: list[DataError] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "date" and isinstance(value, str) and _DATE_SHAPE.match(value) and not _is_real_date(value):
                out.append(doc.error("invalid-format", path + (key,), case="date", value=value))
            else:
                out += _check_real_dates(doc, value, path + (key,))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            out += _check_real_dates(doc, item, path + (index,))
    return out


#: The shape the schema gives a date; only dates of that shape are checked against the calendar.
_DATE_SHAPE = re.compile(definition("date")["pattern"])


def _is_real_date(text: str) -> bool:
    parts = [int(part) for part in text.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def _cross_checks(project: RawProject) -> list[DataError]:
    errors: list[DataError] = []
    sources_doc = project.sources
    source_ids = {s.get("id") for s in _items(sources_doc.data if sources_doc else None, "sources") if isinstance(s, dict)}

    if sources_doc:
        errors += _check_duplicates(
            [(sources_doc, ("sources", i, "id"), s.get("id")) for i, s in enumerate(_items(sources_doc.data, "sources")) if isinstance(s, dict)],
            "")

    measure_entries = []
    for doc in project.measures:
        for index, measure in enumerate(_items(doc.data, "measures")):
            if isinstance(measure, dict):
                measure_entries.append((doc, ("measures", index, "id"), measure.get("id")))
    errors += _check_duplicates(measure_entries, "measure")
    measure_ids = {ident for _, _, ident in measure_entries}

    edition_entries = [(doc, ("id",), doc.data.get("id")) for doc in project.editions if isinstance(doc.data, dict)]
    errors += _check_duplicates(edition_entries, "edition")

    for doc in project.documents():
        errors += _check_real_dates(doc, doc.data)

    # Source references anywhere.
    for doc in project.documents():
        if doc is sources_doc:
            continue
        for path, ident in source_refs(doc.data):
            if ident not in source_ids:
                errors.append(doc.error("unknown-source", path, id=quoted(ident),
                                        suggestion=did_you_mean(ident, source_ids - {None})))

    editions = {doc.data["id"]: doc for doc in project.editions
                if isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str)}
    for doc in project.editions:
        if isinstance(doc.data, dict):
            errors += _check_edition(doc, editions, measure_ids)
    if project.glossary is not None:
        terms = [(project.glossary, ("terms", i, "term"), t.get("term"))
                 for i, t in enumerate(_items(project.glossary.data, "terms")) if isinstance(t, dict)]
        errors += _check_duplicates(terms, "term")
    errors += _check_periods(editions)
    errors += _check_current(project.editions)
    errors += _check_same_subjects(editions)
    return errors


def _check_measure_ids(doc: Document, ids, path: tuple, measure_ids: set) -> list[DataError]:
    return [doc.error("unknown-measure", path + (index,), id=quoted(measure),
                      suggestion=did_you_mean(measure, measure_ids - {None}))
            for index, measure in enumerate(ids) if isinstance(measure, str) and measure not in measure_ids]


def _check_measure_refs(doc: Document, items, base_path: tuple, measure_ids: set) -> list[DataError]:
    """Unknown ids in the 'measures' lists of priorities or themes."""
    errors = []
    for index, item in enumerate(items):
        if isinstance(item, dict):
            errors += _check_measure_ids(doc, _items(item, "measures"), base_path + (index, "measures"), measure_ids)
    return errors


def _check_same_subjects(editions: dict) -> list[DataError]:
    """Each `same_subject_as` names an item of an edition that starts before the one naming it."""
    def start(doc):
        period = doc.data.get("period")
        return period.get("start") if isinstance(period, dict) and isinstance(period.get("start"), int) else None

    def items(data):
        for key in ("priorities", "themes"):
            yield from ((key, i, item) for i, item in enumerate(_items(data, key)) if isinstance(item, dict))
        for key in ("priorities", "themes"):
            yield from ((("changes", key, "add"), i, item)
                        for i, item in enumerate(_items(data, "changes", key, "add")) if isinstance(item, dict))

    errors = []
    for doc in editions.values():
        begins = start(doc)
        if begins is None:
            continue  # the schema check reports it
        earlier = sorted({item.get("id") for other in editions.values() if (start(other) or begins) < begins
                          for _, _, item in items(other.data) if isinstance(item.get("id"), str)})
        for key, index, item in items(doc.data):
            path = (key if isinstance(key, tuple) else (key,)) + (index, "same_subject_as")
            for number, ident in enumerate(item.get("same_subject_as") or []):
                if isinstance(ident, str) and ident not in earlier:
                    errors.append(doc.error("unknown-priority", path + (number,), case="earlier", id=ident,
                                            suggestion=did_you_mean(ident, earlier),
                                            known=", ".join(earlier) or part("unknown-priority", "none")))
    return errors


def _item_ids(data: dict, key: str) -> list[str]:
    return [item.get("id") for item in _items(data, key) if isinstance(item, dict)]


def _check_edition(doc: Document, editions: dict, measure_ids: set) -> list[DataError]:
    data = doc.data
    errors = []
    kind = data.get("kind")
    own_ids = []
    for key in ("priorities", "themes"):
        items = _items(data, key)
        errors += _check_measure_refs(doc, items, (key,), measure_ids)
        own_ids += [(doc, (key, i, "id"), item.get("id")) for i, item in enumerate(items) if isinstance(item, dict)]
    errors += _check_measure_ids(doc, _items(data, "other_measures"), ("other_measures",), measure_ids)
    for key in ("priorities", "themes"):
        for action in ("add", "update"):
            errors += _check_measure_refs(doc, _items(data, "changes", key, action), ("changes", key, action), measure_ids)

    known_items: set[str] = set()
    if kind == "plan":
        errors += _check_duplicates(own_ids, "item")
        known_items = {ident for _, _, ident in own_ids if isinstance(ident, str)}
        for key in ("base", "changes"):
            if key in data:
                errors.append(doc.error("plan-has-changes", (key,), key=True, name=key))
    elif kind == "refresh":
        for key in ("priorities", "themes"):
            if key in data:
                errors.append(doc.error("refresh-has-priorities", (key,), key=True, items=key))
        base_id = data.get("base")
        if "base" not in data:
            errors.append(doc.error("missing-field", ("base",), case="base"))
        elif isinstance(base_id, str) and base_id not in editions:
            errors.append(doc.error("unknown-edition", ("base",), id=base_id, suggestion=did_you_mean(base_id, editions),
                                    known=", ".join(sorted(editions))))
        elif isinstance(base_id, str):
            base = editions[base_id].data
            if base.get("kind") == "refresh":
                errors.append(doc.error("invalid-base", ("base",), id=base_id, base=base.get("base", "its base")))
            elif base.get("kind") == "plan":  # any other kind is reported in the base's own file
                errors += _check_changes(doc, base, measure_ids)
                known_items = set(_item_ids(base, "priorities") + _item_ids(base, "themes"))
                for key in ("priorities", "themes"):
                    known_items |= {i.get("id") for i in _items(data, "changes", key, "add") if isinstance(i, dict)}
    if known_items:
        for index, row in enumerate(_items(data, "linkage", "rows")):
            ident = row.get("priority") if isinstance(row, dict) else None
            if isinstance(ident, str) and ident not in known_items:
                errors.append(doc.error("unknown-priority", ("linkage", "rows", index, "priority"), id=ident,
                                        suggestion=did_you_mean(ident, known_items),
                                        known=", ".join(sorted(known_items))))
    errors += _check_governance(doc)
    return errors


def _check_governance(doc: Document) -> list[DataError]:
    bodies = _items(doc.data, "governance", "bodies")
    entries = [(doc, ("governance", "bodies", i, "id"), b.get("id")) for i, b in enumerate(bodies) if isinstance(b, dict)]
    errors = _check_duplicates(entries, "body")
    body_ids = {ident for _, _, ident in entries if isinstance(ident, str)}
    for index, body in enumerate(bodies):
        target = body.get("reports_to") if isinstance(body, dict) else None
        if isinstance(target, str) and target not in body_ids:
            errors.append(doc.error("unknown-body", ("governance", "bodies", index, "reports_to"), id=target,
                                    suggestion=did_you_mean(target, body_ids)))
    return errors


def _check_changes(doc: Document, base: dict, measure_ids: set) -> list[DataError]:
    errors = []
    for key, what in (("priorities", "priority"), ("themes", "theme")):
        base_ids = set(_item_ids(base, key))
        for action in ("retire", "update"):
            for index, item in enumerate(_items(doc.data, "changes", key, action)):
                ident = item.get("id") if isinstance(item, dict) else None
                if isinstance(ident, str) and ident not in base_ids:
                    errors.append(doc.error(
                        "unknown-priority", ("changes", key, action, index, "id"), case="in-base",
                        base=base.get("id"), what=what, id=ident, action=action, items=key,
                        suggestion=did_you_mean(ident, base_ids),
                        known=", ".join(sorted(base_ids)) or part("unknown-priority", "none")))
        for index, item in enumerate(_items(doc.data, "changes", key, "add")):
            ident = item.get("id") if isinstance(item, dict) else None
            if isinstance(ident, str) and ident in base_ids:
                errors.append(doc.error("duplicate-id", ("changes", key, "add", index, "id"), case="in-base",
                                        what=what, id=ident))
    return errors


def _period(doc: Document):
    period = doc.data.get("period") if isinstance(doc.data, dict) else None
    if isinstance(period, dict) and isinstance(period.get("start"), int) and isinstance(period.get("end"), int):
        return period["start"], period["end"]
    return None


def _check_periods(editions: dict[str, Document]) -> list[DataError]:
    errors = []
    valid = {}
    for ident, doc in editions.items():
        period = _period(doc)
        if period is None:
            continue
        start, end = period
        if end <= start:
            errors.append(doc.error("period-reversed", ("period", "end"), start=start, end=end))
        else:
            valid[ident] = period
    plans = sorted((i for i in valid if editions[i].data.get("kind") == "plan"), key=lambda i: valid[i])
    for first, second in zip(plans, plans[1:]):
        (s1, e1), (s2, e2) = valid[first], valid[second]
        if s2 < e1:
            errors.append(editions[second].error("period-overlap", ("period",), start=s2, end=e2, other=first,
                                                 other_start=s1, other_end=e1))
    for ident, doc in editions.items():
        if doc.data.get("kind") != "refresh" or ident not in valid:
            continue
        base = doc.data.get("base")
        if base in valid and editions[base].data.get("kind") == "plan":
            (bs, be), (s, e) = valid[base], valid[ident]
            if s < bs or e > be:
                errors.append(doc.error("period-outside-base", ("period",), start=s, end=e, base=base,
                                        base_start=bs, base_end=be))
    return errors


def _check_current(edition_docs: list[Document]) -> list[DataError]:
    current = [d for d in edition_docs if isinstance(d.data, dict) and d.data.get("status") == "current"]
    if len(current) > 1:
        names = ", ".join(part("multiple-current", "name", id=d.data.get("id"), file=d.file) for d in current)
        return [d.error("multiple-current", ("status",), count=len(current), names=names) for d in current[1:]]
    dicts = [d for d in edition_docs if isinstance(d.data, dict)]
    statuses = {d.data.get("status") for d in dicts}
    # Only drafts is a new project's state (`init`): the site leads to the newest draft, and every
    # page says it is a draft. An archived edition needs a current one to point readers to.
    if dicts and not current and statuses <= {"draft", "archived"} and statuses != {"draft"}:
        # Point at the newest edition: it is most likely the one to publish.
        doc = max(dicts, key=lambda d: (_period(d) or (0, 0)))
        return [doc.error("no-current", ("status",))]
    return []


_SCHEMA_FOR = (("partnership", "partnership"), ("sources", "sources"), ("glossary", "glossary"),
               ("languages", "languages"))


def validate_project(project: RawProject) -> list[DataError]:
    """Every problem in a loaded project: schema checks per file, then checks across files."""
    errors = []
    for attribute, schema_name in _SCHEMA_FOR:
        doc = getattr(project, attribute)
        if doc is not None:
            errors += _check_schema(doc, schema_name)
    for doc in project.measures:
        errors += _check_schema(doc, "measures")
    for doc in project.editions:
        errors += _check_schema(doc, "edition")
    # Cross-file checks read the data defensively, so they run even when a schema
    # check failed and a person sees every problem in one pass. With a file that
    # could not be read they would report its ids as missing, which misleads.
    if not project.unreadable:
        errors += _cross_checks(project)
    return errors


def _measure_locations(project: RawProject) -> dict[str, tuple]:
    """Where each measure is declared, so data problems can point at its 'data' line."""
    return {m["id"]: (doc, ("measures", i)) for doc in project.measures
            for i, m in enumerate(_items(doc.data, "measures")) if isinstance(m, dict) and "id" in m}


def _area(project: RawProject) -> str:
    """The area partnership.yaml names (the series of the partnership's own figures), or
    "" while partnership.yaml lacks one, which is reported by itself."""
    data = project.partnership.data if project.partnership is not None else None
    area = data.get("area") if isinstance(data, dict) else None
    return area if isinstance(area, str) else ""


def _raw_measures(project: RawProject) -> dict[str, dict]:
    """The catalogue as written (id -> the YAML's dict), for the checks that read input."""
    return {m["id"]: m for doc in project.measures for m in _items(doc.data, "measures")
            if isinstance(m, dict) and isinstance(m.get("id"), str)}


def check_project(root, unread: list[Figure] | None = None) -> tuple[RawProject, dict, list[DataError]]:
    """Load plan_data/ and its figures; return the project, the figures and every problem.
    Rows for a measure in a file it does not read are appended to `unread`, when given."""
    project, errors = load_project(root)
    errors += validate_project(project)
    errors += check_translations(project)
    figures = {}
    if not project.unreadable and project.sources is not None:
        measures = _raw_measures(project)
        sources = {s["id"]: s for s in _items(project.sources.data, "sources")
                   if isinstance(s, dict) and isinstance(s.get("id"), str)}
        figures = read_all_figures(project.root, measures, sources, errors, _measure_locations(project),
                                   unread=unread, area=_area(project))
    return project, figures, errors


def load_valid_plan(root) -> Plan:
    """Load and validate a project's plan_data/ and figures; raise PlanDataInvalid with every
    problem. What is valid but shown on no page is in the plan's `warnings`."""
    unread: list[Figure] = []
    project, figures, errors = check_project(root, unread)
    if errors:
        raise PlanDataInvalid(errors)
    return plan_from(project, figures, unread)


def plan_from(project: RawProject, figures: dict, unread: list[Figure]) -> Plan:
    """The Plan of a project that check_project found valid, with its warnings."""
    plan = build_plan(project)
    plan.figures = figures
    plan.warnings = unshown_warnings(project, plan, unread)
    return plan


#: Where the partnership's settings are, as errors name the file.
PARTNERSHIP_FILE = "plan_data/partnership.yaml"


def publishing_problems(plan: Plan, *, publishing: bool) -> list[DataError]:
    """What valid data still lacks to be published: the site's address (site_url), which the
    leaflets print. An error for publish; for validate and a build, which make a preview without
    it, a warning (publishing=False), so that the shipped example builds before its host is known."""
    if plan.partnership.get("site_url"):
        return []
    return [DataError.of("missing-site-url", file=PARTNERSHIP_FILE, path="site_url",
                         severity="error" if publishing else "warning",
                         when=part("missing-site-url", "publish" if publishing else "preview"))]


# --- Warnings: valid data that no page shows ------------------------------------------------

#: A file name `data` can give (the measures schema's pattern, without its wildcards).
_DATA_NAME = re.compile(r"[A-Za-z0-9_.-]+\.(csv|xlsx)")
_DATA_CLEAN = re.compile(r"[^A-Za-z0-9_.-]+")

_DOCS_DIRECTIVE = re.compile(r"^\s*\{\{\s*measure:\s*([^\s}]+)", re.M)


def _warning(error: DataError) -> DataError:
    return dataclasses.replace(error, severity="warning")


def _warning_of(code: str, *, file: str, line: int | None = None, path: str = "", case: str = "",
                **values) -> DataError:
    return DataError.of(code, file=file, line=line, path=path, case=case, severity="warning", **values)


def _docs_measures(root: Path) -> set[str]:
    """Measures a hand-written page shows with {{ measure: ... }}: in every edition."""
    docs = Path(root) / "docs"
    found = set()
    for page in (docs.rglob("*.md") if docs.is_dir() else []):
        try:
            found |= set(_DOCS_DIRECTIVE.findall(page.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError):
            continue  # the build reports a page it cannot read
    return found


def _measure_ids_in_file(path: Path) -> list[str]:
    from .figures.tables import read_rows

    try:
        header, rows = read_rows(path)
    except Exception:  # a damaged file nobody reads: the warning names the file all the same
        return []
    names = [h.lower() for h in header]
    if "measure" not in names:
        return []
    at = names.index("measure")
    return sorted({cells[at] for _, cells in rows if len(cells) > at and cells[at]})


def unshown_warnings(project: RawProject, plan: Plan, unread: list[Figure]) -> list[DataError]:
    """Valid data that no page of any edition shows: a measure no edition lists, a figure
    outside the years of every edition that lists its measure, a row in a file its measure
    does not read, and a data file no measure reads. They stop nothing, but vanish silently
    without these."""
    warnings = []
    locations = _measure_locations(project)
    resolved = {ident: resolve_edition(plan, ident) for ident in plan.editions}
    listed_by: dict[str, list[str]] = {}
    for ident, edition in sorted(resolved.items(), key=lambda item: edition_order(plan.editions[item[0]])):
        for measure_id in edition_measure_ids(edition):
            listed_by.setdefault(measure_id, []).append(ident)
    everywhere = _docs_measures(project.root)
    # The data files are input, read from the YAML as written (figures.read takes dicts).
    raw_measures = _raw_measures(project)
    for measure_id in plan.measures:
        editions = sorted(resolved, key=lambda e: edition_order(plan.editions[e])) if measure_id in everywhere \
            else listed_by.get(measure_id, [])
        figures = plan.figures.get(measure_id, [])
        if not editions:
            doc, at = locations[measure_id]
            rows = ("" if not figures else part("unlisted-measure", "one-row") if len(figures) == 1
                    else part("unlisted-measure", "rows", count=len(figures)))
            warnings.append(_warning(doc.error("unlisted-measure", at + ("id",), measure=measure_id, rows=rows)))
            continue
        for figure in figures:
            if any(in_edition(figure, resolved[e]) for e in editions):
                continue
            years = ", ".join(part("figure-not-shown", "years", edition=e, start=resolved[e].period["start"],
                                   end=resolved[e].period["end"]) for e in editions)
            warnings.append(_warning_of("figure-not-shown", file=figure.file, line=figure.row,
                                        path=part("figure-not-shown", "at", row=figure.row), measure=measure_id,
                                        period=figure.period_text, series=figure.series, years=years))
    for figure in unread:
        names = measure_data_files(project.root, raw_measures[figure.measure])[0]
        warnings.append(_warning_of("figure-not-shown", file=figure.file, line=figure.row,
                                    path=part("figure-not-shown", "at", row=figure.row), case="unread",
                                    measure=figure.measure,
                                    files=", ".join(names) or part("figure-not-shown", "no-file"),
                                    name=Path(figure.file).name))
    read = set()
    for measure in raw_measures.values():
        read |= set(measure_data_files(project.root, measure)[0])
    folder = Path(project.root) / "plan_data" / DATA_DIR
    for path in sorted(folder.iterdir() if folder.is_dir() else []):
        if (not path.is_file() or path.suffix.lower() not in (".csv", ".xlsx") or path.name in read
                or path.name.startswith((".", "~$"))):  # hidden files and Excel's lock files
            continue
        ids = _measure_ids_in_file(path)
        holds = part("unread-data-file", "ids", ids=", ".join(ids)) if ids else ""
        if not _DATA_NAME.fullmatch(path.name):
            holds += part("unread-data-file", "rename",
                          name=_DATA_CLEAN.sub("-", path.stem).strip("-") + path.suffix.lower())
        warnings.append(_warning_of("unread-data-file", file=path.relative_to(project.root).as_posix(),
                                    holds=holds))
    return warnings
