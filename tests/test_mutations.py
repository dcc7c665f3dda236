"""Mutated catalogs: whatever is changed in a valid catalog, intercom-gen either
generates (exit 0) or reports problems pinned to a catalog file and line (exit 2);
never exit 1 or 3, never a traceback.

Each example copies tests/fixtures/mini, changes one to three random places in random
files (a value's type, a dropped or renamed key, a mapping turned into a list, an odd
string, or odd text inserted into the file itself) and runs the command line in-process.
Failures whose cause is a validation the catalog readers lack (generator/validate.py and
the readers it uses, which are being restructured) are listed in KNOWN_VALIDATION_GAPS,
and failures of the generated output (templates, the python models) that valid input
causes in KNOWN_OUTPUT_BUGS, so that this test keeps guarding the rest; remove an entry
once it is fixed (test_known_failures_still_fail says when)."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from intercom_gen.cli import main
from tests.catalog_versions import versions_of

MINI = Path(__file__).parent / "fixtures" / "mini"
FILES = sorted(p.relative_to(MINI).as_posix() for p in MINI.rglob("*.yaml"))

# Strings that mean something to YAML, to the catalog or to the generated code.
ODD_STRINGS = [
    "",
    " ",
    "\t",
    "null",
    "~",
    "yes",
    "no",
    "true",
    "0x1F",
    "0o17",
    "1e400",
    "-.inf",
    ".nan",
    "2.10",
    "2024-01-31",
    "12:30:00",
    "<<",
    "*anchor",
    "&anchor",
    "!tag",
    "{",
    "]",
    "{contact_id}",
    "/contacts/{",
    "${HOME}",
    "%s",
    "\\",
    "'",
    '"',
    "'''",
    "# not a comment",
    "a: b",
    "- item",
    "ünïcödé",
    "\u202eevil",
    "\u0085",
    "\ufeff",
    "emoji 🚀",
    "x" * 300,
    "class",
    "def",
    "None",
    "__init__",
    "import os",
    "contacts.create",
    "Read users",
    "GET",
    "string",
    "object",
]
# Text inserted as is into a file, to reach the parser with what a data edit cannot.
ODD_SNIPPETS = [
    "\t",
    "\x00",
    "\x07",
    ": ",
    "- ",
    "? ",
    "&a ",
    "*a",
    "<<: *a\n",
    "<<: 1\n",
    "? [x, y]\n: z\n",
    "{[1]: 2}",
    "[" * 80,
    "{a: " * 70,
    "'",
    '"',
    "#",
    "{",
    "]",
    "\ufeff",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "!!binary ",
    "!!python/object:os.system ",
    "a: &x [1, *x]\n",
    "\r",
    "\u2028",
    "x: " + "9" * 5000 + "\n",
]


# Keys the catalog knows, optional ones included, so that an inserted key is often one
# the readers accept and its value's type is what gets tested.
CATALOG_KEYS = sorted(
    {
        "type",
        "description",
        "enum",
        "items",
        "$ref",
        "nullable",
        "additionalProperties",
        "oneOf",
        "default",
        "example",
        "format",
        "properties",
        "required",
        "permission_note",
        "deprecated",
        "notes",
        "response_array",
        "parameters",
        "rules",
        "note",
    }
)


def odd_values() -> st.SearchStrategy[Any]:
    scalar = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=12),
        st.sampled_from(ODD_STRINGS),
        # YAML reads an unquoted 2024-01-31 as a date.
        st.dates(),
    )
    return st.one_of(
        scalar,
        st.lists(scalar, max_size=3),
        st.dictionaries(st.text(max_size=6), scalar, max_size=2),
    )


def shares_values(data: Any) -> bool:
    """Whether a loaded tree holds a mapping or list twice (an alias), or inside itself."""
    seen: set[int] = set()
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict | list):
            if id(node) in seen:
                return True
            seen.add(id(node))
            stack.extend(node.values() if isinstance(node, dict) else node)
    return False


def places(data: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in a tree without shared values, in document order."""
    found: list[tuple[Any, Any]] = []
    stack = [data]
    while stack:
        node = stack.pop()
        children = (
            list(node.items()) if isinstance(node, dict) else list(enumerate(node)) if isinstance(node, list) else []
        )
        for key, value in reversed(children):
            found.append((node, key))
            stack.append(value)
    return found


