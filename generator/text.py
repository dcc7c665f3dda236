"""Text helpers every view shares. A leaf module: it imports nothing of the generator,
so any view may use it without an import circle."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from json.encoder import encode_basestring
from typing import Any

# How every output shows a permission (and so its scopes) that Intercom does not document.
NOT_DOCUMENTED = "not documented"


def one_line(text: str) -> str:
    """Catalog prose as one line: YAML block scalars keep their line breaks, which no
    table cell, docstring line or summary field should."""
    return " ".join(text.split())


def to_json(document: Any) -> str:
    """`json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False)`, byte for byte,
    in a third of the time: with an indent the standard library leaves its C encoder for
    a generator per container, and the generated JSON files are a tenth of a run. Only
    the strings go through json's C escaping here; anything but JSON's own types (and
    str keys) is left to json.dumps itself."""
    parts: list[str] = []
    try:
        _put_json(document, "\n", parts.append)
    except _NotPlainJson:
        return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False)
    return "".join(parts)


class _NotPlainJson(Exception):
    pass


def _put_json(value: Any, newline: str, put: Callable[[str], None]) -> None:
    if isinstance(value, str):
        put(encode_basestring(value))
    elif isinstance(value, dict):
        if not value:
            put("{}")
            return
        inner, opening = newline + "  ", "{"
        for key in sorted(value):
            if not isinstance(key, str):
                raise _NotPlainJson
            put(opening + inner + encode_basestring(key) + ": ")
            _put_json(value[key], inner, put)
            opening = ","
        put(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            put("[]")
            return
        inner, opening = newline + "  ", "["
        for item in value:
            put(opening + inner)
            _put_json(item, inner, put)
            opening = ","
        put(newline + "]")
    elif value is None:
        put("null")
    elif value is True:
        put("true")
    elif value is False:
        put("false")
    elif isinstance(value, int):
        put(int.__repr__(value))
    elif isinstance(value, float) and math.isfinite(value):
        put(float.__repr__(value))
    else:
        raise _NotPlainJson
