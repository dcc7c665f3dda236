"""The build-views stage: every target's view for every version, fully built and frozen
before any template runs. A builder that fails is reported as that builder's failure,
not as a template's.

Files a target makes without a template (the python target's models) are started here,
before the views, and may go on in the background while templates render; finish()
waits for them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .catalog import Catalog
from .diagnostics import CatalogError, ViewError
from .targets import MadeFiles, Target


@dataclass(frozen=True)
class BuiltViews:
    """Per version, per target name: the view its templates see; and per target name,
    the files it makes without a template, being made."""

    views: Mapping[str, Mapping[str, Any]]
    making: Mapping[str, MadeFiles]
    versions: tuple[str, ...]

    def finish(self) -> dict[str, dict[str, Mapping[str, str]]]:
        """Per version, per target name: the files made without a template (paths under
        the target's output folder). Waits for any still being made."""
        files: dict[str, dict[str, Mapping[str, str]]] = {version: {} for version in self.versions}
        for name, making in self.making.items():
            made = _reported(name, self.versions, making.result)
            for version in self.versions:
                files[version][name] = made[version]
        return files

    def cancel(self) -> None:
        for making in self.making.values():
            making.cancel()


def build_views(resolved: Mapping[str, Catalog], versions: Sequence[str], targets: Sequence[Target]) -> BuiltViews:
    making: dict[str, MadeFiles] = {}
    views: dict[str, dict[str, Any]] = {version: {} for version in versions}
    try:
        for target in targets:
            maker = _reported(target.name, versions, target.make_files)
            if maker is not None:
                making[target.name] = _reported(target.name, versions, maker, [resolved[v] for v in versions])
        for target in targets:
            builder = _reported(target.name, versions, target.build_view)
            for version in versions:
                views[version][target.name] = _reported(target.name, [version], builder, resolved, version)
    except BaseException:
        for started in making.values():
            started.cancel()
        raise
    return BuiltViews(views, making, tuple(versions))


def _reported(target: str, versions: Sequence[str], step: Any, *arguments: Any) -> Any:
    try:
        return step(*arguments)
    except CatalogError:
        raise  # a fact of the input a builder checks: reported with its location, exit 2
    except Exception as error:
        raise ViewError(target, ", ".join(versions), error) from error
