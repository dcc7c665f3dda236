"""Where the shipped catalog and templates are."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def data_folder(name: str) -> Path:
    """A data folder shipped in the wheel, or the checkout's own in a source install."""
    shipped = PACKAGE / name
    return shipped if shipped.is_dir() else PACKAGE.parent / name


DEFAULT_CATALOG = data_folder("catalog")
DEFAULT_TEMPLATES = data_folder("templates")
