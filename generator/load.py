"""Read every catalog file, keeping the position of every key, value and item.

ruamel composes each file into nodes that carry their start line and column; with
ruamel.yaml.clib that runs in C, ten times faster than the round-trip loader, which
matters because loading is most of a run. Mappings and lists are rebuilt with the
same `.lc` position interface the round-trip loader offers, and scalars are typed by
ruamel's own YAML 1.2 constructor, so values read exactly as the round-trip loader
reads them."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.diagnostics import Collector, Location


class Positions:
    """0-based positions, as ruamel's `lc`: the container's own, each key's and value's
    (`key(k)`, `value(k)`) and each item's (`item(i)`)."""

    __slots__ = ("col", "items", "keys", "line", "values")

    def __init__(self, node: Node) -> None:
        self.line = node.start_mark.line
        self.col = node.start_mark.column
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


def _at(node: Node) -> tuple[int, int]:
    return node.start_mark.line, node.start_mark.column


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
    """The path a user can click: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path) if path.resolve().is_relative_to(Path.cwd()) else str(path)
    except ValueError:
        return str(path)


class DuplicateKey(Exception):
    def __init__(self, key: Any, first: Node, again: Node) -> None:
        self.key, self.first, self.again = key, first, again
        super().__init__(f"duplicate key {key!r}")


class Builder:
    """Turns composed nodes into data with positions."""

    def __init__(self, yaml: YAML) -> None:
        self.constructor = yaml.constructor

    def build(self, node: Node) -> Any:
        if isinstance(node, MappingNode):
            return self.mapping(node)
        if isinstance(node, SequenceNode):
            result = PositionedList(self.build(item) for item in node.value)
            result.lc = Positions(node)
            result.lc.items = [_at(item) for item in node.value]
            return result
        if isinstance(node, ScalarNode):
            return self.constructor.construct_object(node, deep=True)
        raise TypeError(f"unexpected YAML node {type(node).__name__}")

    def mapping(self, node: MappingNode) -> PositionedMap:
        result = PositionedMap()
        result.lc = Positions(node)
        seen: dict[Any, Node] = {}
        for key_node, value_node in self._pairs(node):
            key = self.build(key_node)
            if key in seen:
                raise DuplicateKey(key, seen[key], key_node)
            seen[key] = key_node
            result[key] = self.build(value_node)
            result.lc.keys[key] = _at(key_node)
            result.lc.values[key] = _at(value_node)
        return result

    def _pairs(self, node: MappingNode) -> Iterator[tuple[Node, Node]]:
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                # `<<: *anchor` merges another mapping's pairs in.
                sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
                for source in sources:
                    yield from self._pairs(source)
                continue
            yield key_node, value_node


def load_catalog(root: Path) -> LoadedCatalog:
    """Parse every `*.yaml` below `root`; syntax errors are collected, not raised one by one."""
    problems = Collector()
    if not root.is_dir():
        problems.error(Location(display_name(root)), "catalog folder not found", "pass --catalog DIR")
        problems.raise_if_any()
    yaml = YAML(typ="safe", pure=False)
    builder = Builder(yaml)
    documents = []
    for path in sorted(root.rglob("*.yaml")):
        name = display_name(path)
        relative = path.relative_to(root).as_posix()
        try:
            node = yaml.compose(path.read_text(encoding="utf-8"))
            data = builder.build(node) if node is not None else None
        except MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
            opened = error.context_mark
            hint = (
                f"{error.context} that starts at line {opened.line + 1}, column {opened.column + 1}"
                if error.context and opened is not None and error.problem_mark is not None and opened.line != mark.line
                else "check the indentation and the quoting around this point"
            )
            problems.error(Location(name, line, col), f"invalid YAML: {error.problem or error.context}", hint)
            continue
        except DuplicateKey as error:
            line, col = _at(error.again)
            first_line, first_col = _at(error.first)
            problems.error(
                Location(name, line + 1, col + 1),
                f"duplicate key {error.key!r}",
                f"it is already set at line {first_line + 1}, column {first_col + 1}; keep one",
            )
            continue
        except UnicodeDecodeError:
            problems.error(Location(name), "not UTF-8 text", "save the file as UTF-8")
            continue
        documents.append(Document(name, relative, data))
    problems.raise_if_any()
    return LoadedCatalog(root, tuple(documents))
