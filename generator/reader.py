"""Reading one catalog document: check a mapping's keys and value kinds, and say where
each value is, so every problem is reported at its file, line and column."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from .diagnostics import Collector, Location, did_you_mean
from .load import Document
from .out_folders import VERSION

HTTPS_URL = re.compile(r"^https://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~/-]*)?$")
HEADER_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*$")
ENV_NAME = re.compile(r"^[A-Z_][A-Z0-9_]*$")
SNAKE_ID = re.compile(r"^[a-z][a-z0-9_]*$")


# Key kinds: how a value is checked and converted.
def is_text(v: Any) -> bool:
    return isinstance(v, str) and v.strip() != ""


KINDS: Mapping[str, tuple[Callable[[Any], bool], str]] = MappingProxyType(
    {
        "str": (is_text, "a non-empty string"),
        "str?": (lambda v: v is None or is_text(v), "a string or null"),
        "text": (lambda v: isinstance(v, str), "a string"),
        "int": (lambda v: isinstance(v, int) and not isinstance(v, bool), "a whole number"),
        "bool": (lambda v: isinstance(v, bool), "true or false"),
        "list": (lambda v: isinstance(v, list), "a list"),
        "map": (lambda v: isinstance(v, Mapping), "a mapping"),
        "strs": (lambda v: isinstance(v, list) and all(is_text(x) for x in v), "a list of strings"),
        "ints": (
            lambda v: isinstance(v, list)
            and all(isinstance(x, int) and not isinstance(x, bool) for x in v),
            "a list of whole numbers",
        ),
        "version": (lambda v: isinstance(v, str) and bool(VERSION.match(v)), 'a quoted version like "2.15"'),
        "https_url": (lambda v: isinstance(v, str) and bool(HTTPS_URL.match(v)), "an https:// URL with no query or fragment"),
        "header": (lambda v: isinstance(v, str) and bool(HEADER_NAME.match(v)), "an HTTP header name such as X-RateLimit-Limit"),
        "env_name": (lambda v: isinstance(v, str) and bool(ENV_NAME.match(v)), "an environment variable name such as INTERCOM_ACCESS_TOKEN"),
        "snake_id": (lambda v: isinstance(v, str) and bool(SNAKE_ID.match(v)), "a snake_case id such as us"),
        "positive_int": (lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 1, "a whole number of at least 1"),
        "field_path": (
            lambda v: isinstance(v, str) and bool(re.match(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$", v)),
            "a dotted field path such as pages.next.starting_after",
        ),
        "any": (lambda v: True, "anything"),
    }
)


@dataclass(frozen=True)
class Key:
    kind: str
    required: bool = True
    choices: tuple[str, ...] = ()


class Reader:
    """Reads one document, recording every problem with its position."""

    def __init__(self, document: Document, problems: Collector) -> None:
        self.document = document
        self.problems = problems

    def error(self, location: Location, message: str, hint: str = "") -> None:
        self.problems.error(location, message, hint)

    def here(self, node: Any = None) -> Location:
        lc = getattr(node, "lc", None)
        if lc is None or lc.line is None:
            return Location(self.document.name, 1, 1)
        return Location(self.document.name, lc.line + 1, lc.col + 1)

    def key_at(self, node: Any, key: str) -> Location:
        try:
            line, col = node.lc.key(key)
        except (AttributeError, KeyError, TypeError):
            return self.here(node)
        return Location(self.document.name, line + 1, col + 1)

    def value_at(self, node: Any, key: str) -> Location:
        try:
            line, col = node.lc.value(key)
        except (AttributeError, KeyError, TypeError):
            return self.key_at(node, key)
        return Location(self.document.name, line + 1, col + 1)

    def item_at(self, node: Any, index: int) -> Location:
        try:
            line, col = node.lc.item(index)
        except (AttributeError, KeyError, TypeError, IndexError):
            return self.here(node)
        return Location(self.document.name, line + 1, col + 1)

    def spots(self, node: Any) -> Mapping[str, Location]:
        if not isinstance(node, Mapping):
            return MappingProxyType({})
        return MappingProxyType({str(k): self.value_at(node, k) for k in node})

    def check(self, node: Any, at: Location, what: str, keys: Mapping[str, Key]) -> bool:
        """Check a mapping's keys and value kinds; True when it can be built from."""
        if not isinstance(node, Mapping):
            self.error(at, f"{what} must be a mapping")
            return False
        ok = True
        for name in node:
            if name not in keys:
                hint = did_you_mean(str(name), keys) or "allowed: " + ", ".join(keys)
                self.error(self.key_at(node, name), f"unknown key {name!r} in {what}", hint)
                ok = False
        for name, key in keys.items():
            if name not in node:
                if key.required:
                    self.error(self.here(node), f"{what} is missing required key {name!r}")
                    ok = False
                continue
            value = node[name]
            test, described = KINDS[key.kind]
            if not test(value):
                hint = 'quote it: YAML reads an unquoted 2.10 as the number 2.1' if key.kind == "version" and isinstance(value, float) else ""
                self.error(self.value_at(node, name), f"{name!r} in {what} must be {described}, not {value!r}", hint)
                ok = False
            elif key.choices and value is not None and value not in key.choices:
                hint = did_you_mean(str(value), key.choices) or "one of: " + ", ".join(key.choices)
                self.error(self.value_at(node, name), f"{name!r} in {what} has unknown value {value!r}", hint)
                ok = False
        return ok

    def items(self, node: Any, key: str, what: str) -> Iterator[tuple[Any, Location]]:
        """Each item of a list-valued key, with its position."""
        sequence = node.get(key) if isinstance(node, Mapping) else None
        if sequence is None:
            return
        if not isinstance(sequence, list):
            self.error(self.value_at(node, key), f"{key!r} in {what} must be a list")
            return
        for index, item in enumerate(sequence):
            yield item, self.item_at(sequence, index)
