"""`plansite init`: a new partnership's project, ready to build, with every value to complete
marked FILL IN.

The starter files are package data under plansite/starter/files/, filled in with
string.Template. Every value a person types (the name, the area) goes into YAML through
yaml.safe_dump, so a name with a colon or a quote still gives valid YAML; the hand-written pages
never repeat it, because Markdown would read it as markup. The starter's one edition is a draft,
so the site it builds says on every page that it is not an approved plan; nothing it writes is
real-looking content except the years, which its comments say to correct.
"""
from __future__ import annotations

import string
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..scaffold import yaml_scalar

#: The starter's files, as they sit in the package -> where they go in the project. The
#: .gitignore is stored without its dot, so that no packaging tool leaves it out.
FILES = {
    "mkdocs.yml": "mkdocs.yml",
    "README.md": "README.md",
    "gitignore": ".gitignore",
    "build_plan.py": "build_plan.py",
    "hooks/plan_pages.py": "hooks/plan_pages.py",
    "docs/get-involved.md": "docs/get-involved.md",
    "docs/about-this-site.md": "docs/about-this-site.md",
    "plan_data/partnership.yaml": "plan_data/partnership.yaml",
    "plan_data/sources.yaml": "plan_data/sources.yaml",
    "plan_data/languages.yaml": "plan_data/languages.yaml",
    "plan_data/measures/measures.yaml": "plan_data/measures/measures.yaml",
    "plan_data/editions/plan.yaml": "plan_data/editions/{edition_id}.yaml",
    "plan_data/data/README.md": "plan_data/data/README.md",
}

#: Copied as they are: Python files, whose text is not a template.
VERBATIM = {"build_plan.py", "hooks/plan_pages.py"}

#: The longest name or area accepted: a page title, not a paragraph.
LONGEST = 120


class StarterError(Exception):
    """The project cannot be made; the message says why and what to do."""


@dataclass(frozen=True)
class Starter:
    """What `init` made: the project folder and the files it wrote, relative to it."""

    project_dir: Path
    written: tuple[str, ...]
    edition_file: str


def _checked(label: str, option: str, value: str) -> str:
    text = " ".join(value.split()) if value else ""
    if not text:
        raise StarterError(f"{option} is empty. Give the partnership's {label}, for example "
                           f"{option} \"{'Safer Exampletown Partnership' if option == '--name' else 'Exampletown'}\".")
    if any(not ch.isprintable() for ch in text):
        raise StarterError(f"{option} holds an invisible control character. Type the {label} again.")
    if len(text) > LONGEST:
        raise StarterError(f"{option} is {len(text)} characters long; give the {label} in at most {LONGEST}.")
    return text


def plan_years(start: int) -> tuple[int, int]:
    """The starter plan's years: a three-year plan from `start`."""
    return start, start + 3


def create_project(project_dir: Path, *, name: str, area: str, short_name: str | None, start_year: int,
                   force: bool = False) -> Starter:
    """Write a new project into project_dir (made if missing). A folder with anything in it is
    refused unless force; even then no existing file is overwritten: each is named instead."""
    name = _checked("name", "--name", name)
    area = _checked("area", "--area", area)
    short_name = _checked("short name", "--short-name", short_name) if short_name is not None else name
    project_dir = Path(project_dir)
    if project_dir.exists() and not project_dir.is_dir():
        raise StarterError(f"{project_dir} is a file, not a folder. Choose a folder for the new project.")
    start, end = plan_years(start_year)
    edition_id = f"{start}-{end}"
    targets = {source: target.format(edition_id=edition_id) for source, target in FILES.items()}
    if project_dir.is_dir() and any(project_dir.iterdir()):
        if not force:
            raise StarterError(f"{project_dir} is not empty. Choose a new or empty folder, or add --force to add "
                               "the starter files beside what is there (no existing file is changed).")
        clashes = sorted(t for t in targets.values() if (project_dir / t).exists())
        if clashes:
            raise StarterError(f"These files exist already in {project_dir}, and init never overwrites a file: "
                               f"{', '.join(clashes)}. Move or delete them, or choose another folder.")
    source_id = f"plan-{start}-{end}"
    values = {
        "name": yaml_scalar(name), "short_name": yaml_scalar(short_name), "area": yaml_scalar(area),
        "site_name": yaml_scalar(f"{name} plans"),
        "site_description": yaml_scalar(f"The {name}'s community safety plans, in plain words."),
        "title": yaml_scalar(f"{name} Plan {start}–{end}"),
        "source_id": source_id, "edition_id": edition_id, "edition_file": f"{edition_id}.yaml",
        "start": str(start), "end": str(end),
    }
    # The project's README is Markdown a person reads, not YAML: the name as typed.
    readme = {**values, "name": name, "area": area}
    package = resources.files(__package__) / "files"
    try:
        for source, target in targets.items():
            text = (package / source).read_text(encoding="utf-8")
            if source not in VERBATIM:
                text = string.Template(text).substitute(readme if source == "README.md" else values)
            path = project_dir / target
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8") as out:  # "x": never overwrite
                out.write(text)
    except FileExistsError as clash:
        raise StarterError(f"{clash.filename} appeared while init was writing; nothing of it was changed. "
                           "Run init again in an empty folder.") from None
    except OSError as problem:
        raise StarterError(f"Could not write the project into {project_dir}: {problem.strerror or problem}.") from None
    return Starter(project_dir, tuple(targets.values()), targets["plan_data/editions/plan.yaml"])
