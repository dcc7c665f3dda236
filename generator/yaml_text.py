"""JSON-shaped data (dicts, lists, strings, numbers, booleans, null) as block-style YAML,
keys sorted, every string quoted unless it is plainly a string to both YAML 1.1 and 1.2
readers. A generated file's YAML is written here rather than by a general emitter: the
data has no anchors, tags or comments, and a direct walk costs a fraction of ruamel's
representer on the 240 KB OpenAPI export (verified by parsing back in the tests)."""

from __future__ import annotations

import json
import re
from json.encoder import encode_basestring
from typing import Any

# Plain (unquoted) only when a reader cannot take it for anything but this string: it
# starts with a letter, holds no YAML indicator that matters mid-scalar, and is no word
# that YAML 1.1 reads as a boolean or null.
PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 _./()+-]*$")
# What JSON leaves as is but a YAML reader would not read back as itself: line and
# paragraph separators and NEL (line breaks to YAML, folded in quoted scalars), DEL, the
# C1 controls and the byte-order mark (not printable to YAML).
YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff]")
RESERVED_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf"})


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    text = str(value)
    if PLAIN.match(text) and not text.endswith(" ") and text.lower() not in RESERVED_WORDS:
        return text
    # A JSON string is a valid YAML double-quoted scalar, escapes and all.
    return YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", encode_basestring(text))


def _emit(value: Any, indent: str, lines: list[str]) -> None:
    """Append the lines of a mapping's or sequence's contents at `indent`."""
    if isinstance(value, dict):
        for key in sorted(value):
            _entry(f"{indent}{_scalar(key)}:", value[key], indent, lines)
    else:
        for item in value:
            _entry(f"{indent}-", item, indent, lines)


def _entry(head: str, value: Any, indent: str, lines: list[str]) -> None:
    if isinstance(value, (dict, list)) and value:
        if isinstance(value, list) and head.endswith(":"):
            lines.append(head)
            _emit(value, indent, lines)  # a sequence under a key sits at the key's indent
        elif isinstance(value, dict) and head.endswith("-"):
            # A mapping in a sequence starts on the dash's line: `- key: value`.
            start = len(lines)
            _emit(value, indent + "  ", lines)
            lines[start] = head + " " + lines[start][len(indent) + 2 :]
        else:
            lines.append(head)
            _emit(value, indent + "  ", lines)
    elif isinstance(value, (dict, list)):
        lines.append(f"{head} {'{}' if isinstance(value, dict) else '[]'}")
    else:
        lines.append(f"{head} {_scalar(value)}")


def to_yaml(document: dict[str, Any]) -> str:
    lines: list[str] = []
    _emit(document, "", lines)
    return "\n".join(lines) + "\n"
