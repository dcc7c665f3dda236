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


class _Lines:
    """One document's lines. Keys and many values repeat throughout a document, so each
    distinct string is judged once."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.written: dict[str, str] = {}

    def scalar(self, value: Any) -> str:
        if type(value) is not str:
            return _scalar(value)
        written = self.written.get(value)
        if written is None:
            written = self.written[value] = _scalar(value)
        return written

    def emit(self, value: Any, indent: str) -> None:
        """Append the lines of a mapping's or sequence's contents at `indent`."""
        if isinstance(value, dict):
            for key in sorted(value):
                self.entry(f"{indent}{self.scalar(key)}:", value[key], indent)
        else:
            for item in value:
                self.entry(f"{indent}-", item, indent)

    def entry(self, head: str, value: Any, indent: str) -> None:
        lines = self.lines
        if isinstance(value, (dict, list)) and value:
            if isinstance(value, list) and head.endswith(":"):
                lines.append(head)
                self.emit(value, indent)  # a sequence under a key sits at the key's indent
            elif isinstance(value, dict) and head.endswith("-"):
                # A mapping in a sequence starts on the dash's line: `- key: value`.
                start = len(lines)
                self.emit(value, indent + "  ")
                lines[start] = head + " " + lines[start][len(indent) + 2 :]
            else:
                lines.append(head)
                self.emit(value, indent + "  ")
        elif isinstance(value, (dict, list)):
            lines.append(f"{head} {'{}' if isinstance(value, dict) else '[]'}")
        else:
            lines.append(f"{head} {self.scalar(value)}")


def to_yaml(document: dict[str, Any]) -> str:
    written = _Lines()
    written.emit(document, "")
    return "\n".join(written.lines) + "\n"
