"""Editable installs of a package whose import name differs from its source folder.

The source folder is `generator/`; the package ships as `intercom_gen`. A wheel gets the
folder under its new name through force-include, but hatchling's editable install can
only expose folders under their own names. This hook gives the editable wheel the
`editables` import hook instead, mapping `intercom_gen` to the checkout's `generator/`."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.constants import EDITABLES_REQUIREMENT
from hatchling.builders.hooks.plugin.interface import BuildHookInterface

IMPORT_NAME = "intercom_gen"
SOURCE_FOLDER = "generator"


class EditableImportName(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version != "editable":
            return
        from editables import EditableProject

        project = EditableProject(self.metadata.core.name, self.root)
        project.map(IMPORT_NAME, str(Path(self.root) / SOURCE_FOLDER))
        self._scratch = Path(tempfile.mkdtemp(prefix="intercom-gen-editable-"))
        for name, content in project.files():
            # A leading underscore sorts the .pth first, as hatchling's own editables do.
            shipped = f"_{name}" if name.endswith(".pth") and not name.startswith("_") else name
            (self._scratch / shipped).write_text(content)
            build_data["force_include_editable"][str(self._scratch / shipped)] = shipped
        # The import hook needs editables at run time; hatchling pins it the same way.
        build_data["dependencies"].extend(
            EDITABLES_REQUIREMENT if name == "editables" else name for name in project.dependencies()
        )

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if version == "editable":
            shutil.rmtree(self._scratch, ignore_errors=True)
