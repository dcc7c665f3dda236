"""Outputs the formatter skips must already be exactly what black would make of them,
and the formatter must still format any other Python output, each content once."""

from __future__ import annotations

import black
import pytest

from intercom_gen.formatting import Formatter, black_mode, is_black_stable
from intercom_gen.pipeline import generate, resolve_catalog

RESOLVED = resolve_catalog()


@pytest.mark.parametrize("version", RESOLVED.supported)
def test_black_leaves_black_stable_outputs_unchanged(version: str) -> None:
    files = generate(RESOLVED, [version], formatter=Formatter(use_disk_cache=False))[version]
    stable = sorted(p for p in files if p.endswith(".py") and is_black_stable(p))
    assert "python/intercom_api/client.py" in stable and "python/intercom_api/models/__init__.py" in stable
    assert any(p.startswith("python/intercom_api/resources/") for p in stable)
    assert any(p.startswith("python/intercom_api/models/") and not p.endswith("__init__.py") for p in stable)
    changed = [p for p in stable if black.format_str(files[p], mode=black_mode()) != files[p]]
    assert changed == [], f"black would change {changed} for {version}: fix the template's layout"


def test_other_python_is_formatted_once_per_distinct_content() -> None:
    formatter = Formatter(use_disk_cache=False)
    ugly = "x = {'a':1}\n"
    result = formatter.format_tree({"tools/a.py": ugly, "tools/b.py": ugly, "notes.md": ugly})
    assert result["tools/a.py"] == result["tools/b.py"] == 'x = {"a": 1}\n'
    assert result["notes.md"] == ugly
    assert formatter.formatted == 1
