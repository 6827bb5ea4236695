"""Load stage: read the YAML under plan_data/, remembering where every value is.

PyYAML's composer gives us nodes with line and column marks; we build plain
Python data from them and keep a map from key path to position, so that any
later check can point at the exact line a person has to edit.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import DataError, format_path, quoted

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
#: Plan data needs a few levels of nesting; far more is a mistake or an attack, and would
#: exhaust Python's (and libyaml's) stack before any check could say what is wrong.
MAX_DEPTH = 50
#: Anchors and aliases ('&name', '*name') are legal YAML but plan data hardly needs them; an
#: alias that repeats another can grow a small file into billions of values ("billion laughs").
MAX_ALIASES = 100
MAX_VALUES = 50_000
#: The biggest YAML file read; the largest real one is about 60 KB.
MAX_YAML_BYTES = 10 << 20
#: Explicit tags a person may write: YAML's core types. Anything else (!!python/object,
#: !!binary, a custom !tag) is refused before it is constructed.
_CORE_TAGS = {None, "!"} | {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")}
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

    def error(self, code: str, path: tuple, /, *, key: bool = False, case: str = "", **values) -> DataError:
        """The error `code` (see errors.ERRORS) with its values, at path: at its key when key is true."""
        line, column = self.position(path, key=key)
        return DataError.of(code, file=self.file, line=line, column=column, path=format_path(path), case=case,
                            **values)


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


class _Refused(Exception):
    """The YAML is well formed but not something plan data may hold; carries the error."""

    def __init__(self, error: DataError):
        super().__init__(error.message)
        self.error = error


def _at(node_or_event) -> tuple[int, int]:
    mark = node_or_event.start_mark
    return mark.line + 1, mark.column + 1


class _Builder:
    """Turns composed YAML nodes into Python data and records positions."""

    def __init__(self, doc: Document, errors: list[DataError]):
        self.doc = doc
        self.errors = errors
        self.constructor = yaml.SafeLoader("")
        self.values = 0

    def refuse(self, code: str, node, *, case: str = "", **values) -> _Refused:
        line, column = _at(node)
        return _Refused(DataError.of(code, file=self.doc.file, line=line, column=column, case=case, **values))

    def build(self, node, path: tuple):
        # Aliases are expanded here, so this is where their size is counted; the depth check
        # also stops an alias that contains itself (&a [*a]).
        self.values += 1
        if self.values > MAX_VALUES:
            # Point at the top-level key whose value grows too large, not deep inside what it repeats.
            line, column = self.doc.key_positions.get(path[:1], _at(node))
            raise _Refused(DataError.of("yaml-too-large", file=self.doc.file, line=line, column=column,
                                        case="expands", limit=MAX_VALUES))
        if len(path) > MAX_DEPTH:
            raise self.refuse("yaml-too-deep", node, case="alias", limit=MAX_DEPTH)
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
                    self.errors.append(DataError.of("duplicate-key", file=self.doc.file, line=line, column=column,
                                                    path=format_path(key_path), name=key))
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
            # A list or mapping used as a key ('? [a, b]'): the schema says it is not allowed. Not
            # written out, since an alias can make it as large as the file can expand.
            return "(a list used as a key)" if isinstance(node, yaml.SequenceNode) else "(a mapping used as a key)"
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError):
            # An explicit core tag on a value it cannot hold, such as !!int abc.
            tag = node.tag.rsplit(":", 1)[-1]
            raise self.refuse("yaml-tag", node, case="value", value=quoted(node.value), tag=tag) from None
        if isinstance(value, float) and not math.isfinite(value):
            # .inf, .nan or 1e999 would be published as a figure, and are not valid JSON.
            line, column = _at(node)
            self.errors.append(DataError.of("out-of-range", file=self.doc.file, line=line, column=column,
                                            case="infinite", value=quoted(node.value)))
            return node.value
        return value


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """Line and column (counting characters) of a byte offset in a file of unknown encoding."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    return line, len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1


def _text_position(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _prescan(text: str, display_name: str) -> None:
    """Check depth, aliases and tags from libyaml's stream of events, before anything is built.

    Events come one at a time, so this costs no stack and little memory however the file is made."""
    depth = aliases = 0
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                line, column = _at(event)
                raise _Refused(DataError.of("yaml-too-deep", file=display_name, line=line, column=column,
                                            limit=MAX_DEPTH))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                line, column = _at(event)
                raise _Refused(DataError.of("yaml-too-large", file=display_name, line=line, column=column,
                                            limit=MAX_ALIASES))
        tag = getattr(event, "tag", None)
        if tag not in _CORE_TAGS:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            line, column = _at(event)
            raise _Refused(DataError.of("yaml-tag", file=display_name, line=line, column=column, tag=quoted(shown)))


def load_document(path: Path, display_name: str, errors: list[DataError]) -> Document | None:
    """Parse one YAML file; on a syntax error, record it and return None."""
    doc = Document(file=display_name, data=None)
    size = path.stat().st_size
    if size > MAX_YAML_BYTES:
        errors.append(DataError.of("yaml-too-large", file=display_name, case="size", size=size / 2**20,
                                   limit=MAX_YAML_BYTES >> 20))
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _byte_position(raw, exc.start)
        errors.append(DataError.of("yaml-syntax", file=display_name, line=line, column=column, case="encoding"))
        return None
    try:
        _prescan(text, display_name)
        node = yaml.compose(text, Loader=_LOADER)
        if node is None:
            doc.data = None
            doc.value_positions[()] = (1, 1)
            return doc
        doc.data = _Builder(doc, errors).build(node, ())
    except _Refused as refused:
        errors.append(refused.error)
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "the YAML could not be read"
        context = f" ({exc.context})" if exc.context else ""
        errors.append(DataError.of("yaml-syntax", file=display_name, line=mark.line + 1 if mark else None,
                                   column=mark.column + 1 if mark else None, problem=f"{problem}{context}"))
        return None
    except yaml.reader.ReaderError as exc:
        # A control character (a NUL, a bell...): libyaml gives its position in the text.
        line, column = _text_position(text, exc.position)
        character = ord(exc.character) if isinstance(exc.character, str) else exc.character
        errors.append(DataError.of("yaml-syntax", file=display_name, line=line, column=column, case="control",
                                   character=character))
        return None
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
            errors.append(DataError.of("missing-file", file=name(path), name=file_name))
    for folder, target in ((MEASURES_DIR, project.measures), (EDITIONS_DIR, project.editions)):
        paths = sorted((data_dir / folder).glob("*.yaml")) + sorted((data_dir / folder).glob("*.yml"))
        if not paths:
            errors.append(DataError.of("missing-file", file=f"plan_data/{folder}/", case="folder", folder=folder))
        for path in paths:
            doc = load_document(path, name(path), errors)
            if doc is not None:
                target.append(doc)
            else:
                project.unreadable.append(name(path))
    return project, errors
