"""Reproducible builds: two clean builds of the same project are the same, byte for byte, and
the leaflets are dated by their edition (or SOURCE_DATE_EPOCH), not by the moment they were printed."""
import shutil

from pypdf import PdfReader

from plansite.commands import build
from plansite.prepare import edition_leaflets
from plansite.translations import Words
from plansite.validate import load_valid_plan

REFRESH = "2020-2023-refresh-2021"


def files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_clean_builds_are_byte_identical(site_project, tmp_path):
    sites = []
    for number in (1, 2):
        # Clean: no site/ and an empty .cache/, so the leaflets are printed again.
        shutil.rmtree(site_project.root / ".cache", ignore_errors=True)
        out = tmp_path / f"site-{number}"
        build(site_project.root, out, leaflet_cache=tmp_path / f"leaflets-{number}")
        sites.append(files(out))
    first, second = sites
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert {name for name in first if name.endswith(".pdf")} == {
        "2020-2023/leaflet/2020-2023-summary.pdf", f"{REFRESH}/leaflet/{REFRESH}-summary.pdf"}
    # Each build printed its own leaflets, into the cache it was given.
    assert len(list((tmp_path / "leaflets-2").glob("*.pdf"))) == 2
    for edition, date in (("2020-2023", "D:20200101000000+00'00'"), (REFRESH, "D:20210725000000+00'00'")):
        info = PdfReader(tmp_path / "site-1" / edition / "leaflet" / f"{edition}-summary.pdf").metadata
        assert (info["/CreationDate"], info["/ModDate"]) == (date, date)


def test_source_date_epoch_dates_every_leaflet(project, monkeypatch):
    plan = load_valid_plan(project.root)
    [leaflet] = edition_leaflets(project.root, plan, REFRESH, Words())
    assert (leaflet.path, leaflet.own, leaflet.leaflet.date) == (
        f"leaflet/{REFRESH}-summary.pdf", True, "D:20210725000000+00'00'")
    # 1 December 2026, 19:45:08 UTC.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796154308")
    [leaflet] = edition_leaflets(project.root, plan, REFRESH, Words())
    assert leaflet.leaflet.date == "D:20261201194508+00'00'"


def test_a_source_date_epoch_that_is_not_a_date_is_refused(site_project, monkeypatch):
    from plansite.commands import CommandFailed

    for value in ("yesterday", "-1", "1.5", "99999999999999"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
        try:
            build(site_project.root, site_project.root / "site")
        except CommandFailed as failure:
            assert str(failure) == (
                f"SOURCE_DATE_EPOCH is '{value}', which is not a date. Set it to a whole number of seconds since "
                "1 January 1970 UTC (such as 1727136000 for 24 September 2024), or unset it to date each leaflet "
                "by its edition.")
        else:
            raise AssertionError(f"built with SOURCE_DATE_EPOCH={value}")
        assert not (site_project.root / "site").exists()
