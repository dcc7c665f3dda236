"""The console entry point. A plain regeneration (`intercom-gen`, `--version V`,
`--out DIR`, `--catalog DIR`) whose inputs and outputs are unchanged is answered here,
before click or any stage is imported: a docs build calls the generator on every build,
and usually nothing has changed. So is one whose inputs a recent run generated from
(generator.replay). Everything else goes to the full command line.

The project's settings ([tool.intercom-gen] in pyproject.toml) apply here as there: its
catalog, out and versions stand in for options not given. Settings that name targets,
or that cannot be read, go to the full command line, which runs or reports them."""

from __future__ import annotations

import gc
import os
import sys

from .config import ConfigError, load_config
from .fingerprint import Inputs, declared_versions, is_current, record, run_inputs
from .shipped import shipped_folder

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


def replayed(out: str, inputs: Inputs, catalog: str, versions: list[str], folders: list[str]) -> bool:
    """Whether the trees a recent run made from these very inputs were written again."""
    from .replay import replay

    try:
        lines = replay(out, inputs, catalog, versions)
    except Exception as error:
        # The full run meets the same problem and reports it. generator.diagnostics is
        # loaded only by a write that failed: a cold run forks its model worker sooner.
        from .diagnostics import OutputError

        if isinstance(error, (OSError, OutputError)):
            return False
        raise
    if lines is None:
        return False
    for line in lines:
        print(line)
    record(out, inputs, folders)
    return True


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
    try:
        config = load_config() if options is not None else None
    except ConfigError:
        config = None  # the full command line reports it
    if options is not None and config is not None and not config.targets:
        catalog = options.get("--catalog") or os.fspath(config.catalog or shipped_folder("catalog"))
        out = options.get("--out") or os.fspath(config.out or "generated")
        if "--version" in options:
            versions = [options["--version"]]
        else:
            versions = list(config.versions) or declared_versions(catalog)
        folders = [os.path.join(out, v) for v in versions]
        inputs = run_inputs(catalog, shipped_folder("templates"), versions) if versions else None
        if inputs is not None and is_current(out, inputs, folders):
            for folder in folders:
                print(f"{folder}: unchanged")
            return
        if inputs is not None and replayed(out, inputs, catalog, versions, folders):
            return
        if inputs is not None:
            # A full run follows: the model worker starts now, before click and the
            # pipeline are imported (generator.model_worker).
            from .model_worker import start_early

            start_early(catalog, inputs.catalog_files)
    from .cli import main as full_command_line

    try:
        full_command_line(prog_name="intercom-gen", complete_var="_INTERCOM_GEN_COMPLETE")
    finally:
        # The process ends with the command: what the run built is freed with it. The
        # interpreter's last full collection would walk all of it (20 ms after a run of
        # any size); frozen objects are left out of it, and nothing of ours needs it.
        gc.freeze()
