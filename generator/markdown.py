"""Catalog text placed in Markdown (the docs pages, the scope and webhook tables): the one
escaping helper for that language, used in templates as the `md` filter. Text stays text:
no raw HTML, no links, no code spans, and no line break or pipe to end a table cell."""

from __future__ import annotations

import re

# Markup characters Python-Markdown honours a backslash escape for, plus the table pipe.
ESCAPED = re.compile(r"([\\`\[\]|])")


def markdown_text(text: object) -> str:
    one_line = " ".join(str(text).split())
    # HTML passes through Markdown: the characters that would start it become entities.
    entities = one_line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return ESCAPED.sub(r"\\\1", entities)
