"""Verify: before anything is written, every generated Python module must compile and
every JSON, TOML and YAML file must parse. A failure is intercom-gen's bug (exit 3) and
the previous output is kept. Each distinct content is verified once: the digests of
verified texts are kept in the cache folder, so an unchanged regeneration only hashes.

A Python module is compiled a top-level block at a time (its opening lines, then each
class or function with its decorators), each distinct block once: the versions of a run
share most of their classes, and an edit to the catalog changes a few. A module whose
blocks all compile on their own compiles whole, since each block then ends outside
any string, bracket or statement, so the blocks join as a sequence of statements. The
only module-wide rules a block alone cannot see are the ones on `from __future__`
(later blocks are compiled with the opening block's future flags) and on `global` and
`nonlocal` at module level; a module with either of those past its opening block is
compiled whole, as is one whose blocks do not all compile, which also reports its error
at its true line."""

from __future__ import annotations
import __future__

import contextlib
import functools
import hashlib
import json
import operator
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path

from .cache_files import cache_path
from .diagnostics import InternalError

# A line at column 0 starting one of these begins a block (a decorator, its definition).
BLOCK_START = re.compile(r"^(?:class |def |async def |@)", re.MULTILINE)
# Past the opening block, a line starting with one of these makes the module compile whole.
MODULE_WIDE = re.compile(r"^(?:from __future__|global |nonlocal )", re.MULTILINE)
# Every flag a `from __future__` statement sets, which a later block is compiled with.
FUTURE_FLAGS = functools.reduce(operator.or_, (getattr(__future__, name).compiler_flag for name in __future__.all_feature_names))


class InvalidOutput(InternalError):
    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        super().__init__(f"generated file {path} is not valid: {reason}")


def python_blocks(text: str) -> list[str] | None:
    """The module's top-level blocks, in order; None for a module to compile whole."""
    cuts = []
    decorated = False  # the line before is a decorator: its definition stays with it
    for start in BLOCK_START.finditer(text):
        if not decorated and start.start() > 0:
            cuts.append(start.start())
        decorated = text.startswith("@", start.start())
    if cuts and MODULE_WIDE.search(text, cuts[0]):
        return None
    return [text[begin:end] for begin, end in zip([0, *cuts], [*cuts, len(text)], strict=True)]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _yaml(path: str, text: str) -> None:
    from ruamel.yaml import YAML

    # Parsing to events (in C) finds every syntax error at an eighth of the cost of
    # building the document, which the OpenAPI export's 240 KB would make noticeable.
    for _ in YAML(typ="safe", pure=False).parse(text):
        pass


# By extension; a Python module is compiled by the Verifier, which knows its blocks.
CHECKS: Mapping[str, Callable[[str, str], object]] = {
    ".json": lambda path, text: json.loads(text),
    ".toml": lambda path, text: tomllib.loads(text),
    ".yaml": _yaml,
    ".yml": _yaml,
}


class Verifier:
    def __init__(self, use_disk_cache: bool = True) -> None:
        self.file = Path(cache_path("verified.txt")) if use_disk_cache else None
        self.known: set[str] = set()
        if self.file is not None:
            # No record yet (or an unreadable one): everything is verified.
            with contextlib.suppress(OSError, UnicodeDecodeError):
                self.known = set(self.file.read_text(encoding="ascii").split())
        self.added: list[str] = []

    def verify_tree(self, label: str, files: Mapping[str, str]) -> None:
        for path, text in files.items():
            extension = os.path.splitext(path)[1]
            check = self._compile if extension == ".py" else CHECKS.get(extension)
            if check is None:
                continue
            digest = _digest(text)
            if digest in self.known:
                continue
            try:
                check(path, text)
            except Exception as error:  # every parser raises its own kind; all mean a bug here
                where = getattr(error, "lineno", None)
                detail = f"{type(error).__name__}" + (f" at line {where}" if where else "") + f": {error}"
                raise InvalidOutput(f"{label}/{path}", detail) from error
            self._remember(digest)

    def _compile(self, path: str, text: str) -> None:
        blocks = python_blocks(text)
        if blocks is None:
            compile(text, path, "exec", dont_inherit=True)
            return
        verified = []
        try:
            flags = compile(blocks[0], path, "exec", dont_inherit=True).co_flags & FUTURE_FLAGS
            for block in blocks[1:]:
                digest = _digest(f"{flags}\0{block}")
                if digest not in self.known:
                    compile(block, path, "exec", flags=flags, dont_inherit=True)
                    verified.append(digest)
        except SyntaxError:
            compile(text, path, "exec", dont_inherit=True)  # raises at the true line, or the split was in a string
            return
        for digest in verified:
            self._remember(digest)

    def _remember(self, digest: str) -> None:
        if digest not in self.known:
            self.known.add(digest)
            self.added.append(digest)

    def save(self) -> None:
        if self.file is None or not self.added:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            with open(self.file, "a", encoding="ascii") as record:
                record.write("".join(d + "\n" for d in self.added))
        except OSError:
            pass  # the record only saves time
        self.added = []
