"""Templates only place values: every name, order, grouping and decision is the view's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from intercom_gen.locations import DEFAULT_TEMPLATES

TEMPLATES = sorted(p for p in DEFAULT_TEMPLATES.rglob("*.jinja"))
# Each is a sign of work a view should have done.
FORBIDDEN = {
    r"\{%-?\s*set\b": "computes a value ({% set %})",
    r"\{%-?\s*elif\b": "chooses among cases (elif): give the view a field",
    r"\|\s*(sort|dictsort|groupby|selectattr|rejectattr|unique|map)\b": "sorts, groups or filters data",
    r"\{%-?\s*do\b": "runs a statement ({% do %})",
    r"\{%-?\s*import\b": "imports macros from elsewhere",
}


def test_there_are_templates() -> None:
    assert len(TEMPLATES) > 20


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.relative_to(DEFAULT_TEMPLATES).as_posix())
def test_template_only_places_values(template: Path) -> None:
    text = template.read_text(encoding="utf-8")
    problems = [
        f"line {text.count(chr(10), 0, match.start()) + 1}: {why}"
        for pattern, why in FORBIDDEN.items()
        for match in re.finditer(pattern, text)
    ]
    assert problems == []