def new_key(draw: Callable[..., Any], key: Any) -> Any:
    text = str(key)
    return draw(
        st.one_of(
            st.sampled_from(
                [text + "s", text.upper(), text[:-1] or "_", text.replace("_", "-"), " " + text, text + " "]
            ),
            st.text(max_size=12),
            st.sampled_from(ODD_STRINGS),
            st.integers(min_value=-3, max_value=300),
            st.none(),
            st.booleans(),
        )
    )


def mutate_data(data: Any, draw: Callable[..., Any]) -> tuple[Any, str]:
    """One change to a parsed file; returns the new tree and what was done."""
    spots = places(data)
    # An odd string in place of a string often keeps the catalog valid, so it reaches
    # the templates and the formatter; hence twice as likely as the others.
    kind = draw(st.sampled_from(["retype", "drop", "rename", "reshape", "insert", "odd_text", "odd_text"]))
    if not spots or kind == "insert":
        key = draw(st.one_of(st.sampled_from(CATALOG_KEYS), st.text(max_size=10)))
        value = draw(odd_values())
        if not isinstance(data, dict):
            return {key: value}, f"replace the document with {{{key!r}: {value!r}}}"
        mappings = [data] + [c[k] for c, k in spots if isinstance(c[k], dict)]
        target = mappings[draw(st.integers(min_value=0, max_value=len(mappings) - 1))]
        target[key] = value
        return data, f"set {key!r}: {value!r:.80} in a mapping with keys {list(target)[:6]}"
    texts = [(c, k) for c, k in spots if isinstance(c[k], str)]
    if kind == "odd_text" and texts:
        container, key = texts[draw(st.integers(min_value=0, max_value=len(texts) - 1))]
        value = container[key]
        container[key] = draw(st.one_of(st.sampled_from(ODD_STRINGS), st.text(max_size=30)))
        if draw(st.booleans()):
            container[key] = value + container[key]
        return data, f"replace the text {value!r:.60} at {key!r} with {container[key]!r:.80}"
    container, key = spots[draw(st.integers(min_value=0, max_value=len(spots) - 1))]
    value = container[key]
    if kind == "retype":
        container[key] = draw(odd_values())
        return data, f"replace {value!r:.60} at {key!r} with {container[key]!r:.80}"
    if kind == "drop":
        del container[key]
        return data, f"drop {key!r}"
    if kind == "rename" and isinstance(container, dict):
        renamed = new_key(draw, key)
        items = [(renamed if k == key else k, v) for k, v in container.items()]
        container.clear()
        container.update(items)
        return data, f"rename key {key!r} to {renamed!r}"
    if isinstance(value, dict):
        container[key] = draw(st.sampled_from([list(value.values()), list(value), [value]]))
        return data, f"turn the mapping at {key!r} into a list"
    if isinstance(value, list):
        container[key] = (
            {str(i): v for i, v in enumerate(value)} if draw(st.booleans()) else (value[0] if value else None)
        )
        return data, f"turn the list at {key!r} into {type(container[key]).__name__}"
    container[key] = [value] if draw(st.booleans()) else {"value": value}
    return data, f"wrap the scalar at {key!r}"


def mutate_file(path: Path, draw: Callable[..., Any]) -> str:
    text = path.read_text(encoding="utf-8", errors="surrogateescape")
    if draw(st.integers(min_value=0, max_value=4)) == 0:
        at = draw(st.integers(min_value=0, max_value=len(text)))
        snippet = draw(st.sampled_from(ODD_SNIPPETS))
        path.write_text(text[:at] + snippet + text[at:], encoding="utf-8", errors="surrogateescape")
        return f"insert text {snippet[:40]!r} at offset {at}"
    yaml = YAML(typ="safe", pure=True)
    try:
        data = yaml.load(text)
    except Exception:  # an earlier text edit broke the file: leave it broken
        return "leave the broken file"
    if shares_values(data):  # an earlier text edit added an alias, perhaps a recursive one
        return "leave the file with its alias"
    data, done = mutate_data(data, draw)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream)
    return done


