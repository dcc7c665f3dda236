"""The straight line: load -> validate -> resolve -> build views -> render -> format -> verify.

Returns {version: {relative path: text}}; nothing is written here, so `--check` is the
same run followed by a comparison."""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .catalog import Catalog
from .diagnostics import CatalogError, Diagnostic, Location
from .formatting import Formatter
from .load import display_name, load_catalog
from .locations import DEFAULT_CATALOG, DEFAULT_TEMPLATES
from .render import make_environment, output_pattern, render_tree, template_names
from .targets import Target, select_targets
from .validate import validate_catalog
from .verify import Verifier
from .versions import resolve_versions
from .views import build_views


@dataclass(frozen=True)
class Resolved:
    base: Catalog
    versions: Mapping[str, Catalog]

    @property
    def supported(self) -> tuple[str, ...]:
        return self.base.supported_versions


def resolve_catalog(catalog_folder: Path = DEFAULT_CATALOG) -> Resolved:
    base = validate_catalog(load_catalog(catalog_folder))
    return Resolved(base, resolve_versions(base))


def require_versions(resolved: Resolved, versions: Iterable[str], catalog_folder: Path) -> list[str]:
    wanted = list(versions)
    for version in wanted:
        if not version or version.startswith("-"):
            raise CatalogError(
                [
                    Diagnostic(
                        Location("--version"),
                        f"--version needs an API version, not {version!r}",
                        "for example --version " + resolved.supported[-1] + "; intercom-gen's own version is --tool-version",
                    )
                ]
            )
    unknown = [v for v in wanted if v not in resolved.supported]
    if unknown:
        raise CatalogError(
            Diagnostic(
                Location(display_name(catalog_folder / "versions")),
                f"unknown API version {v!r}",
                "supported: " + ", ".join(resolved.supported) + f"; to add one, create versions/{v}.yaml",
            )
            for v in unknown
        )
    return wanted


def generate(
    resolved: Resolved,
    versions: Iterable[str],
    templates: Path = DEFAULT_TEMPLATES,
    formatter: Formatter | None = None,
    targets: Sequence[str] = (),
    on_rendered: Callable[[str, Mapping[str, str]], None] | None = None,
) -> dict[str, dict[str, str]]:
    """{version: {path under generated/<version>/: text}} for the named targets (all
    when none is named). `on_rendered` is given each version's rendered files, formatted
    and verified, as soon as they are: before the models are waited for, so that a
    writer can put them in place meanwhile."""
    selected = select_targets(targets)
    versions = list(versions)
    formatter = formatter or Formatter()
    verifier = Verifier()
    built = build_views(resolved.versions, versions, selected)
    try:
        renderers = [(t, make_environment(templates / t.name), template_names(templates / t.name)) for t in selected]
        # Rendered files are formatted and verified while files made without a template
        # (the models, made in a child process) may still be on their way.
        rendered = {}
        for version in versions:
            files = {
                _placed(target, path): text
                for target, environment, names in renderers
                for path, text in render_tree(environment, names, built.views[version][target.name], f"{target.name}/").items()
            }
            rendered[version] = _finished(version, files, formatter, verifier)
            if on_rendered is not None:
                on_rendered(version, rendered[version])
        made = built.finish()
    finally:
        built.cancel()
    trees = {}
    for version in versions:
        files = {_placed(target, path): text for target in selected for path, text in made[version].get(target.name, {}).items()}
        trees[version] = dict(sorted({**rendered[version], **_finished(version, files, formatter, verifier)}.items()))
    verifier.save()
    return trees


def _placed(target: Target, path: str) -> str:
    """A target's file by its path under generated/<version>/."""
    return f"{target.output}/{path}" if target.output else path


def _finished(version: str, files: dict[str, str], formatter: Formatter, verifier: Verifier) -> dict[str, str]:
    formatted = formatter.format_tree(dict(sorted(files.items())))
    verifier.verify_tree(version, formatted)
    return formatted


def owned_by(targets: Sequence[str], templates: Path = DEFAULT_TEMPLATES) -> Callable[[str], bool]:
    """Whether a path under generated/<version>/ is one the named targets write: what a
    run limited to them replaces, leaving every other file as it is."""
    patterns: list[str] = []
    for target in select_targets(targets):
        prefix = f"{target.output}/" if target.output else ""
        patterns += [prefix + output_pattern(name) for name in template_names(templates / target.name)]
        if target.files:
            patterns.append(prefix + "*")
    return lambda path: any(fnmatch.fnmatchcase(path, pattern) for pattern in patterns)


def with_untouched(folder: Path, files: Mapping[str, str], owns: Callable[[str], bool]) -> dict[str, str]:
    """`files` plus every file already in `folder` that no generated target owns, so a
    run limited to some targets leaves the others' files as they are."""
    merged = dict(files)
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder).as_posix()
            if path.is_file() and not owns(relative) and relative not in merged:
                try:
                    merged[relative] = path.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    continue  # not a file any target writes; the swap drops it
    return dict(sorted(merged.items()))
