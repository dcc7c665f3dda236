"""Write a rendered tree atomically: build it beside the target, then swap it in."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def read_tree(folder: Path) -> dict[str, str]:
    if not folder.is_dir():
        return {}
    tree = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            tree[path.relative_to(folder).as_posix()] = path.read_text(encoding="utf-8")
    return tree


def stale_files(folder: Path, files: dict[str, str]) -> list[str]:
    """Paths that differ between `folder` and `files`: changed, missing or left over."""
    current = read_tree(folder)
    return sorted(p for p in set(current) | set(files) if current.get(p) != files.get(p))


def write_tree(folder: Path, files: dict[str, str]) -> list[str]:
    """Make `folder` hold exactly `files`; returns the paths that changed.

    Unchanged files are hard-linked into the new tree, so they keep their inode and
    modification time. A failure before the swap leaves `folder` exactly as it was."""
    changed = stale_files(folder, files)
    if not changed:
        return []
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.new-", dir=folder.parent))
    try:
        for relative, text in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            existing = folder / relative
            if relative not in changed:
                try:
                    os.link(existing, target)
                    continue
                except OSError:
                    pass
            with open(target, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap(folder, staging)
    return changed


def _swap(folder: Path, staging: Path) -> None:
    """Put `staging` where `folder` is. Two renames; should the second fail, the first
    is undone, so the previous tree is back in place."""
    retired = folder.parent / f".{folder.name}.old-{os.getpid()}"
    had_previous = folder.exists()
    if had_previous:
        os.replace(folder, retired)
    try:
        os.replace(staging, folder)
    except BaseException:
        if had_previous:
            os.replace(retired, folder)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if had_previous:
        shutil.rmtree(retired, ignore_errors=True)
