"""The console entry point. A plain regeneration (`intercom-gen`, `--version V`,
`--out DIR`, `--catalog DIR`) whose inputs and outputs are unchanged is answered here,
before click or any stage is imported: a docs build calls the generator on every build,
and usually nothing has changed. Everything else goes to the full command line."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from generator.fingerprint import declared_versions, inputs_fingerprint, is_current
from generator.locations import DEFAULT_CATALOG, DEFAULT_TEMPLATES

PLAIN_OPTIONS = ("--version", "--out", "--catalog")


def plain_options(arguments: list[str]) -> dict[str, str] | None:
    """The options of a plain regeneration, or None for any other command line."""
    if len(arguments) % 2:
        return None
    options = dict(zip(arguments[::2], arguments[1::2], strict=True))
    if len(options) * 2 != len(arguments) or not set(options) <= set(PLAIN_OPTIONS):
        return None
    if any(value.startswith("-") for value in options.values()):
        return None
    return options


def main() -> None:
    arguments = sys.argv[1:]
    if arguments[-1:] == ["--version"]:
        # click would say only that the option needs a value; users often mean the tool's.
        print("Error: --version needs an API version, such as the one 'intercom-gen --list-versions' marks as default;", file=sys.stderr)
        print("intercom-gen's own version is 'intercom-gen --tool-version'.", file=sys.stderr)
        sys.exit(2)
    # Shell completion runs the command with an environment variable set: click answers it.
    completing = any(name.startswith("_INTERCOM_GEN_COMPLETE") for name in os.environ)
    options = None if completing else plain_options(arguments)
    if options is not None:
        catalog = Path(options.get("--catalog", DEFAULT_CATALOG))
        out = Path(options.get("--out", "generated"))
        versions = [options["--version"]] if "--version" in options else declared_versions(catalog)
        if versions and is_current(out, inputs_fingerprint(catalog, DEFAULT_TEMPLATES, versions), [out / v for v in versions]):
            for version in versions:
                print(f"{out / version}: unchanged")
            return
    from generator.cli import main as full_command_line

    full_command_line(prog_name="intercom-gen", complete_var="_INTERCOM_GEN_COMPLETE")
