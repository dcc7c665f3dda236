"""The python target's models package: pydantic v2 models for each resolved catalog,
made by datamodel-code-generator (see model_generation) from the JSON Schema of
model_schema, one module a schema.

The tool writes one module; its classes are placed in one module a schema
(`intercom_api/models/<schema>.py`, with the schema's enums), each importing the models it
refers to, so that a call loads only the models it uses. `intercom_api/models/__init__.py`
names every model and loads its module on first use.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .catalog import Catalog
from .model_generation import HEADER, HEADER_IMPORTS, ModelClass, PendingModels
from .model_schema import catalog_schema
from .pysource import docstring_text, import_statement, literal

# Where the models land in the python target's output folder.
MODELS_PACKAGE = "intercom_api/models"


class ModelFiles:
    """The python target's files no template renders: each version's models package.
    The tool starts when this is made (in a child process where it can) and is waited
    for only in result(), so the other targets build and render meanwhile."""

    def __init__(self, catalogs: Sequence[Catalog]) -> None:
        self._schemas = {catalog.version: catalog_schema(catalog) for catalog in catalogs}
        self._pending = PendingModels({version: document for version, (document, _) in self._schemas.items()})

    def result(self) -> dict[str, dict[str, str]]:
        made = self._pending.result()
        return {version: split_models(version, made[version], modules) for version, (_, modules) in self._schemas.items()}

    def cancel(self) -> None:
        self._pending.cancel()


CONFIG_LINE = "\n    model_config = ConfigDict("
TYPED_CONFIG_LINE = "\n    model_config: ClassVar[ConfigDict] = ConfigDict("
# A model's validator is built on its first use, not when its module is imported: a call
# builds one validator for the model it returns, with the models inside it, instead of one
# for each class its module imports.
DEFERRED_CONFIG_LINE = TYPED_CONFIG_LINE + "\n        defer_build=True,"


def split_models(version: str, classes: Sequence[ModelClass], modules: Mapping[str, str]) -> dict[str, str]:
    """The tool's classes as one module a schema, plus the package's __init__."""
    chunks: dict[str, list[str]] = {}
    names: dict[str, list[ModelClass]] = {}
    uses: dict[str, set[str]] = {}
    for made in classes:
        if made.name not in modules:
            raise ValueError(f"datamodel-code-generator made a class {made.name!r} of no schema")
        module = modules[made.name]
        # Declared as pydantic declares it, so type checkers do not take it for a field of
        # an inferred type (pyright's --verifytypes counts that as an unknown type).
        chunk = made.text.replace(CONFIG_LINE, DEFERRED_CONFIG_LINE)
        chunks.setdefault(module, []).append(chunk)
        names.setdefault(module, []).append(made)
        uses.setdefault(module, set()).update(made.uses | ({"ClassVar"} if TYPED_CONFIG_LINE in chunk else set()))
    files = {}
    for module in sorted(chunks):
        ordered, evaluated = _runtime_order(names[module], chunks[module])
        files[f"{MODELS_PACKAGE}/{module}.py"] = _module_text(module, ordered, evaluated, uses[module], modules)
    files[f"{MODELS_PACKAGE}/__init__.py"] = _package_text(version, {c: m for c, m in modules.items() if m in chunks})
    return files


def _runtime_order(classes: Sequence[ModelClass], chunks: Sequence[str]) -> tuple[list[str], bool]:
    """A module's classes with its enums first (they name no model), and whether every
    annotation then names only what is defined above it. Only then can the module do
    without `from __future__ import annotations`, whose string annotations pydantic
    would have to evaluate one by one when it creates each class."""
    enums = [i for i, c in enumerate(chunks) if _is_enum(c)]
    order = enums + [i for i in range(len(chunks)) if i not in enums]
    defined: set[str] = set()
    local = {c.name for c in classes}
    ready = True
    for i in order:
        if (classes[i].uses & local) - defined:
            ready = False  # names itself or a class below it: kept as a string annotation
        defined.add(classes[i].name)
    return [chunks[i] for i in order], ready


def _is_enum(chunk: str) -> bool:
    first = next(line for line in chunk.splitlines() if line.startswith("class "))
    return first.endswith("(OpenEnum):")


def _module_text(module: str, chunks: list[str], evaluated: bool, used: set[str], modules: Mapping[str, str]) -> str:
    standard = [import_statement(name, tuple(n for n in names if n in used), 0) for name, names in HEADER_IMPORTS[:2] if used & set(names)]
    others: dict[str, tuple[str, ...]] = {
        name: tuple(n for n in names if n in used) for name, names in HEADER_IMPORTS[2:] if used & set(names)
    }
    for name in sorted(used):
        home = modules.get(name)
        if home is not None and home != module:
            package = f"intercom_api.models.{home}"
            others[package] = (*others.get(package, ()), name)
    local = [import_statement(name, tuple(sorted(names)), 0) for name, names in sorted(others.items())]
    header = [HEADER, ""] + ([] if evaluated else ["from __future__ import annotations", ""])
    header += [*standard, ""] if standard else []
    header += [*local, ""] if local else []
    return "\n".join(header) + "\n\n" + "\n\n\n".join(chunks) + "\n"


def _package_text(version: str, modules: Mapping[str, str]) -> str:
    by_module: dict[str, list[str]] = {}
    for name, module in sorted(modules.items()):
        by_module.setdefault(module, []).append(name)
    typing = [
        import_statement(f"intercom_api.models.{module}", tuple(names), 4) for module, names in sorted(by_module.items())
    ]
    table = "".join(f"    {literal(name)}: {literal(module)},\n" for name, module in sorted(modules.items()))
    exports = "".join(f"    {literal(name)},\n" for name in sorted(modules))
    return (
        f"{HEADER}\n"
        f'"""The pydantic models of Intercom API {docstring_text(version)}: one module a schema (with its enums),\n'
        "each imported on first use of one of its names, so a call loads only the models it uses.\"\"\"\n"
        "\n"
        "from __future__ import annotations\n"
        "\n"
        "import importlib\n"
        "from collections.abc import Mapping\n"
        "from typing import TYPE_CHECKING, Any\n"
        "\n"
        "if TYPE_CHECKING:\n" + "\n".join(typing) + "\n"
        "\n"
        "# Each model and enum, and the module that holds it.\n"
        "_MODULES: Mapping[str, str] = {\n" + table + "}\n"
        "\n"
        "__all__ = [\n" + exports + "]\n"
        "\n"
        "\n"
        "def __getattr__(name: str) -> Any:\n"
        "    module = _MODULES.get(name)\n"
        "    if module is None:\n"
        '        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")\n'
        '    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)\n'
        "    globals()[name] = value\n"
        "    return value\n"
        "\n"
        "\n"
        "def __dir__() -> list[str]:\n"
        "    return sorted(__all__)\n"
    )


