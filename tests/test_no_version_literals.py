"""No test, template or generator module names a supported API version: each is derived
from the catalog (`resolve_catalog().supported`, or the version whose rules hold a
change), so adding versions/<next>.yaml needs no code edited.

Python files are read token by token: a supported version in a string or a number is
one, in a comment or a docstring (history told in words) is not. Templates are read
whole. Data (the catalog, fixtures, corpus cases, generated output) may name versions.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterator
from pathlib import Path

from tests.catalog_versions import supported

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ("generator", "tests", "benchmarks")
# tests/client and tests/fake_intercom belong to the client's own sweep.
SKIPPED = ("tests/client", "tests/fake_intercom", "tests/cases", "tests/fixtures", "tests/golden", "tests/prism")

# Modules another piece of work owns, each with the literals it still holds: they are to
# go, and a module listed here that no longer names a version fails the test (stale).
PENDING: dict[str, str] = {
    "generator/cli.py": "its --help examples name versions",
    "generator/config.py": "its example settings name versions",
    "generator/list_command.py": "its --help examples name versions",
    "generator/reader.py": "the version key kind's example names one",
}


def pattern() -> re.Pattern[str]:
    versions = "|".join(re.escape(v) for v in supported())
    # A version, not part of a longer number: `2.15` and `.2.15.old`, but not `12.15` or `1.2.15`.
    return re.compile(rf"(?<!\d)(?<!\d\.)({versions})(?!\d)")


def docstring_lines(source: str) -> set[int]:
    """The lines of every module, class and function docstring."""
    lines: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                lines.update(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    return lines


def literals_in_python(path: Path, versions: re.Pattern[str], root: Path = ROOT) -> Iterator[str]:
    source = path.read_text(encoding="utf-8")
    skip = docstring_lines(source)
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type in (tokenize.STRING, tokenize.NUMBER, getattr(tokenize, "FSTRING_MIDDLE", -1)) and token.start[0] not in skip:
            found = versions.search(token.string)
            if found:
                yield f"{path.relative_to(root)}:{token.start[0]}: {found.group(0)} in {token.string[:60]!r}"


def python_files() -> Iterator[Path]:
    for folder in PYTHON:
        for path in sorted((ROOT / folder).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if not relative.startswith(SKIPPED):
                yield path


def test_no_python_module_names_a_supported_version() -> None:
    versions = pattern()
    found: dict[str, list[str]] = {}
    for path in python_files():
        hits = list(literals_in_python(path, versions))
        if hits:
            found[path.relative_to(ROOT).as_posix()] = hits
    unexpected = [hit for name, hits in found.items() if name not in PENDING for hit in hits]
    assert not unexpected, "derive these from the catalog (tests/catalog_versions.py):\n" + "\n".join(unexpected)
    stale = [name for name in PENDING if name not in found]
    assert not stale, f"no longer name a version; remove them from PENDING: {stale}"


def test_no_template_names_a_supported_version() -> None:
    versions = pattern()
    hits = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()[:80]}"
        for path in sorted((ROOT / "templates").rglob("*"))
        if path.is_file() and path.suffix in (".jinja", ".j2", ".md", ".py", ".yml", ".yaml", ".html", ".css", ".js")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if versions.search(line)
    ]
    assert not hits, "\n".join(hits)


def test_the_check_sees_a_literal(tmp_path: Path) -> None:
    sample = ROOT / "tests" / "catalog_versions.py"
    versions = re.compile(r"(shipped)")
    assert list(literals_in_python(sample, versions)) == [], "a name in code is not a string literal"
    planted = 'def f():\n    """History: VERSION came first."""\n    # VERSION in a comment\n    return "VERSION", f".VERSION.old", "1VERSION"\n'.replace("VERSION", supported()[0])
    path = tmp_path / "planted.py"
    path.write_text(planted)
    hits = list(literals_in_python(path, pattern(), tmp_path))
    assert [hit.split(" in ")[0] for hit in hits] == [f"planted.py:4: {supported()[0]}"] * 2
