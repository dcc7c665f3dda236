"""The build-views stage: every target's view for every version, fully built and frozen
before any template runs. A builder that fails is reported as that builder's failure,
not as a template's."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .catalog import Catalog
from .diagnostics import CatalogError, ViewError
from .targets import Target


@dataclass(frozen=True)
class BuiltViews:
    """Per version, per target name: the view its templates see, and the files it makes
    without a template (paths under the target's output folder)."""

    views: Mapping[str, Mapping[str, Any]]
    files: Mapping[str, Mapping[str, Mapping[str, str]]]


def build_views(resolved: Mapping[str, Catalog], versions: Sequence[str], targets: Sequence[Target]) -> BuiltViews:
    views: dict[str, dict[str, Any]] = {version: {} for version in versions}
    files: dict[str, dict[str, Mapping[str, str]]] = {version: {} for version in versions}
    for target in targets:
        version = ", ".join(versions)
        try:
            maker = target.make_files()
            if maker is not None:
                made = maker([resolved[v] for v in versions])
                for version in versions:
                    files[version][target.name] = made[version]
            builder = target.build_view()
            for version in versions:
                views[version][target.name] = builder(resolved, version)
        except CatalogError:
            raise  # a fact of the input a builder checks: reported with its location, exit 2
        except Exception as error:
            raise ViewError(target.name, version, error) from error
    return BuiltViews(views, files)
