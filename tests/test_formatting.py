"""Outputs the formatter skips must already be exactly what black would make of them."""

from __future__ import annotations

import black
import pytest

from generator.formatting import BLACK_STABLE, MODE, Formatter
from generator.pipeline import generate, resolve_catalog

RESOLVED = resolve_catalog()


@pytest.mark.parametrize("version", RESOLVED.supported)
def test_black_leaves_black_stable_outputs_unchanged(version: str) -> None:
    files = generate(RESOLVED, [version], formatter=Formatter(use_disk_cache=False))[version]
    for path in sorted(BLACK_STABLE):
        assert path in files, f"{path} is declared black-stable but is not generated"
        assert black.format_str(files[path], mode=MODE) == files[path], f"black would change {path} for {version}"
