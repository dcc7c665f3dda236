"""`intercom-gen docs --out SITE`: the documentation site of every supported version.

Each version's docs and reference targets are generated into a temporary folder and
built there with the real `mkdocs build --strict` into SITE/<version>/, its
reference.html beside the site. SITE/versions.json (mike's format, which
mkdocs-material's version selector reads) lists the versions newest first, the catalog's
default aliased `latest`; SITE/latest/ and SITE/index.html redirect to the default.

The site is built beside SITE and swapped in whole, so a failed build leaves the
previous site as it was. The same inputs give the same bytes: the builds' clock
(SOURCE_DATE_EPOCH, which dates the sitemap) is fixed unless the caller sets it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from importlib.util import find_spec
from pathlib import Path

import click

from .catalog import version_key
from .cli_parts import IDS_HINT, catalog_option, inherited, reports_errors
from .diagnostics import CatalogError, Diagnostic, InternalError, Location, OutputError

LATEST = "latest"
TARGETS = ("docs", "reference")
# 2000-01-01T00:00:00Z: any fixed instant makes the sitemap's dates reproducible.
BUILD_EPOCH = "946684800"
BUILD_TIMEOUT_SECONDS = 300


class SiteBuildError(InternalError):
    """mkdocs refused a generated site: a warning under --strict is a bug in a template."""


def versions_document(supported: Sequence[str], default: str) -> str:
    """SITE/versions.json in mike's format: newest first, the default aliased latest."""
    entries = [
        {"version": version, "title": version, "aliases": [LATEST] if version == default else []}
        for version in sorted(supported, key=version_key, reverse=True)
    ]
    return json.dumps(entries, indent=2) + "\n"


def redirect_page(target: str, label: str) -> str:
    """A page that sends the reader on to `target` (a relative URL), with a link for a
    browser that does not follow the refresh."""
    from markupsafe import escape

    url, text = escape(target), escape(label)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"<title>Redirecting to {text}</title>\n"
        f'<meta http-equiv="refresh" content="0; url={url}">\n'
        f'<link rel="canonical" href="{url}">\n'
        "</head>\n"
        "<body>\n"
        f'<p>Redirecting to <a href="{url}">{text}</a>.</p>\n'
        "</body>\n"
        "</html>\n"
    )


def require_mkdocs() -> None:
    missing = [name for name in ("mkdocs", "material") if find_spec(name) is None]
    if missing:
        raise CatalogError(
            [
                Diagnostic(
                    Location("mkdocs"),
                    "building the site needs mkdocs and mkdocs-material, which are not installed",
                    "pip install 'intercom-gen[docs]'",
                )
            ]
        )


def write_sources(folder: Path, files: Mapping[str, str]) -> None:
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def mkdocs_build(sources: Path, site: Path) -> tuple[int, str]:
    """`mkdocs build --strict` of one generated version into `site`: its exit status
    and everything it printed."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    environment.setdefault("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
            cwd=sources,
            capture_output=True,
            text=True,
            env=environment,
            timeout=BUILD_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return -1, f"mkdocs build did not finish in {BUILD_TIMEOUT_SECONDS} s"
    return result.returncode, result.stdout + result.stderr


def build_site(catalog_folder: Path, out: Path) -> list[str]:
    """Build every supported version's site into `out`; one line a version for the user."""
    from .pipeline import generate, resolve_catalog

    require_mkdocs()
    resolved = resolve_catalog(catalog_folder)
    versions = list(resolved.supported)
    default = resolved.base.api.default_version
    trees = generate(resolved, versions, targets=TARGETS)
    staging = new_folder_beside(out)
    try:
        with tempfile.TemporaryDirectory(prefix="intercom-gen-docs-") as temporary:
            sources = Path(temporary)
            for version, files in trees.items():
                write_sources(sources / version, files)
            workers = max(1, min(len(versions), os.cpu_count() or 1))
            with ThreadPoolExecutor(max_workers=workers) as pool:
                results = list(pool.map(lambda v: mkdocs_build(sources / v, staging / v), versions))
            failed = [(v, status, output) for v, (status, output) in zip(versions, results, strict=True) if status != 0]
            if failed:
                version, status, output = failed[0]
                raise SiteBuildError(f"mkdocs build --strict of the {version} docs failed (exit {status}):\n{output.strip()}")
            for version in versions:
                shutil.copyfile(sources / version / "reference.html", staging / version / "reference.html")
        (staging / "versions.json").write_text(versions_document(versions, default), encoding="utf-8")
        (staging / LATEST).mkdir()
        (staging / LATEST / "index.html").write_text(redirect_page(f"../{default}/index.html", default), encoding="utf-8")
        (staging / "index.html").write_text(redirect_page(f"{default}/index.html", default), encoding="utf-8")
        swap_in(staging, out)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(str(out), f"could not build the site in {out}: {error.strerror or error}") from error
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    lines = [f"{out / v}: built{' (latest)' if v == default else ''}" for v in sorted(versions, key=version_key, reverse=True)]
    return [*lines, f"{out / 'versions.json'}: {len(versions)} versions, {LATEST} is {default}"]


def new_folder_beside(out: Path) -> Path:
    out.absolute().parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out.absolute().name}.new-", dir=out.absolute().parent))


def swap_in(staging: Path, out: Path) -> None:
    """Put the built site where `out` is: in one exchange where the system can, else
    by moving the previous site aside first."""
    from .write import exchange

    if not os.path.lexists(out):
        os.rename(staging, out)
        return
    if not out.is_dir() or out.is_symlink():
        raise NotADirectoryError(20, "not a folder", str(out))
    if exchange(staging, out):
        shutil.rmtree(staging, ignore_errors=True)  # now the previous site
        return
    retired = staging.with_name(staging.name.replace(".new-", ".old-"))
    os.rename(out, retired)
    os.rename(staging, out)
    shutil.rmtree(retired, ignore_errors=True)


@click.command(epilog=f"""\b
Examples:
  intercom-gen docs --out site
  python -m http.server -d site    then open http://localhost:8000/

\b
Each version's site is SITE/<version>/ and its one-page reference
SITE/<version>/reference.html; SITE/latest/ goes to the default version.
{IDS_HINT}""")
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("site"),
    show_default=True,
    help="Write the site to OUT/<version>/, with OUT/versions.json and OUT/latest/.",
)
@catalog_option
@reports_errors
def docs(out: Path, catalog_folder: Path) -> None:
    """Build the docs site of every supported version with mkdocs build --strict."""
    catalog_folder = inherited("catalog_folder", catalog_folder)
    for line in build_site(catalog_folder, out):
        click.echo(line)
