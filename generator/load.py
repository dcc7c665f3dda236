"""Read every catalog file with ruamel's round-trip loader, which keeps positions."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError

from generator.diagnostics import Collector, Location


@dataclass(frozen=True)
class Document:
    """One parsed catalog file: `data` is the ruamel tree, `name` its display path."""

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


def load_catalog(root: Path) -> LoadedCatalog:
    """Parse every `*.yaml` below `root`; syntax errors are collected, not raised one by one."""
    problems = Collector()
    if not root.is_dir():
        problems.error(Location(display_name(root)), "catalog folder not found", "pass --catalog DIR")
        problems.raise_if_any()
    yaml = YAML(typ="rt")
    documents = []
    for path in sorted(root.rglob("*.yaml")):
        name = display_name(path)
        relative = path.relative_to(root).as_posix()
        try:
            data = yaml.load(path.read_text(encoding="utf-8"))
        except MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
            problems.error(Location(name, line, col), f"invalid YAML: {error.problem or error.context}")
            continue
        except UnicodeDecodeError:
            problems.error(Location(name), "not UTF-8 text", "save the file as UTF-8")
            continue
        documents.append(Document(name, relative, data))
    problems.raise_if_any()
    return LoadedCatalog(root, tuple(documents))
