"""Benchmarks: print figures, never fail on time (these machines are shared and noisy).

    python benchmarks/bench.py            # all benchmarks
    python benchmarks/bench.py street     # 1,000,000-row street-level crime aggregation
    python benchmarks/bench.py build      # whole-site build against plain MkDocs
    python benchmarks/bench.py archive    # cold build, then a rebuild after one CSV change
    python benchmarks/bench.py large      # a 200 MB police.uk-shaped file read, and refused as figures

The street-level crime files are synthetic, generated here in the shape of a police.uk
download; they are written to a temporary folder and never published.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ROWS = 1_000_000
HEADER = ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
          "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context"]
CRIME_TYPES = ["Anti-social behaviour", "Violence and sexual offences", "Criminal damage and arson",
               "Shoplifting", "Other theft", "Burglary", "Vehicle crime", "Public order", "Drugs",
               "Other crime", "Robbery", "Theft from the person", "Bicycle theft", "Possession of weapons"]


def generate_street_crime(path: Path, rows: int = ROWS, seed: int = 7) -> None:
    """Write a synthetic police.uk-shaped street-level crime CSV."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    months = [f"{year}-{month:02d}" for year in (2022, 2023, 2024) for month in range(1, 13)]
    towns = ["Peterborough", "Fenland", "Huntingdonshire", "Cambridge", "East Cambridgeshire", "South Cambridgeshire"]
    lsoas = [f"{town} {n:03d}{letter}" for town in towns for n in range(1, 40) for letter in "AB"]
    lsoa_index = rng.integers(0, len(lsoas), rows)
    frame = pd.DataFrame({
        "Crime ID": np.char.add("id", rng.integers(0, 10**12, rows).astype(str)),
        "Month": np.array(months)[rng.integers(0, len(months), rows)],
        "Reported by": "Cambridgeshire Constabulary",
        "Falls within": "Cambridgeshire Constabulary",
        "Longitude": np.round(rng.uniform(-0.5, 0.3, rows), 6),
        "Latitude": np.round(rng.uniform(52.0, 52.7, rows), 6),
        "Location": "On or near Example Street",
        "LSOA code": np.char.add("E0100", lsoa_index.astype(str)),
        "LSOA name": np.array(lsoas)[lsoa_index],
        "Crime type": np.array(CRIME_TYPES)[rng.integers(0, len(CRIME_TYPES), rows)],
        "Last outcome category": "Under investigation",
        "Context": "",
    }, columns=HEADER)
    frame.to_csv(path, index=False)


_CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
from plansite.figures.read import aggregate_street_crime
start = time.perf_counter()
counts = aggregate_street_crime({path!r})
seconds = time.perf_counter() - start
# ru_maxrss survives fork and exec, so it would count the parent's memory; VmHWM starts afresh.
peak_kb = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({{"seconds": seconds, "groups": len(counts), "rows": int(counts["count"].sum()),
                   "peak_mb": peak_kb / 1024}}))
"""


def bench_street() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "street.csv"
        print(f"Generating {ROWS:,} synthetic street-level crime rows ...", flush=True)
        generate_street_crime(path)
        print(f"  file size: {path.stat().st_size / 2**20:.0f} MB")
        results = []
        for attempt in range(3):
            # A fresh process each time, so peak memory is the aggregation's own.
            out = subprocess.run([sys.executable, "-c", _CHILD.format(root=str(ROOT), path=str(path))],
                                 check=True, capture_output=True, text=True)
            results.append(json.loads(out.stdout))
        best = min(results, key=lambda r: r["seconds"])
        print(f"street-level aggregation: {best['rows']:,} rows -> {best['groups']:,} monthly counts per area "
              f"and crime type in {best['seconds']:.2f} s (best of 3; target <= 2 s), "
              f"peak memory {max(r['peak_mb'] for r in results):.0f} MB (target <= 1024 MB), "
              f"on {os.cpu_count()} cores")


LARGE_MB = 200

_REFUSE_CHILD = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from plansite.figures.read import read_figures
start = time.perf_counter()
errors = []
figures = read_figures(Path({project!r}), {name!r}, {{}}, {{}}, errors, area="Benchmark")
seconds = time.perf_counter() - start
peak_kb = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({{"seconds": seconds, "codes": [e.code for e in errors], "figures": len(figures),
                   "peak_mb": peak_kb / 1024}}))
"""