@dataclass(frozen=True)
class Gap:
    """A validation the catalog readers lack: a mutation they accept that then fails later
    (exit 3, or a traceback). `symptom` is text of that failure's output or traceback;
    `example` is one reproducer, (file, text, replacement) in tests/fixtures/mini."""

    name: str
    symptom: str
    missing: str
    example: tuple[str, str, str]


ID_FIELD = "    description: The contact's id.\n"

# Catalog mistakes the validator misses (exit 3 or a traceback instead of exit 2), and
# valid catalogs whose output fails its own check, each with a reproducer; the test of
# known failures fails once one is fixed, so that its entry is deleted. Found by this test and fixed since: a field description that is not text, an
# additionalProperties that is not a bool or schema, a oneOf that is not a list, dates in
# enum/default/example (tests/cases/field_*), and an emoji in a group title written to
# mkdocs.yml as an escape YAML cannot read.
KNOWN_VALIDATION_GAPS: list[Gap] = []

# Valid catalogs whose generated output fails its own check (exit 3): bugs of the
# templates and views, found by this test and reported.
KNOWN_OUTPUT_BUGS: list[Gap] = []

LOCATED = re.compile(r"^(?P<file>.+?\.yaml)(?::(?P<line>\d+):(?P<col>\d+))?: \S")


def failure_text(result: Result) -> str:
    """The output of a run and the traceback of an exception it did not catch."""
    error = result.exception
    if error is None or isinstance(error, SystemExit):
        return result.output
    return result.output + "".join(traceback.format_exception(error))


def known_gap(result: Result) -> Gap | None:
    text = failure_text(result)
    return next((gap for gap in KNOWN_VALIDATION_GAPS + KNOWN_OUTPUT_BUGS if gap.symptom in text), None)


def check_outcome(result: Result, catalog: Path, story: list[str]) -> None:
    told = "\n".join(story)
    error = result.exception
    uncaught = error is not None and not isinstance(error, SystemExit)
    if (uncaught or result.exit_code not in (0, 2)) and known_gap(result) is not None:
        return
    if uncaught:
        pytest.fail(f"uncaught {type(error).__name__} after:\n{told}\n{failure_text(result)}")
    assert result.exit_code in (0, 2), f"exit {result.exit_code} after:\n{told}\n{result.output}"
    assert "Traceback" not in result.output, f"traceback after:\n{told}\n{result.output}"
    if result.exit_code == 0:
        return
    # Not splitlines(): a diagnostic may quote text holding \x1c or \x85, which it splits at.
    lines = result.stderr.rstrip("\n").split("\n")
    assert lines and re.match(r"^\d+ problems? found; nothing was written\.$", lines[-1]), result.stderr
    for line in lines[:-1]:
        match = LOCATED.match(line)
        assert match, f"a diagnostic without a catalog file after:\n{told}\n{line}"
        assert match["file"].startswith(str(catalog) + os.sep), f"a diagnostic outside the catalog:\n{told}\n{line}"
        if match["line"] is None:
            file_level = ("missing catalog file", "unexpected catalog file", "unknown API version", "not UTF-8")
            assert any(reason in line for reason in file_level), f"a diagnostic without a line after:\n{told}\n{line}"


def run(catalog: Path, out: Path, cache: Path) -> Result:
    return CliRunner(env={"INTERCOM_GEN_CACHE": str(cache)}).invoke(
        main, ["--catalog", str(catalog), "--out", str(out), "--version", versions_of(MINI)[-1]]
    )


