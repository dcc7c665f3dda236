"""The main job behind the command line: regenerate OUT/<version>/ for some versions and
targets, or check it (`--check`), and say what a user should run to fix what is stale."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .out_folders import stray_versions
from .pipeline import Resolved, generate, owned_by, with_untouched
from .write import StagedTree, remove_strays, stale_files, summary


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


def regenerate(
    resolved: Resolved, versions: Sequence[str], out: Path, templates: Path, targets: Sequence[str]
) -> tuple[list[str], dict[str, dict[str, str]]]:
    """Write every version's tree; a full run (every version, every target) also removes
    stray version folders. Returns one line a version (and a stray) for the user, and
    what each version's tree now holds.

    Each version's rendered files go into its new tree as soon as they are made, while
    the models are still being made; the trees are swapped in once complete."""
    owns = owned_by(targets, templates) if targets else None
    staged: dict[str, StagedTree] = {}
    try:
        for version in versions:
            staged[version] = StagedTree(out / version)
        files = generate(resolved, versions, templates, targets=targets, on_rendered=lambda v, made: staged[v].add(made))
        lines, written = [], {}
        for version in versions:
            complete = files[version] if owns is None else with_untouched(out / version, files[version], owns)
            staged[version].add({path: text for path, text in complete.items() if not staged[version].holds(path)})
            lines.append(summary(out / version, len(complete), staged[version].commit()))
            written[version] = complete
    finally:
        for tree in staged.values():
            tree.close()
    if not targets and list(versions) == list(resolved.supported):
        lines += remove_strays(stray_versions(resolved.supported, out))
    return lines, written


def stale_paths(
    resolved: Resolved, versions: Sequence[str], out: Path, templates: Path, targets: Sequence[str]
) -> list[str]:
    """Every path under OUT that differs from what a regeneration would write."""
    stale = []
    for version, files in generate_trees(resolved, versions, out, templates, targets).items():
        stale += [f"{out / version / path}" for path in stale_files(out / version, files)]
    if not targets and list(versions) == list(resolved.supported):
        stale += [str(p) for p in stray_versions(resolved.supported, out)]
    return stale
