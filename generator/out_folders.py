"""The version folders of an output folder: OUT/<version>/ is intercom-gen's, any other
folder there is someone else's and is left alone."""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path

# ASCII digits, no leading zeros: `\d` would also take other scripts' digits.
VERSION = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")


def stray_versions(supported: Collection[str], out: Path) -> list[Path]:
    """Version folders in OUT for versions the catalog no longer has (a removed
    versions/<v>.yaml)."""
    if not out.is_dir():
        return []
    return [p for p in sorted(out.iterdir()) if p.is_dir() and VERSION.match(p.name) and p.name not in supported]
