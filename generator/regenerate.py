"""The main job behind the command line: regenerate OUT/<version>/ for some versions and
targets, or check it (`--check`), and say what a user should run to fix what is stale."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from .diagnostics import OutputError
from .pipeline import Resolved, generate, owned_by, with_untouched
from .reader import VERSION
from .write import StagedTree, stale_files


def generate_trees(
    resolved: Resolved, versions: Sequence[str], out: Path, templates: Path, targets: Sequence[str]
) -> dict[str, dict[str, str]]:
    """What OUT/<version>/ should hold: every target's files, or, with --target, the
    named targets' files beside the others' as they are."""
    trees = generate(resolved, versions, templates, targets=targets)
    if not targets:
        return trees
    owns = owned_by(targets, templates)
    return {version: with_untouched(out / version, files, owns) for version, files in trees.items()}


def stray_versions(resolved: Resolved, out: Path) -> list[Path]:
    """Version folders in OUT for versions the catalog no longer has (a removed
    versions/<v>.yaml); other folders there are not intercom-gen's and are left alone."""
    if not out.is_dir():
        return []
    return [
        p for p in sorted(out.iterdir()) if p.is_dir() and VERSION.match(p.name) and p.name not in resolved.supported
    ]


def regenerate(
    resolved: Resolved, versions: Sequence[str], out: Path, templates: Path, targets: Sequence[str]
) -> list[str]:
    """Write every version's tree; a full run (every version, every target) also removes
    stray version folders. Returns one line a version (and a stray) for the user.

    Each version's rendered files go into its new tree as soon as they are made, while
    the models are still being made; the trees are swapped in once complete."""
    trees: dict[str, StagedTree] = {}
    try:
        for version in versions:
            trees[version] = StagedTree(out / version)
        files = generate(resolved, versions, templates, targets=targets, on_rendered=lambda v, made: trees[v].add(made))
        lines = []
        for version in versions:
            complete = with_untouched(out / version, files[version], owned_by(targets, templates)) if targets else files[version]
            trees[version].add({path: text for path, text in complete.items() if not trees[version].holds(path)})
            changed = trees[version].commit()
            state = f"{len(changed)} file(s) changed" if changed else "unchanged"
            lines.append(f"{out / version}: {len(complete)} files, {state}")
    finally:
        for tree in trees.values():
            tree.close()
    if not targets and list(versions) == list(resolved.supported):
        for folder in stray_versions(resolved, out):
            try:
                shutil.rmtree(folder)
            except OSError as error:
                raise OutputError(str(folder), f"could not remove {folder}: {error.strerror or error}") from error
            lines.append(f"{folder}: removed (the catalog has no version {folder.name})")
    return lines


def stale_paths(
    resolved: Resolved, versions: Sequence[str], out: Path, templates: Path, targets: Sequence[str]
) -> list[str]:
    """Every path under OUT that differs from what a regeneration would write."""
    stale = []
    for version, files in generate_trees(resolved, versions, out, templates, targets).items():
        stale += [f"{out / version / path}" for path in stale_files(out / version, files)]
    if not targets and list(versions) == list(resolved.supported):
        stale += [str(p) for p in stray_versions(resolved, out)]
    return stale
