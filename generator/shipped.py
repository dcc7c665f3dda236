"""Where the shipped catalog and templates are, by os.path alone: the no-op check in
generator.entry runs before pathlib (and the `re` and `enum` it imports, about 13 ms) is
loaded. generator.locations gives the same folders as Path objects to everything else."""

from __future__ import annotations

import os

PACKAGE = os.path.dirname(os.path.abspath(__file__))


def shipped_folder(name: str) -> str:
    """A data folder shipped in the wheel, or the checkout's own in a source install."""
    shipped = os.path.join(PACKAGE, name)
    return shipped if os.path.isdir(shipped) else os.path.join(os.path.dirname(PACKAGE), name)
