"""Python literals written the way black writes them, so generated modules need no
reformatting: double-quoted strings, tuples with a trailing comma when alone."""

from __future__ import annotations

import json
import re
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



def import_statement(module: str, names: tuple[str, ...], indent: int, width: int = 100) -> str:
    """`from module import a, b` as black lays it out at `indent`: on one line when it
    fits in `width`, else one name a line in parentheses, with a trailing comma."""
    pad = " " * indent
    line = f"{pad}from {module} import {', '.join(names)}"
    if len(line) <= width:
        return line
    inner = "".join(f"{pad}    {name},\n" for name in names)
    return f"{pad}from {module} import (\n{inner}{pad})"


def docstring_text(text: str) -> str:
    """Catalog prose made safe inside a triple-quoted docstring: backslashes are doubled,
    and a quote that could close the docstring (one before another quote, or the last
    character) is escaped, so the text stays text."""
    return re.sub(r'"(?=")|"$', r'\\"', text.replace("\\", "\\\\"))


def fstring_argument(text: str) -> str:
    """A string literal to pass inside an f-string's braces (before Python 3.12 it may not
    use the f-string's own double quotes, nor any backslash): single-quoted, and only for
    text that needs no escape at all, such as an identifier."""
    if not text.isprintable() or any(c in text for c in "'\"\\{}"):
        raise ValueError(f"{text!r} cannot be quoted inside an f-string")
    return "'" + text + "'"


def fstring(parts: tuple[tuple[bool, str], ...]) -> str:
    """A double-quoted literal from (is_code, text) parts: an f-string placing each code
    part in braces when there is one, else a plain string. Text is escaped as JSON escapes
    it (valid in Python too), and its braces are doubled in an f-string."""
    if not any(is_code for is_code, _ in parts):
        return literal("".join(text for _, text in parts))
    body = "".join(
        "{" + text + "}" if is_code else json.dumps(text, ensure_ascii=False)[1:-1].replace("{", "{{").replace("}", "}}")
        for is_code, text in parts
    )
    return 'f"' + body + '"'
