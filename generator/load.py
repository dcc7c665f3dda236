"""Read every catalog file, keeping the position of every key, value and item.

Each file is checked and read within the bounds of generator.yaml_limits, then parsed
by ruamel's C parser (ruamel.yaml.clib) into events, from which the data is built
here, one event at a time: mappings and lists carry the same `.lc` position interface
that ruamel's round-trip loader offers, and scalars are typed by ruamel's own YAML 1.2
resolver and constructor, so values read exactly as the round-trip loader reads them.
Building from events rather than from composed nodes is faster (the nodes were built
only to be thrown away) and sees what the nodes hide: where each alias is, how deep the
nesting is and how much the aliases copy, so that every bound is checked as the file is
read and the parser stops at the first problem."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml import main as ruamel_main
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import VersionedResolver

from .diagnostics import Collector, Location
from .load_cache import LoadCache
from .yaml_limits import MAX_ALIAS_VALUES, MAX_DEPTH, MAX_VALUES, FileProblem, line_col, read_catalog_file


class Positions:
    """0-based positions, as ruamel's `lc`: the container's own, each key's and value's
    (`key(k)`, `value(k)`) and each item's (`item(i)`)."""

    __slots__ = ("col", "items", "keys", "line", "values")

    def __init__(self, line: int, col: int) -> None:
        self.line = line
        self.col = col
        self.keys: dict[Any, tuple[int, int]] = {}
        self.values: dict[Any, tuple[int, int]] = {}
        self.items: list[tuple[int, int]] = []

    def key(self, name: Any) -> tuple[int, int]:
        return self.keys[name]

    def value(self, name: Any) -> tuple[int, int]:
        return self.values[name]

    def item(self, index: int) -> tuple[int, int]:
        return self.items[index]


class PositionedMap(dict[Any, Any]):
    lc: Positions


class PositionedList(list[Any]):
    lc: Positions


@dataclass(frozen=True)
class Document:
    """One parsed catalog file: `data` is the tree with positions, `name` its display path."""

    name: str
    relative: str
    data: Any


@dataclass(frozen=True)
class LoadedCatalog:
    root: Path
    documents: tuple[Document, ...]

    def find(self, relative: str) -> Document | None:
        for document in self.documents:
            if document.relative == relative:
                return document
        return None

    def under(self, folder: str) -> tuple[Document, ...]:
        prefix = folder.rstrip("/") + "/"
        return tuple(d for d in self.documents if d.relative.startswith(prefix))


def display_name(path: Path) -> str:
    """The path a user can click: relative to the working folder when inside it. Only the
    folder is resolved, so a symbolic link keeps its own name (and a looping one is named)."""
    try:
        inside = (path.parent.resolve() / path.name).is_relative_to(Path.cwd())
        return os.path.relpath(path) if inside else str(path)
    except (OSError, RuntimeError, ValueError):
        return str(path)


TAG = "tag:yaml.org,2002:"
MERGE_TAG = TAG + "merge"
STR_TAG = TAG + "str"
# The scalar types the catalog is made of; timestamps because YAML reads an unquoted
# 2024-01-31 as a date, which the validation then reports where a string is wanted.
SCALAR_TAGS = frozenset(TAG + name for name in ("null", "bool", "int", "float", "str", "timestamp"))
SCALAR_FORMS = {
    TAG + "null": "null or ~",
    TAG + "bool": "true or false",
    TAG + "int": "a whole number such as 42",
    TAG + "float": "a number such as 1.5",
    TAG + "timestamp": "a date such as 2024-01-31",
}
MAP_TAGS = frozenset({None, "!", TAG + "map"})
LIST_TAGS = frozenset({None, "!", TAG + "seq"})


# Characters no catalog text holds: control characters but tab, line feed and carriage
# return (whose place the validation judges), and the line separators that Python and
# editors break lines at. YAML rejects them written as they are; this also rejects them
# written as escapes in "double quotes".
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(TAG) if tag.startswith(TAG) else tag


