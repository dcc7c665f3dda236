"""Editable installs of a package whose import name differs from its source folder.

The source folder is `generator/`; the package ships as `intercom_gen`. A wheel gets the
folder under its new name through force-include, but hatchling's editable install can
only expose folders under their own names. This hook gives the editable wheel a small
import hook instead, mapping `intercom_gen` to the checkout's `generator/`.

It is written here rather than taken from the `editables` library because a .pth file
runs at every interpreter start in the environment: editables' finder imports typing,
pathlib and importlib.abc (which pulls in tempfile and shutil), about 35 ms a start, more
than three times Python's own. This one imports only what the import system has loaded."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

IMPORT_NAME = "intercom_gen"
SOURCE_FOLDER = "generator"
HOOK_MODULE = f"_{IMPORT_NAME}_editable"

FINDER = '''"""Editable install of {name}: maps the import name to {folder}."""

import sys

# The classes importlib.machinery exports, taken from the import system itself: importing
# importlib.machinery (and the warnings module it loads) would cost every start 0.5 ms.
ModuleSpec = type(__spec__)
SourceFileLoader = type(__loader__)


class Finder:
    @staticmethod
    def find_spec(fullname: str, path: object = None, target: object = None) -> "ModuleSpec | None":
        if fullname != {name!r}:
            return None
        spec = ModuleSpec(fullname, SourceFileLoader(fullname, {init!r}), origin={init!r}, is_package=True)
        spec.submodule_search_locations = [{folder!r}]
        spec.has_location = True
        return spec


if Finder not in sys.meta_path:
    sys.meta_path.append(Finder)
'''


class EditableImportName(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version != "editable":
            return
        folder = str(Path(self.root).resolve() / SOURCE_FOLDER)
        self._scratch = Path(tempfile.mkdtemp(prefix="intercom-gen-editable-"))
        files = {
            f"{HOOK_MODULE}.py": FINDER.format(name=IMPORT_NAME, folder=folder, init=str(Path(folder) / "__init__.py")),
            # A leading underscore sorts the .pth first, as hatchling's own editables do.
            f"{HOOK_MODULE}.pth": f"import {HOOK_MODULE}\n",
        }
        for name, text in files.items():
            (self._scratch / name).write_text(text, encoding="utf-8")
            build_data["force_include_editable"][str(self._scratch / name)] = name

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if version == "editable":
            shutil.rmtree(self._scratch, ignore_errors=True)
