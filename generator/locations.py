"""Where the shipped catalog and templates are (see generator.shipped)."""

from __future__ import annotations

from pathlib import Path

from .shipped import shipped_folder

DEFAULT_CATALOG = Path(shipped_folder("catalog"))
DEFAULT_TEMPLATES = Path(shipped_folder("templates"))
