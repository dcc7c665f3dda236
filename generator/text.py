"""Text helpers every view shares. A leaf module: it imports nothing of the generator,
so any view may use it without an import circle."""

from __future__ import annotations

import json
from typing import Any

# How every output shows a permission (and so its scopes) that Intercom does not document.
NOT_DOCUMENTED = "not documented"


def one_line(text: str) -> str:
    """Catalog prose as one line: YAML block scalars keep their line breaks, which no
    table cell, docstring line or summary field should."""
    return " ".join(text.split())


def to_json(document: Any) -> str:
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False)