def bench_large() -> None:
    """A 200 MB police.uk-shaped file: counted per month, area and crime type (how the project reads
    such a file), and refused when a measure names it as its figures (its header is not ours).
    Each in a fresh process, so its peak memory is its own."""
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        (project / "plan_data" / "data").mkdir(parents=True)
        path = project / "plan_data" / "data" / "street.csv"
        generate_street_crime(path, rows=10_000)
        rows = int(LARGE_MB * 2**20 / (path.stat().st_size / 10_000))
        print(f"Generating {rows:,} synthetic street-level crime rows ...", flush=True)
        generate_street_crime(path, rows=rows)
        size = path.stat().st_size / 2**20
        read = json.loads(subprocess.run([sys.executable, "-c", _CHILD.format(root=str(ROOT), path=str(path))],
                                         check=True, capture_output=True, text=True).stdout)
        refused = json.loads(subprocess.run(
            [sys.executable, "-c", _REFUSE_CHILD.format(root=str(ROOT), project=str(project), name=path.name)],
            check=True, capture_output=True, text=True).stdout)
        assert refused["codes"] == ["missing-column"], refused
        print(f"large file ({size:.0f} MB, {rows:,} rows): read (counted per month, area and crime type) in "
              f"{read['seconds']:.2f} s, peak memory {read['peak_mb']:.0f} MB; refused as figures "
              f"(missing-column, from its header) in {refused['seconds']:.3f} s, peak memory "
              f"{refused['peak_mb']:.0f} MB (target <= 300 MB each)")


def _plain_mkdocs_project(folder: Path) -> Path:
    """The same generated pages, in every edition and language, as plain Markdown files, built
    by MkDocs without our hook."""
    from mkdocs.config import load_config

    from plansite import hook, prepare
    from plansite.translations import is_translation
    from plansite.validate import load_valid_plan

    import yaml

    plan = load_valid_plan(ROOT)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    config.pop("hooks")
    for edition_id in plan.editions:
        for language in prepare.edition_languages(ROOT, plan, edition_id):
            loaded = load_config(str(ROOT / "mkdocs.yml"))
            # Exactly what our hook hands MkDocs: the pages, with measures expanded and the
            # glossary's abbreviations defined, and the translated hand-written pages.
            edition = prepare.prepare_edition(ROOT, loaded, prepare.EditionRequest(edition_id, language, plan),
                                             list(loaded.nav or []))
            project = folder / prepare.site_folder(plan, language, edition_id).replace("/", "__")
            docs = project / "docs"
            shutil.copytree(ROOT / "docs", docs, ignore=lambda _, names: [n for n in names if is_translation(n)])
            # The package's theme files, as a plain project's overrides/, stylesheet and script.
            shutil.copytree(hook.THEME_FILES, project / "overrides")
            for path, markdown in edition.translated_pages.items():
                (docs / path).write_text(markdown, encoding="utf-8")
            for handwritten in docs.rglob("*.md"):
                path = handwritten.relative_to(docs).as_posix()
                handwritten.write_text(edition.page_markdown(handwritten.read_text(encoding="utf-8"), path),
                                       encoding="utf-8")
            for page in edition.pages:
                (docs / page.path).parent.mkdir(parents=True, exist_ok=True)
                (docs / page.path).write_text(edition.page_markdown(page.markdown, page.path), encoding="utf-8")
            for data_file in edition.data_files:
                (docs / data_file.path).parent.mkdir(parents=True, exist_ok=True)
                content = data_file.content
                (docs / data_file.path).write_bytes(content if isinstance(content, bytes) else content.encode())
            # The titles are markupsafe.Markup (HTML already); YAML takes them as plain text.
            project_config = dict(config, nav=json.loads(json.dumps(loaded.nav)), site_name=str(loaded.site_name),
                                  watch=[],
                                  theme=dict(config["theme"], language=language, custom_dir="overrides"),
                                  extra_css=[hook.STYLESHEET], extra_javascript=[hook.SCRIPT])
            (project / "mkdocs.yml").write_text(yaml.safe_dump(project_config, allow_unicode=True))
    return folder


