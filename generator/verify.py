"""Verify: before anything is written, every generated Python module must compile and
every JSON, TOML and YAML file must parse. A failure is intercom-gen's bug (exit 3) and
the previous output is kept. Each distinct content is verified once: the digests of
verified texts are kept in the cache folder, so an unchanged regeneration only hashes."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path

from .cache_files import cache_path
from .diagnostics import InternalError


class InvalidOutput(InternalError):
    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        super().__init__(f"generated file {path} is not valid: {reason}")


def _python(path: str, text: str) -> None:
    compile(text, path, "exec", dont_inherit=True)


def _yaml(path: str, text: str) -> None:
    from ruamel.yaml import YAML

    # Parsing to events (in C) finds every syntax error at an eighth of the cost of
    # building the document, which the OpenAPI export's 240 KB would make noticeable.
    for _ in YAML(typ="safe", pure=False).parse(text):
        pass


CHECKS: Mapping[str, Callable[[str, str], object]] = {
    ".py": _python,
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
            check = CHECKS.get(os.path.splitext(path)[1])
            if check is None:
                continue
            digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]
            if digest in self.known:
                continue
            try:
                check(path, text)
            except Exception as error:  # every parser raises its own kind; all mean a bug here
                where = getattr(error, "lineno", None)
                detail = f"{type(error).__name__}" + (f" at line {where}" if where else "") + f": {error}"
                raise InvalidOutput(f"{label}/{path}", detail) from error
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



