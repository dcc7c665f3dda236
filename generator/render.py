"""Render: each target's Jinja templates, mirroring its output tree, into
{relative path: text}. A template sees only its own target's view, as `view`."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, TemplateError

from .cache_files import cache_path
from .diagnostics import RenderError
from .markdown import markdown_text

TOKEN = re.compile(r"\{(\w+)\}")


def bytecode_cache(templates: Path) -> BytecodeCache | None:
    """Compiled templates, kept as Python keeps its bytecode: beside the sources
    (`<templates>/__pycache__/`, keyed by Jinja on each template's name and source), or
    in the cache folder where the templates' folder cannot be written. Compiling is most
    of rendering's cost, and a template is compiled again only once it is edited."""
    for folder in (templates / "__pycache__", Path(cache_path("jinja"))):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(folder, os.W_OK):
            return FileSystemBytecodeCache(str(folder))
    return None  # nowhere to keep them: compile every run


def make_environment(folder: Path) -> Environment:
    """The Jinja environment of one target's templates (`<templates>/<target>/`)."""
    environment = Environment(
        loader=FileSystemLoader(str(folder)),
        bytecode_cache=bytecode_cache(folder.parent),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    # Catalog text in Markdown goes through its one escaping helper (HTML autoescapes).
    environment.filters["md"] = markdown_text
    return environment


def template_names(folder: Path) -> list[str]:
    """Templates that produce files; `_`-prefixed files and folders are partials
    (a dunder name such as `__init__.py.jinja` is not)."""
    names = []
    for path in sorted(folder.rglob("*.jinja")):
        relative = path.relative_to(folder)
        if any(part.startswith("_") and not part.startswith("__") for part in relative.parts):
            continue
        names.append(relative.as_posix())
    return names


def output_pattern(name: str) -> str:
    """The output path a template name stands for, with `*` for a `{token}`."""
    return TOKEN.sub("*", name.removesuffix(".jinja"))


def render_tree(environment: Environment, names: list[str], view: Any, label: str = "") -> dict[str, str]:
    """Every output file of one target's view. A `{token}` in a template's path means
    once per item of `view.<token>s`, each item's `id` naming its file."""
    files: dict[str, str] = {}
    for name in names:
        output = name.removesuffix(".jinja")
        tokens = TOKEN.findall(output)
        try:
            template = environment.get_template(name)
            if not tokens:
                files[output] = template.render(view=view)
                continue
            (token,) = tokens
            for item in getattr(view, token + "s"):
                files[output.replace("{" + token + "}", item.id)] = template.render(view=view, **{token: item})
        except (TemplateError, AttributeError, ValueError, TypeError, KeyError) as error:
            raise RenderError(label + name, error) from error
    return dict(sorted(files.items()))
