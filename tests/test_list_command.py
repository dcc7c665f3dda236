"""`intercom-gen list endpoints`: every endpoint of a version as aligned columns, sorted by id."""

from __future__ import annotations

from click.testing import CliRunner

from intercom_gen.cli import main
from intercom_gen.list_command import aligned
from intercom_gen.pipeline import resolve_catalog
from intercom_gen.text import NOT_DOCUMENTED
from tests.conftest import MINI_CATALOG

RESOLVED = resolve_catalog()


def run(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(arguments))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def columns(line: str, starts: list[int]) -> list[str]:
    return [line[a:b].strip() for a, b in zip(starts, [*starts[1:], len(line)], strict=True)]


def test_every_endpoint_of_the_default_version_in_aligned_columns() -> None:
    code, out, _ = run("list", "endpoints")
    assert code == 0
    header, *lines = out.splitlines()
    assert header.split() == ["ID", "METHOD", "PATH", "ACCESS", "PERMISSION"]
    starts = [header.index(name) for name in header.split()]
    catalog = RESOLVED.versions[RESOLVED.base.api.default_version]
    expected = [
        [e.id, e.method, e.path, e.access, e.permission or NOT_DOCUMENTED] for e in sorted(catalog.endpoints, key=lambda e: e.id)
    ]
    assert [columns(line, starts) for line in lines] == expected
    assert all(line == line.rstrip() for line in lines), "no line ends in spaces"


def test_another_version_and_catalog() -> None:
    oldest = RESOLVED.supported[0]
    code, out, _ = run("list", "endpoints", "--version", oldest)
    assert code == 0
    assert len(out.splitlines()) == len(RESOLVED.versions[oldest].endpoints) + 1
    mini = resolve_catalog(MINI_CATALOG)
    code, out, _ = run("--catalog", str(MINI_CATALOG), "list", "endpoints")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()[1:]] == sorted(e.id for e in mini.versions[mini.base.api.default_version].endpoints)


def test_an_unknown_version_is_refused_without_a_traceback() -> None:
    code, _, err = run("list", "endpoints", "--version", "9.9")
    assert code == 2 and "unknown API version '9.9'" in err and "Traceback" not in err


def test_alignment_keeps_catalog_text_on_one_line() -> None:
    assert aligned([("a", "bb"), ("ccc", "d\ne")]) == ["a    bb", "ccc  d e"]
