"""Load stage: read the YAML under plan_data/, remembering where every value is.

PyYAML's composer gives us nodes with line and column marks; we build plain
Python data from them and keep a map from key path to position, so that any
later check can point at the exact line a person has to edit.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import DataError, format_path

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
# libyaml parses several times faster and gives the same line and column marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: The files and folders a project's plan_data/ holds.
PARTNERSHIP_FILE = "partnership.yaml"
SOURCES_FILE = "sources.yaml"
GLOSSARY_FILE = "glossary.yaml"
LANGUAGES_FILE = "languages.yaml"
MEASURES_DIR = "measures"
EDITIONS_DIR = "editions"


@dataclass
class Document:
    """One YAML file's data, with the position of every key and value."""

    file: str
    data: object
    value_positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    container_paths: set[tuple] = field(default_factory=set)

    def position(self, path: tuple, *, key: bool = False) -> tuple[int | None, int | None]:
        """Line and column of the value (or key) at path, or of its nearest ancestor."""
        path = tuple(path)
        # A block mapping or list starts on the line after its key; people look for the key.
        if path in self.key_positions and (key or path in self.container_paths):
            return self.key_positions[path]
        while True:
            if path in self.value_positions:
                return self.value_positions[path]
            if not path:
                return (None, None)
            path = path[:-1]

    def error(self, code: str, path: tuple, message: str, fix: str, *, key: bool = False) -> DataError:
        line, column = self.position(path, key=key)
        return DataError(code, self.file, line, column, format_path(path), message, fix)


@dataclass
class RawProject:
    """Everything under plan_data/, as loaded, before validation."""

    root: Path
    partnership: Document | None = None
    sources: Document | None = None
    glossary: Document | None = None
    languages: Document | None = None
    measures: list[Document] = field(default_factory=list)
    editions: list[Document] = field(default_factory=list)
    #: Files that could not be read; checks across files would only mislead then.
    unreadable: list[str] = field(default_factory=list)

    def documents(self) -> list[Document]:
        docs = [d for d in (self.partnership, self.sources, self.glossary, self.languages) if d is not None]
        return docs + self.measures + self.editions


class _Builder:
    """Turns composed YAML nodes into Python data and records positions."""

    def __init__(self, doc: Document, errors: list[DataError]):
        self.doc = doc
        self.errors = errors
        self.constructor = yaml.SafeLoader("")

    def build(self, node, path: tuple):
        self.doc.value_positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            self.doc.container_paths.add(path)
        if isinstance(node, yaml.MappingNode):
            result = {}
            for key_node, value_node in node.value:
                key = self.scalar(key_node)
                key_path = path + (key,)
                if key in result:
                    line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                    self.errors.append(DataError(
                        "duplicate-key", self.doc.file, line, column, format_path(key_path),
                        f"the key '{key}' appears twice here; YAML would silently keep only the last one.",
                        f"Delete one of the two '{key}' entries, or merge them.",
                    ))
                self.doc.key_positions[key_path] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                result[key] = self.build(value_node, key_path)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (index,)) for index, item in enumerate(node.value)]
        return self.scalar(node)

    def scalar(self, node):
        # Dates stay text: the schema checks their format and we keep the precision written.
        if node.tag == _TIMESTAMP_TAG:
            return node.value
        if not isinstance(node, yaml.ScalarNode):
            return str(node.value)
        return self.constructor.construct_object(node, deep=True)


def load_document(path: Path, display_name: str, errors: list[DataError]) -> Document | None:
    """Parse one YAML file; on a syntax error, record it and return None."""
    doc = Document(file=display_name, data=None)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        errors.append(DataError(
            "yaml-syntax", display_name, None, None, "",
            f"the file is not UTF-8 text ({exc.reason} at byte {exc.start}).",
            "Save the file as UTF-8 in your editor (in Notepad: Save As, Encoding: UTF-8).",
        ))
        return None
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "the YAML could not be read"
        context = f" ({exc.context})" if exc.context else ""
        errors.append(DataError(
            "yaml-syntax", display_name,
            mark.line + 1 if mark else None, mark.column + 1 if mark else None, "",
            f"{problem}{context}.",
            "Check the indentation and punctuation on this line and the one above it: "
            "every nested key is indented by the same number of spaces, text containing ': ' or "
            "starting with a special character is put in quotes, and list items start with '- '.",
        ))
        return None
    if node is None:
        doc.data = None
        doc.value_positions[()] = (1, 1)
        return doc
    doc.data = _Builder(doc, errors).build(node, ())
    return doc


def load_project(root: Path) -> tuple[RawProject, list[DataError]]:
    """Load every YAML file of a project's plan_data/ folder."""
    root = Path(root)
    data_dir = root / "plan_data"
    errors: list[DataError] = []
    project = RawProject(root=root)

    def name(path: Path) -> str:
        return path.relative_to(root).as_posix()

    # The glossary and languages are optional: without them nothing is expanded, and the site
    # is in English only.
    for attribute, file_name, required in (("partnership", PARTNERSHIP_FILE, True), ("sources", SOURCES_FILE, True),
                                           ("glossary", GLOSSARY_FILE, False), ("languages", LANGUAGES_FILE, False)):
        path = data_dir / file_name
        if path.is_file():
            doc = load_document(path, name(path), errors)
            setattr(project, attribute, doc)
            if doc is None:
                project.unreadable.append(name(path))
        elif required:
            errors.append(DataError(
                "missing-file", name(path), None, None, "",
                f"plan_data/{file_name} does not exist.",
                f"Create plan_data/{file_name}; see the README's section 'Editing the plan data'.",
            ))
    for folder, target in ((MEASURES_DIR, project.measures), (EDITIONS_DIR, project.editions)):
        paths = sorted((data_dir / folder).glob("*.yaml")) + sorted((data_dir / folder).glob("*.yml"))
        if not paths:
            errors.append(DataError(
                "missing-file", f"plan_data/{folder}/", None, None, "",
                f"there are no .yaml files in plan_data/{folder}/.",
                f"Add at least one .yaml file to plan_data/{folder}/.",
            ))
        for path in paths:
            doc = load_document(path, name(path), errors)
            if doc is not None:
                target.append(doc)
            else:
                project.unreadable.append(name(path))
    return project, errors
