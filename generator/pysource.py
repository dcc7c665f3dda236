"""Python literals written the way black writes them, so generated modules need no
reformatting: double-quoted strings, tuples with a trailing comma when alone."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def literal(value: Any) -> str:
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, bool) or value is None or isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, tuple):
        inner = ", ".join(literal(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, list):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, frozenset):
        return "frozenset({" + ", ".join(literal(v) for v in sorted(value)) + "})" if value else "frozenset()"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{literal(k)}: {literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no Python literal for {type(value).__name__}")


def _string(text: str) -> str:
    quoted = repr(text)
    # black prefers double quotes unless that would need more escapes.
    if quoted.startswith("'") and '"' not in text:
        return '"' + quoted[1:-1].replace("\\'", "'") + '"'
    return quoted


def block_literal(items: tuple[Any, ...], indent: int) -> str:
    """A tuple laid out as black lays it out when it may not fit one line: one item a
    line with a trailing comma (which black then keeps). A one-item tuple's comma is
    syntax, not a layout choice, so black keeps it inline and so do we."""
    if len(items) < 2:
        return literal(items)
    inner = " " * (indent + 4)
    lines = "".join(f"{inner}{literal(item)},\n" for item in items)
    return f"(\n{lines}{' ' * indent})"