@settings(
    max_examples=100,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_a_mutated_catalog_generates_or_reports_located_problems(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory(prefix="intercom-gen-mutation-") as folder:
        root = Path(folder)
        catalog = root / "catalog"
        shutil.copytree(MINI, catalog)
        story = []
        for _ in range(data.draw(st.integers(min_value=1, max_value=3), label="mutations")):
            relative = data.draw(st.sampled_from(FILES), label="file")
            story.append(f"{relative}: {mutate_file(catalog / relative, data.draw)}")
        check_outcome(run(catalog, root / "out", root / "cache"), catalog, story)


def write_merged_catalog(catalog: Path) -> None:
    """The mini catalog with contacts.retrieve written as a merge of contacts.create."""
    shutil.copytree(MINI, catalog)
    endpoints = catalog / "endpoints" / "contacts.yaml"
    text = endpoints.read_text(encoding="utf-8")
    text = text.replace("  - id: contacts.create\n", "  - &create\n    id: contacts.create\n", 1)
    merged = (
        "  - <<: *create\n    id: contacts.update\n    method: PUT\n    path: /contacts/{contact_id}\n"
        "    webhook: null\n    parameters:\n      - name: contact_id\n        in: path\n"
        "        type: string\n        description: The contact's id.\n"
    )
    endpoints.write_text(
        text.replace("  - id: contacts.retrieve\n", merged + "  - id: contacts.retrieve\n", 1), encoding="utf-8"
    )


def test_a_merge_key_with_overrides_is_accepted(tmp_path: Path) -> None:
    from intercom_gen.load import load_catalog

    catalog = tmp_path / "catalog"
    write_merged_catalog(catalog)
    result = run(catalog, tmp_path / "out", tmp_path / "cache")
    assert result.exit_code == 0, result.output
    document = load_catalog(catalog).find("endpoints/contacts.yaml")
    assert document is not None
    create, update = document.data["endpoints"][0], document.data["endpoints"][1]
    assert update["id"] == "contacts.update" and update["method"] == "PUT" and update["webhook"] is None
    assert update["summary"] == create["summary"] and update["permission"] == "Write users"
    # An overriding key is where it is written; a merged one where its anchor has it.
    assert update.lc.key("method") != create.lc.key("method")
    assert update.lc.key("summary") == create.lc.key("summary") and update.lc.value("summary") == create.lc.value(
        "summary"
    )
    assert list(update)[:3] == ["id", "method", "path"], "the mapping's own keys come first, then the merged ones"


def test_a_symbolic_link_to_a_regular_file_is_read(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog"
    shutil.copytree(MINI, catalog)
    shared = tmp_path / "shared-scopes.yaml"
    (catalog / "scopes.yaml").rename(shared)
    try:
        os.symlink(shared, catalog / "scopes.yaml")
    except (OSError, NotImplementedError) as error:
        pytest.skip(f"cannot make a symbolic link here: {error}")
    result = run(catalog, tmp_path / "out", tmp_path / "cache")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("gap", KNOWN_VALIDATION_GAPS + KNOWN_OUTPUT_BUGS, ids=lambda gap: gap.name)
def test_known_failures_still_fail(gap: Gap, tmp_path: Path) -> None:
    """Each known failure still fails as described; when this fails, it is fixed: remove its entry."""
    catalog = tmp_path / "catalog"
    shutil.copytree(MINI, catalog)
    relative, text, replacement = gap.example
    path = catalog / relative
    original = path.read_text(encoding="utf-8")
    assert text in original, f"the reproducer of {gap.name} no longer matches {relative}"
    path.write_text(original.replace(text, replacement, 1), encoding="utf-8")
    result = run(catalog, tmp_path / "out", tmp_path / "cache")
    if result.exit_code in (0, 2) and known_gap(result) is None:
        pytest.fail(f"{gap.name} is fixed (exit {result.exit_code}); delete its entry:\n{result.output}")
    assert known_gap(result) is gap, f"{gap.name} fails differently now:\n{failure_text(result)}"