def abbreviated(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


class Problem(Exception):
    """A problem at a 0-based parser mark; the loader adds the file name."""

    def __init__(self, mark: Any, message: str, hint: str = "") -> None:
        self.line: int = mark.line if mark is not None else -1
        self.col: int = mark.column if mark is not None else -1
        self.message, self.hint = message, hint
        super().__init__(message)


class Merge:
    """The value of a scalar `<<`: the merge key, valid only as a mapping's key."""


MERGE = Merge()
NO_KEY = object()


class Open:
    """A mapping or list whose end has not been read yet."""

    __slots__ = ("anchor", "at", "is_map", "key", "key_at", "lc", "merges", "size", "value")

    def __init__(self, value: PositionedMap | PositionedList, is_map: bool, mark: Any, anchor: str | None) -> None:
        self.value: Any = value
        self.is_map = is_map
        self.lc = value.lc = Positions(mark.line, mark.column)
        self.at = mark
        self.anchor = anchor
        self.key: Any = NO_KEY
        self.key_at = (0, 0)
        # The value of its merge key `<<` and where it is, once read.
        self.merges: list[tuple[Any, tuple[int, int]]] | None = None
        # How many values this one holds, itself included: what an alias to it copies.
        self.size = 1


@dataclass(frozen=True)
class Anchored:
    value: Any
    size: int
    at: Any


class Scalars:
    """Types scalars as ruamel's YAML 1.2 safe loader does. A file repeats its plain
    scalars (types, `true`, `null`, names), so each one's value is kept for the file;
    every value it keeps is immutable."""

    def __init__(self, yaml: YAML) -> None:
        self.resolver = VersionedResolver()
        self.constructor = yaml.constructor
        self.plain: dict[str, Any] = {}

    def value(self, event: Any) -> Any:
        tag = event.tag
        if tag is None:
            if not event.implicit[0]:
                if FORBIDDEN.search(event.value):
                    raise forbidden_character(event)
                return event.value
            text = event.value
            found = self.plain.get(text, NO_KEY)
            if found is not NO_KEY:
                return found
            if FORBIDDEN.search(text):
                raise forbidden_character(event)
            tag = str(self.resolver.resolve(ScalarNode, text, (True, False)))
            value = MERGE if tag == MERGE_TAG else self.construct(tag, event)
            self.plain[text] = value
            return value
        if FORBIDDEN.search(event.value):
            raise forbidden_character(event)
        if tag == "!" or tag == STR_TAG:
            return event.value
        if tag not in SCALAR_TAGS:
            raise Problem(
                event.start_mark,
                f"invalid YAML: unsupported tag {short_tag(tag)}",
                "catalog values are plain strings, numbers, booleans, null, lists and mappings; remove the tag",
            )
        return self.construct(tag, event)

    def construct(self, tag: str, event: Any) -> Any:
        if tag == STR_TAG:
            return event.value
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self.constructor.yaml_constructors[tag](self.constructor, node)
        except (MarkedYAMLError, ValueError, TypeError, ArithmeticError, KeyError, IndexError):
            text, short = abbreviated(event.value), short_tag(tag)
            form = SCALAR_FORMS.get(tag, "a plain value")
            digits = sys.get_int_max_str_digits()
            if tag == TAG + "int" and sum(c.isdigit() for c in event.value) > digits:
                message, hint = f"the number {text!r} has more than {digits} digits", "quote it to keep it as text"
            elif event.tag is None:
                message = f"{text!r} reads as {form.split(' such as ')[0]}, but is not a valid one"
                hint = f"write {form}, or quote it to keep it as text"
            else:
                message, hint = (
                    f"{text!r} is not a valid {short} value",
                    f"{short} is {form}; quote it to keep it as text",
                )
            raise Problem(event.start_mark, f"invalid YAML: {message}", hint) from None


def forbidden_character(event: Any) -> Problem:
    found = FORBIDDEN.search(event.value)
    code = ord(found.group()) if found else 0
    name = "a NUL character" if code == 0 else f"the control character U+{code:04X}"
    hint = "remove it: the generated code and docs cannot hold it"
    if code in (0x85, 0x2028, 0x2029):
        name = f"the line separator U+{code:04X}"
        hint = "write a line break as a real one, in a | block if need be"
    return Problem(event.start_mark, f"invalid YAML: this text holds {name}, which catalog text may not", hint)


def copy_value(value: Any, depth: int, at: Any, name: str) -> Any:
    """A fresh copy of an anchor's value for an alias, a mapping or list placed `depth` levels deep."""
    if type(value) is not PositionedMap and type(value) is not PositionedList:
        return value
    if depth > MAX_DEPTH:
        raise too_deep(at, f" once the alias *{name} is copied in")
    if type(value) is PositionedMap:
        mapping = PositionedMap((k, copy_value(v, depth + 1, at, name)) for k, v in value.items())
        mapping.lc = value.lc
        return mapping
    items = PositionedList(copy_value(v, depth + 1, at, name) for v in value)
    items.lc = value.lc
    return items


def too_many(at: Any) -> Problem:
    return Problem(
        at,
        f"invalid YAML: this file holds more than {MAX_VALUES:,} keys and values",
        "catalog files are far smaller; split it into several files",
    )


def too_deep(at: Any, how: str = "") -> Problem:
    return Problem(
        at,
        f"invalid YAML: mappings and lists nested more than {MAX_DEPTH} levels deep{how}",
        "a catalog needs only a few levels; look for a runaway run of [ or { or of indentation",
    )


def kind_of(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"the text {abbreviated(value)!r}"
    return f"the value {abbreviated(str(value))}"


class DocumentBuilder:
    """Builds one file's data from the parser's events, checking the bounds as it goes."""

    def __init__(self, yaml: YAML) -> None:
        self.yaml = yaml
        self.scalars = Scalars(yaml)
        parser = getattr(ruamel_main, "CParser", None)
        self.events: Callable[[str], Callable[[], Any]] = (
            (lambda text: parser(text).get_event)
            if parser is not None
            else (lambda text: iter(yaml.parse(text)).__next__)
        )

    def build(self, text: str) -> Any:
        self.scalars.plain.clear()
        next_event = self.events(text)
        stack: list[Open] = []
        anchors: dict[str, Open | Anchored] = {}
        copied = 0
        documents = 0
        # Keys, values and items read or copied so far.
        count = 0
        root: Any = None
        while True:
            event = next_event()
            kind = type(event)
            if kind is ScalarEvent:
                count += 1
                if count > MAX_VALUES:
                    raise too_many(event.start_mark)
                value = self.scalars.value(event)
                mark = event.start_mark
                if event.anchor is not None:
                    anchors[event.anchor] = Anchored(value, 1, mark)
                if not stack:
                    if value is MERGE:
                        raise misplaced_merge(mark)
                    root = value
                    continue
                top = stack[-1]
                top.size += 1
                if not top.is_map:
                    if value is MERGE:
                        raise misplaced_merge(mark)
                    top.value.append(value)
                    top.lc.items.append((mark.line, mark.column))
                elif top.key is NO_KEY:
                    top.key = value
                    top.key_at = (mark.line, mark.column)
                else:
                    place_value(top, value, mark)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                is_map = kind is MappingStartEvent
                mark = event.start_mark
                if len(stack) >= MAX_DEPTH:
                    raise too_deep(mark)
                count += 1
                if count > MAX_VALUES:
                    raise too_many(mark)
                if event.tag not in (MAP_TAGS if is_map else LIST_TAGS):
                    raise Problem(
                        mark,
                        f"invalid YAML: unsupported tag {short_tag(event.tag)}",
                        "catalog values are plain strings, numbers, booleans, null, lists and mappings; remove the tag",
                    )
                if stack and stack[-1].is_map and stack[-1].key is NO_KEY:
                    raise complex_key(mark)
                opened = Open(PositionedMap() if is_map else PositionedList(), is_map, mark, event.anchor)
                if event.anchor is not None:
                    anchors[event.anchor] = opened
                stack.append(opened)
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                done = stack.pop()
                if done.merges is not None:
                    merge_into(done)
                if done.anchor is not None and anchors.get(done.anchor) is done:
                    anchors[done.anchor] = Anchored(done.value, done.size, done.at)
                if not stack:
                    root = done.value
                    continue
                top = stack[-1]
                top.size += done.size
                if not top.is_map:
                    top.value.append(done.value)
                    top.lc.items.append((done.at.line, done.at.column))
                else:
                    place_value(top, done.value, done.at)
            elif kind is AliasEvent:
                mark = event.start_mark
                name = event.anchor
                target = anchors.get(name)
                if target is None:
                    raise Problem(
                        mark,
                        f"invalid YAML: alias *{name} is not defined",
                        f"define the anchor &{name} before this alias",
                    )
                if isinstance(target, Open):
                    raise Problem(
                        mark,
                        f"invalid YAML: alias *{name} is inside the value it stands for",
                        f"the anchor &{name} at line {target.at.line + 1}, column {target.at.column + 1} "
                        "cannot be used within its own value",
                    )
                copied += target.size
                count += target.size
                if copied > MAX_ALIAS_VALUES:
                    raise Problem(
                        mark,
                        f"invalid YAML: the aliases in this file copy more than {MAX_ALIAS_VALUES:,} values",
                        f"each *alias copies its anchor's whole value, here *{name}'s {target.size:,}; "
                        "write the values out or alias less",
                    )
                value = copy_value(target.value, len(stack) + 1, mark, name)
                if not stack:
                    root = value
                    continue
                top = stack[-1]
                top.size += target.size
                if not top.is_map:
                    if value is MERGE:
                        raise misplaced_merge(mark)
                    top.value.append(value)
                    top.lc.items.append((mark.line, mark.column))
                elif top.key is NO_KEY:
                    if isinstance(value, list | dict):
                        raise complex_key(mark)
                    top.key = value
                    top.key_at = (mark.line, mark.column)
                else:
                    place_value(top, value, mark)
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise Problem(
                        event.start_mark,
                        "invalid YAML: a second document starts here",
                        "a catalog file holds one YAML document; remove the '---' line and what follows it",
                    )
            elif kind is StreamEndEvent or event is None:
                return root


def place_value(top: Open, value: Any, mark: Any) -> None:
    """Sets the value of the key just read in the open mapping `top`."""
    key = top.key
    top.key = NO_KEY
    if key is MERGE:
        if top.merges is not None:
            raise Problem(Mark(*top.key_at), "duplicate key '<<'", "merge several mappings with one key: <<: [*a, *b]")
        top.merges = [(value, (mark.line, mark.column))]
        return
    if value is MERGE:
        raise misplaced_merge(mark)
    mapping = top.value
    if key in mapping:
        first_line, first_col = top.lc.keys[key]
        raise Problem(
            Mark(*top.key_at),
            f"duplicate key {key!r}",
            f"it is already set at line {first_line + 1}, column {first_col + 1}; keep one",
        )
    mapping[key] = value
    top.lc.keys[key] = top.key_at
    top.lc.values[key] = (mark.line, mark.column)


def merge_into(done: Open) -> None:
    """Applies a mapping's merge keys (`<<: *base`, `<<: [*a, *b]`): a key set in the
    mapping itself wins over a merged one, and an earlier source over a later one; the
    merged keys keep the positions they have in their source and come after the
    mapping's own, as the round-trip loader orders them."""
    assert done.merges is not None
    value, (line, col) = done.merges[0]
    sources = value if isinstance(value, list) else [value]
    mapping = done.value
    # A list written here has its items' positions; one copied by an alias points at its anchor.
    written_here = isinstance(value, PositionedList) and (value.lc.line, value.lc.col) == (line, col)
    for index, source in enumerate(sources):
        if not isinstance(source, PositionedMap):
            raise Problem(
                Mark(*(value.lc.item(index) if written_here else (line, col))),
                f"invalid YAML: a merge key '<<' takes a mapping or a list of mappings, not {kind_of(source)}",
                "write <<: *name where &name is a mapping",
            )
        for key, item in source.items():
            if key not in mapping:
                mapping[key] = item
                done.lc.keys[key] = source.lc.keys[key]
                done.lc.values[key] = source.lc.values[key]


class Mark:
    """A 0-based position in the shape of a parser mark."""

    __slots__ = ("column", "line")

    def __init__(self, line: int, column: int) -> None:
        self.line, self.column = line, column


def misplaced_merge(mark: Any) -> Problem:
    return Problem(
        mark, "invalid YAML: '<<' is a merge key, valid only as a mapping's key", "quote it ('<<') to mean the text"
    )


def complex_key(mark: Any) -> Problem:
    return Problem(
        mark,
        "invalid YAML: a mapping key must be a single value, not a list or mapping",
        "write the key as text; quote it if it holds brackets",
    )


def syntax_problem(error: MarkedYAMLError) -> tuple[int, int, str, str]:
    """The 1-based position, message and hint of a syntax error of the parser."""
    mark = error.problem_mark or error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    opened = error.context_mark
    hint = (
        f"{error.context} that starts at line {opened.line + 1}, column {opened.column + 1}"
        if error.context and opened is not None and error.problem_mark is not None and opened.line != mark.line
        else "check the indentation and the quoting around this point"
    )
    return line, col, f"invalid YAML: {error.problem or error.context}", hint


def reader_problem(error: ReaderError, text: str) -> tuple[int, int, str, str]:
    """A character YAML does not allow; the parser gives its byte offset in UTF-8."""
    line, col = line_col(text.encode("utf-8"), error.position)
    character = error.character
    code = character if isinstance(character, int) else ord(character) if character else 0
    name = "a NUL byte" if code == 0 else f"the control character U+{code:04X}"
    return (
        line,
        col,
        f"invalid YAML: {name} is not allowed in YAML text",
        'remove it; inside "double quotes" YAML escapes such as \\t or \\x07 stand for such characters',
    )


def load_catalog(root: Path) -> LoadedCatalog:
    """Parse every `*.yaml` below `root`; problems are collected, one for each file, not raised one by one."""
    problems = Collector()
    if not root.is_dir():
        problems.error(Location(display_name(root)), "catalog folder not found", "pass --catalog DIR")
        problems.raise_if_any()
    cache = LoadCache()
    builder: DocumentBuilder | None = None  # made on the first file the cache does not hold
    documents = []
    for path in sorted(root.rglob("*.yaml")):
        name = display_name(path)
        relative = path.relative_to(root).as_posix()
        text = ""
        try:
            text = read_catalog_file(path)
            key = cache.key(text)
            data = cache.get(key)
            if data is None:
                builder = builder or DocumentBuilder(YAML(typ="safe", pure=False))
                data = builder.build(text)
                cache.put(key, data)
        except FileProblem as error:
            problems.error(Location(name, error.line, error.col), error.message, error.hint)
            continue
        except Problem as error:
            problems.error(Location(name, error.line + 1, error.col + 1), error.message, error.hint)
            continue
        except MarkedYAMLError as error:
            line, col, message, hint = syntax_problem(error)
            problems.error(Location(name, line, col), message, hint)
            continue
        except ReaderError as error:
            line, col, message, hint = reader_problem(error, text)
            problems.error(Location(name, line, col), message, hint)
            continue
        documents.append(Document(name, relative, data))
    cache.save()
    problems.raise_if_any()
    return LoadedCatalog(root, tuple(documents))