def bench_build() -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from plansite.render import build_site

    import logging
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        ours, plain = [], []
        projects = sorted(p for p in _plain_mkdocs_project(folder / "plain").iterdir())
        for _ in range(3):
            start = time.perf_counter()
            # Plain MkDocs compiles its templates on every build; so do we here, for a fair comparison.
            build_site(ROOT, folder / f"site-{_}", strict=True, jobs=1, echo=lambda _: None, template_cache=False)
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            for project in projects:
                build(load_config(str(project / "mkdocs.yml"), site_dir=str(folder / "plain-site" / project.name)))
            plain.append(time.perf_counter() - start)
        print(f"whole site ({len(projects)} editions and translations): {min(ours):.2f} s with plan_data/ and figures; "
              f"{min(plain):.2f} s for the same pages with plain MkDocs; "
              f"overhead {100 * (min(ours) / min(plain) - 1):+.0f}% (target <= +15%), best of 3")


def _archive_round(folder: Path) -> tuple[float, float, int, int]:
    from plansite.render import build_site

    project = folder / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "plan_data", "docs", "hooks"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    with open(project / "plan_data/measures/benchmark.yaml", "w") as out:
        out.write("measures:\n  - id: benchmark-figure\n    title: Benchmark figure\n"
                  "    plain_title: Benchmark figure\n    unit: count\n    better: down\n"
                  "    data: benchmark.csv\n    sources: [scrutiny-report-2024-09-24]\n")
    edition = project / "plan_data/editions/2024-2027.yaml"
    edition.write_text(edition.read_text() + "other_measures: [benchmark-figure]\n")
    csv_file = project / "plan_data/data/benchmark.csv"
    csv_file.write_text("measure,period,value,source\nbenchmark-figure,2025,100,scrutiny-report-2024-09-24\n")
    site = project / "site"
    quiet = lambda _: None  # noqa: E731
    start = time.perf_counter()
    build_site(project, site, echo=quiet)
    cold_seconds = time.perf_counter() - start
    csv_file.write_text("measure,period,value,source\nbenchmark-figure,2025,90,scrutiny-report-2024-09-24\n")
    start = time.perf_counter()
    warm = build_site(project, site, echo=quiet)
    return cold_seconds, time.perf_counter() - start, len(warm.built), len(warm.reused)


def bench_archive(rounds: int = 3) -> None:
    """The whole archive built cold (no previous site, no template cache), then again after one
    CSV that only the current edition shows changed.

    Each round runs on a fresh copy of the project with one synthetic measure added to the
    current edition; the copies are deleted afterwards and nothing of them is published."""
    results = []
    for number in range(rounds):
        with tempfile.TemporaryDirectory() as folder:
            results.append(_archive_round(Path(folder)))
    cold, warm, built, kept = sorted(results, key=lambda r: r[1] / r[0])[len(results) // 2]
    print(f"archive: cold build of {built + kept} editions {cold:.2f} s on {os.cpu_count()} cores; "
          f"after one CSV change, {built} rebuilt and {kept} kept in {warm:.2f} s "
          f"= {100 * warm / cold:.0f}% of the cold build (target < 25%; median of {rounds} rounds)")


if __name__ == "__main__":
    which = sys.argv[1:] or ["street", "large", "build", "archive"]
    if "archive" in which:
        bench_archive()
    if "street" in which:
        bench_street()
    if "large" in which:
        bench_large()
    if "build" in which:
        bench_build()
