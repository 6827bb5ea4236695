"""The way through plansite is one-directional: each stage imports only itself and the stages
before it, and only the MkDocs adapter imports MkDocs. Read from each module's syntax tree, so
imports inside functions count too."""
import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "plansite"

#: The stages in order: a module may import its own stage and those above it, never one below.
#: load, model (the Plan and its typed measures), resolve (editions: the typed records; versions), the languages' words (PO files, number formats), figures read
#: and selected (which validate needs to check data files and warn about figures no page shows),
#: validate, figures judged (and each item's headline picked), then worded, the open data files, charts, pages (and the leaflet and the page-not-found page),
#: prepare (one edition's build, before MkDocs runs), hook (MkDocs' events), render (the builds
#: and the site), preview, commands (with the data reference it writes), cli.
#: Entries are module names under plansite; an entry covers its submodules unless a longer
#: entry names them. Every module must be covered, so a new one has to be given its place.
STAGES = [
    ("base", ["", "errors", "periods", "urls", "sanitise", "schemas", "site_markdown"]),
    ("load", ["load"]),
    ("model", ["model", "measures_catalogue"]),
    ("resolve", ["editions", "versions"]),
    ("languages", ["translations"]),
    ("figures: read", ["figures", "figures.read"]),
    ("figures: select", ["figures.select"]),
    ("validate", ["validate", "translation_checks", "scaffold", "readability"]),
    ("figures: judge", ["figures.judge", "figures.headline"]),
    ("figures: wording", ["figures.wording"]),
    ("open data", ["opendata"]),
    ("charts", ["charts"]),
    ("pages", ["pages", "leaflet", "theme", "notfound", "search"]),
    ("prepare", ["prepare"]),
    ("hook", ["hook"]),
    ("render", ["render"]),
    ("preview", ["preview"]),
    ("commands", ["commands", "reference", "starter"]),
    ("cli", ["cli"]),
]

#: The only modules that may import MkDocs (or its Material theme): everything before them is
#: plain Python, so the pages can feed another generator when MkDocs 1.x is gone.
MKDOCS_MODULES = {"render", "hook", "preview", "commands"}
MKDOCS_PACKAGES = {"mkdocs", "material"}


def module_name(path: Path, package: Path = PACKAGE) -> str:
    """'figures.read' for plansite/figures/read.py, 'pages' for plansite/pages/__init__.py."""
    parts = list(path.relative_to(package).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(source: str, module: str, is_package: bool, known: set[str]) -> set[str]:
    """The plansite modules (as module_name gives them) and the top-level outside packages that
    a module's source imports, anywhere in it."""
    here = module.split(".") if module else []
    if not is_package:
        here = here[:-1]
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[:len(here) - (node.level - 1)] + (node.module.split(".") if node.module else [])
                target = ".".join(["plansite"] + base)
            else:
                target = node.module
            # `from . import render` and `from .figures import read` import modules themselves.
            names = [target] + [f"{target}.{alias.name}" for alias in node.names]
            names = [n for n in names if n == target or n.removeprefix("plansite.").removeprefix("plansite") in known]
        else:
            continue
        for name in names:
            if name == "plansite" or name.startswith("plansite."):
                found.add(name.removeprefix("plansite").removeprefix("."))
            else:
                found.add(name.split(".")[0])
    return found


def stage_of(module: str) -> int | None:
    """The index in STAGES of the longest entry covering the module, or None."""
    best = None
    for index, (_, entries) in enumerate(STAGES):
        for entry in entries:
            if module == entry or (entry and module.startswith(entry + ".")):
                if best is None or len(entry) > best[0]:
                    best = (len(entry), index)
    return None if best is None else best[1]


def layer_problems(modules: dict[str, tuple[str, bool]]) -> list[str]:
    """Every import that reaches a later stage, every MkDocs import outside the adapter, and every
    module no stage covers. `modules` maps a module name to (source, is_package)."""
    known = set(modules)
    problems = []
    for module, (source, is_package) in sorted(modules.items()):
        stage = stage_of(module)
        if stage is None:
            problems.append(f"{module or 'plansite'}: in no stage of STAGES; give it its place")
            continue
        for target in sorted(imports(source, module, is_package, known)):
            if target in MKDOCS_PACKAGES and module not in MKDOCS_MODULES:
                problems.append(f"{module}: imports {target}, which only {sorted(MKDOCS_MODULES)} may")
            if target not in known:
                continue
            target_stage = stage_of(target)
            if target_stage is not None and target_stage > stage:
                problems.append(f"{module} ({STAGES[stage][0]}) imports {target} ({STAGES[target_stage][0]}), "
                                "a later stage")
    return problems


#: Python files that are package data, not modules: the entry points `plansite init` copies
#: into a new project, which import plansite from outside, as this repository's own do.
DATA_FILES = PACKAGE / "starter" / "files"


def package_modules() -> dict[str, tuple[str, bool]]:
    return {module_name(path): (path.read_text(encoding="utf-8"), path.name == "__init__.py")
            for path in sorted(PACKAGE.rglob("*.py")) if not path.is_relative_to(DATA_FILES)}


def test_every_stage_imports_only_itself_and_the_stages_before_it():
    modules = package_modules()
    assert {"figures.read", "figures.select", "figures.judge", "figures.wording", "pages.figures",
            "render", "validate"} <= set(modules)
    assert layer_problems(modules) == []


def test_edition_figures_lives_with_the_figures_not_the_pages():
    # render's build key and opendata need it; neither may reach into the pages for it.
    modules = package_modules()
    for module in ("render", "opendata"):
        assert "figures.select" in imports(modules[module][0], module, False, set(modules))
        assert "pages.figures" not in imports(modules[module][0], module, False, set(modules))


@pytest.mark.parametrize("module, source, problem", [
    ("figures.read", "from ..pages import figures_table\n",
     "figures.read (figures: read) imports pages (pages), a later stage"),
    ("figures.judge", "def f():\n    from .wording import sentence\n",
     "figures.judge (figures: judge) imports figures.wording (figures: wording), a later stage"),
    ("pages.home", "from .. import render\n", "pages.home (pages) imports render (render), a later stage"),
    ("opendata", "from .pages import figures_table\n", "opendata (open data) imports pages (pages), a later stage"),
    ("versions", "import plansite.pages.figures\n",
     "versions (resolve) imports pages.figures (pages), a later stage"),
    ("validate", "from .figures import judge\n",
     "validate (validate) imports figures.judge (figures: judge), a later stage"),
    ("pages.home", "from mkdocs.structure.files import File\n",
     "pages.home: imports mkdocs, which only ['commands', 'hook', 'preview', 'render'] may"),
    ("stray", "", "stray: in no stage of STAGES; give it its place"),
])
def test_a_forward_import_is_found(module, source, problem):
    modules = {name: ("", name in ("", "pages", "figures")) for name in
               ["", "render", "versions", "validate", "opendata", "pages", "pages.figures", "pages.home", "figures",
                "figures.read", "figures.judge", "figures.wording"]}
    modules[module] = (source, False)
    assert layer_problems(modules) == [problem]
