"""Hostile input fed to a build over a site built before: an error with its code and place, never a
traceback, and the previous site/ left byte for byte as it was."""
from __future__ import annotations

import hashlib
import io
import shutil
import textwrap

import pytest

from conftest import FILES, ROOT, Project
from plansite.cli import main
from plansite.translations import is_translation


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The small fixture project (as in conftest.site_project), built once for every case here."""
    root = tmp_path_factory.mktemp("hostile")
    project = Project(root)
    for relative, text in FILES.items():
        project.write(relative, text)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "hooks", root / "hooks")
    shutil.copytree(ROOT / "docs", root / "docs", ignore=lambda _, names: [n for n in names if is_translation(n)])
    site = root / "site"
    # Without Chromium the build leaves out the printed leaflets, which are most of its time and
    # no part of what is tested here.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("plansite.leaflet.CHROMIUM", "/nonexistent/chromium")
        patch.setattr("plansite.render.CHROMIUM", "/nonexistent/chromium")
        assert main(["--project", str(root), "build", "--site-dir", str(site)]) == 0
    assert (site / "2020-2023" / "index.html").is_file()
    return project, site


def snapshot(site) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file()}


def workbook(sheets=("Figures",), value=3):
    from openpyxl import Workbook
    book = Workbook()
    book.active.title = sheets[0]
    for extra in sheets[1:]:
        book.create_sheet(extra)
    book.active.append(["measure", "period", "value", "source"])
    book.active.append(["all-crime", "2021", value, "plan-a"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


FIGURES = "plan_data/data/figures.csv"
HEAD = "measure,period,series,value,source,note\n"
XLSX_MEASURES = FILES["plan_data/measures/measures.yaml"].replace("data: figures.csv", "data: book.xlsx")

CASES = {
    "formula in a note": ({FIGURES: (HEAD + 'all-crime,2021,Exampleton,3,plan-a,"=HYPERLINK(""http://x"",""y"")"\n').encode()},
                          "plan_data/data/figures.csv:2: error [formula-in-cell]"),
    "formula in a series": ({FIGURES: (HEAD + "all-crime,2021,@SUM(1),3,plan-a,\n").encode()},
                            "plan_data/data/figures.csv:2: error [formula-in-cell]"),
    "empty CSV": ({FIGURES: b""}, "plan_data/data/figures.csv: error [empty-file]"),
    "binary CSV": ({FIGURES: bytes(range(256)) * 64}, "plan_data/data/figures.csv: error [data-unreadable]"),
    "xlsx saved as .csv": ({FIGURES: workbook()}, "plan_data/data/figures.csv: error [data-unreadable]"),
    "garbage header": ({FIGURES: ("\x7f" * 2000 + "\n1,2\n").encode("cp1252")},
                       "plan_data/data/figures.csv:1: error [missing-column]"),
    "unclosed quotation mark": ({FIGURES: (HEAD + 'all-crime,2021,x,3,plan-a,"open\n' + "a,b\n" * 40_000).encode()},
                                "plan_data/data/figures.csv:2: error [data-unreadable]"),
    "semicolons and a wrong number": ({FIGURES: b"measure;period;value;source\nall-crime;2021;1,2.3;plan-a\n"},
                                      "plan_data/data/figures.csv:2: error [invalid-number]"),
    "Excel day of the current year": ({FIGURES: (HEAD + "all-crime,18-Jul,Exampleton,3,plan-a,\n").encode()},
                                      "plan_data/data/figures.csv:2: error [invalid-period]"),
    "workbook with two sheets": ({"plan_data/measures/measures.yaml": XLSX_MEASURES.encode(),
                                  "plan_data/data/book.xlsx": workbook(("Figures", "Notes"))},
                                 "plan_data/data/book.xlsx: error [several-sheets]"),
    "formula without its result": ({"plan_data/measures/measures.yaml": XLSX_MEASURES.encode(),
                                    "plan_data/data/book.xlsx": workbook(value="=1+2")},
                                   "plan_data/data/book.xlsx:2: error [formula-without-value]"),
    "sheet not in the workbook": ({"plan_data/measures/measures.yaml":
                                   XLSX_MEASURES.replace("data: book.xlsx", "data: book.xlsx\n    sheet: Figs").encode(),
                                   "plan_data/data/book.xlsx": workbook()},
                                  "plan_data/data/book.xlsx: error [unknown-sheet]"),
    "control character in a cell": ({FIGURES: (HEAD + "all-crime,2021,Exampleton,3,plan-a,a\x07b\n").encode()},
                                    "plan_data/data/figures.csv:2: error [control-character]"),
    "password-protected workbook": ({"plan_data/measures/measures.yaml": XLSX_MEASURES.encode(),
                                     "plan_data/data/book.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096)},
                                    "plan_data/data/book.xlsx: error [data-unreadable]"),
    "infinite target in YAML": ({"plan_data/measures/measures.yaml": (FILES["plan_data/measures/measures.yaml"]
                                 + "    target: {text: Below.inf, value: .inf, source: plan-a}\n").encode()},
                                "plan_data/measures/measures.yaml:10:38: error [out-of-range]"),
    "YAML nested 300 deep": ({"plan_data/partnership.yaml": FILES["plan_data/partnership.yaml"].encode()
                              + b"extra: " + b"[" * 300 + b"]" * 300 + b"\n"},
                             "plan_data/partnership.yaml:14:57: error [yaml-too-deep]"),
    "billion laughs": ({"plan_data/sources.yaml": (b'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
                        + b"".join(f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n".encode()
                                   for p, n in zip("abcdefgh", "bcdefghi")))},
                       "plan_data/sources.yaml:5:1: error [yaml-too-large]"),
    "Python tag": ({"plan_data/sources.yaml": b"sources: !!python/object/apply:os.system [echo]\n"},
                   "plan_data/sources.yaml:1:10: error [yaml-tag]"),
    "latin-1 YAML": ({"plan_data/partnership.yaml": FILES["plan_data/partnership.yaml"].replace(
                      "A safer Exampleton.", "A safer Exampleton café.").encode("latin-1")},
                     "plan_data/partnership.yaml:5:31: error [yaml-syntax]"),
    "NUL in YAML": ({"plan_data/partnership.yaml": FILES["plan_data/partnership.yaml"].encode() + b"x: \x00\n"},
                    "plan_data/partnership.yaml:14:4: error [yaml-syntax]"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_input_fails_the_build_and_keeps_the_site(built, capsys, name):
    project, site = built
    files, expected = CASES[name]
    before = snapshot(site)
    originals = {}
    for relative, content in files.items():
        path = project.root / relative
        originals[path] = path.read_bytes() if path.exists() else None
        path.write_bytes(content)
    capsys.readouterr()
    try:
        code = main(["--project", str(project.root), "build", "--site-dir", str(site)])
    finally:
        for path, content in originals.items():
            path.unlink() if content is None else path.write_bytes(content)
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert expected in err and "Traceback" not in err
    assert len(err) < 3000
    assert snapshot(site) == before
