"""Write again what a recent run generated from the very same inputs, without loading
the catalog or rendering anything.

A plain regeneration keeps its trees in the cache, packed in one file named for the
inputs' content digest (the catalog, the templates, intercom-gen's own source, the
versions of the libraries it uses, and the versions asked for) and for the catalog's
folder. A later plain run into a folder that is not current, a new checkout or output
folder with the cache kept (a docs build restoring its cache, say), writes the packed
trees the way the full run would: atomically, unchanged files left as they are, stray
version folders removed. Any input that differs gives another digest, and a full run.

Only the standard library and generator.write are imported: this runs before click
and the pipeline's stages are loaded."""

from __future__ import annotations

import marshal
import os

from .cache_files import cache_path, folder_tag, keep_file
from .fingerprint import Folder, Inputs

TYPE_CHECKING = False  # not typing's: importing typing would cost this path 3 ms
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

# Raised whenever a pack's contents change shape; an older pack is not used.
PACK_FORMAT = 1
# Packs kept, the least recently used dropped first; each is one run's output, about
# 2.5 MB a version.
PACKS_KEPT = 6
PACK_SUFFIX = ".pack"
PACKS_FOLDER = "trees"

Trees = dict[str, dict[str, str]]
"""Each version's files, by path below OUT/<version>/."""


def _pack_file(inputs: Inputs, catalog: Folder) -> str:
    return cache_path(PACKS_FOLDER, f"{inputs.digest()}-{folder_tag(os.fspath(catalog))}{PACK_SUFFIX}")


def keep(inputs: Inputs, catalog: Folder, supported: Sequence[str], trees: Mapping[str, Mapping[str, str]]) -> None:
    """Pack a plain run's trees for a later run from the same inputs."""
    path = _pack_file(inputs, catalog)
    data = marshal.dumps((PACK_FORMAT, list(supported), {v: dict(files) for v, files in trees.items()}))
    if keep_file(path, data):
        _drop_least_recent(os.path.dirname(path))


def _drop_least_recent(folder: str) -> None:
    packs = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.endswith(PACK_SUFFIX):
            try:
                packs.append((entry.stat().st_mtime_ns, entry.path))
            except OSError:
                continue
    for _, path in sorted(packs, reverse=True)[PACKS_KEPT:]:
        try:
            os.remove(path)
        except OSError:
            continue


def packed(inputs: Inputs, catalog: Folder, versions: Sequence[str]) -> tuple[list[str], Trees] | None:
    """The supported versions and the trees packed for these inputs, or None."""
    try:
        if not any(name.endswith(PACK_SUFFIX) for name in os.listdir(cache_path(PACKS_FOLDER))):
            return None
    except OSError:
        return None  # no run kept a pack here: a cold run starts without the inputs' digest
    path = _pack_file(inputs, catalog)
    try:
        with open(path, "rb") as stream:
            unpacked = marshal.loads(stream.read())
        os.utime(path)  # recently used
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(unpacked, tuple) and len(unpacked) == 3 and unpacked[0] == PACK_FORMAT):
        return None
    _, supported, trees = unpacked
    if not isinstance(trees, dict) or list(trees) != list(versions):
        return None
    return supported, trees


def replay(out: Folder, inputs: Inputs, catalog: Folder, versions: Sequence[str]) -> list[str] | None:
    """Write the packed trees into OUT, one line a version (and a stray) for the user,
    as the full run says it; None, having written nothing, when there is no pack. A
    failure to write raises: the full run then meets it again and reports it."""
    found = packed(inputs, catalog, versions)
    if found is None:
        return None
    supported, trees = found
    from pathlib import Path

    from .out_folders import stray_versions
    from .write import remove_strays, summary, write_tree

    lines = [summary(Path(out) / version, len(files), write_tree(Path(out) / version, files)) for version, files in trees.items()]
    if list(versions) == list(supported):
        lines += remove_strays(stray_versions(supported, Path(out)))
    return lines
