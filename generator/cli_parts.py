"""What every intercom-gen command shares: turning the pipeline's exceptions into exit
statuses, the --catalog option, the group options given before a subcommand, and the
project's settings from pyproject.toml.

The commands in cli, list_command and docs_command import
these from here, so that none of them imports another."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click
from click.core import ParameterSource

from .config import Config, ConfigError, load_config
from .diagnostics import CatalogError, Diagnostic, InternalError, Location
from .locations import DEFAULT_CATALOG

F = TypeVar("F", bound=Callable[..., Any])

# Where a --help points for endpoint ids and topics.
IDS_HINT = "Endpoint ids (such as contacts.retrieve) are listed by 'intercom-gen list endpoints'."


def reports_errors(command: F) -> F:
    """Turns the pipeline's exceptions into messages and exit statuses, never a traceback."""
    from .diagnostics import OutputError

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except CatalogError as error:
            for diagnostic in error.diagnostics:
                click.echo(str(diagnostic), err=True)
            count = len(error.diagnostics)
            click.echo(f"{count} problem{'s' if count != 1 else ''} found; nothing was written.", err=True)
            sys.exit(2)
        except InternalError as error:
            click.echo(f"internal error (a bug in intercom-gen, please report it): {error}", err=True)
            click.echo("Nothing was written; the previous output is unchanged.", err=True)
            sys.exit(3)
        except OutputError as error:
            click.echo(str(error), err=True)
            sys.exit(4)

    return wrapper  # type: ignore[return-value]


def catalog_option(function: F) -> F:
    return click.option(
        "--catalog",
        "catalog_folder",
        type=click.Path(path_type=Path, file_okay=False),
        default=DEFAULT_CATALOG,
        show_default="the catalog shipped with intercom-gen",
        help="Read the catalog from this folder.",
    )(function)


def inherited(name: str, value: Any) -> Any:
    """A subcommand's option value: its own when given, else the group's given before it
    (or the project's setting the group passed on)."""
    context = click.get_current_context()
    if context.get_parameter_source(name) is ParameterSource.COMMANDLINE or not context.obj:
        return value
    return context.obj.get(name, value)


def project_config() -> Config:
    """The `[tool.intercom-gen]` settings for a run in the current folder; a bad table is
    reported as input problems (exit 2), each at its line of pyproject.toml."""
    try:
        return load_config()
    except ConfigError as error:
        raise CatalogError(Diagnostic(Location(p.file, p.line, p.col), p.message, p.hint) for p in error.problems) from None


def configured(context: click.Context, name: str, value: Any, setting: Any) -> Any:
    """An option's value: the command line's when given there, else the project's
    setting when it has one, else the option's default."""
    if context.get_parameter_source(name) is ParameterSource.COMMANDLINE or setting is None:
        return value
    return setting
