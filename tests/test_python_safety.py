"""Catalog text is data, never code: hostile text in a catalog reaches the generated
client as text (docstrings, string literals), and awkward wire names become safe
identifiers, made in generator/naming.py."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from intercom_gen import naming
from intercom_gen.pipeline import generate, resolve_catalog
from intercom_gen.pysource import docstring_text, fstring
from intercom_gen.write import write_tree

HOSTILE = 'Fetch "one" contact """; import os; os.system("echo pwned") """ and a \\ backslash "'


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1))


@pytest.fixture(scope="module")
def hostile_client(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from tests.conftest import MINI_CATALOG

    catalog = tmp_path_factory.mktemp("hostile") / "catalog"
    shutil.copytree(MINI_CATALOG, catalog)
    endpoints = catalog / "endpoints" / "contacts.yaml"
    _edit(endpoints, "summary: Fetch one contact.", "summary: " + json.dumps(HOSTILE))
    _edit(endpoints, "  title: Contacts\n", '  title: "Contacts \\\\ \\"\\"\\" people"\n')
    _edit(
        endpoints,
        "        description: The contact's id.\n",
        "        description: The contact's id.\n"
        "      - name: from\n        in: query\n        type: string\n        description: A keyword.\n"
        "      - name: 2fa\n        in: query\n        type: boolean\n        description: Starts with a digit.\n"
        "      - name: per-page-hint\n        in: query\n        type: integer\n        description: Has dashes.\n",
    )
    _edit(catalog / "schemas" / "create_contact_request.yaml", "  email:\n", "  class:\n    type: string\n  email:\n")
    _edit(catalog / "errors.yaml", "meaning: No such resource here.", 'meaning: "No such \\"\\"\\" resource \\\\ here."')
    resolved = resolve_catalog(catalog)
    newest = resolved.supported[-1]
    out = tmp_path_factory.mktemp("out")
    write_tree(out, generate(resolved, [newest], targets=["python"])[newest])
    return out / "python"


def test_every_generated_module_parses(hostile_client: Path) -> None:
    modules = sorted(hostile_client.rglob("*.py"))
    assert modules
    for module in modules:
        ast.parse(module.read_text(), filename=str(module))


def test_hostile_text_stays_text(hostile_client: Path) -> None:
    script = (
        "import inspect, intercom_api, intercom_api.client as c, intercom_api.errors as e\n"
        "print(inspect.getdoc(c.Contacts.retrieve).splitlines()[0])\n"
        "print(inspect.getdoc(c.Contacts).splitlines()[0])\n"
        "print(inspect.getdoc(e.NotFoundError).splitlines()[-1])\n"
        "print(sorted(inspect.signature(c.Contacts.retrieve).parameters))\n"
        "print(sorted(inspect.signature(c.Contacts.create).parameters))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=hostile_client, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "pwned" not in result.stderr
    summary, title, meaning, retrieve, create = result.stdout.splitlines()
    assert summary == HOSTILE
    assert title == 'Contacts \\ """ people.'
    assert meaning == 'No such """ resource \\ here.'
    assert {"from_", "n2fa", "per_page_hint", "contact_id"} <= set(eval(retrieve))
    assert "class_" in eval(create)


@pytest.mark.parametrize(
    ("wire", "expected"),
    [("from", "from_"), ("class", "class_"), ("2fa", "n2fa"), ("per-page", "per_page"), ("match", "match"), ("self", "self_"), ("", "value")],
)
def test_argument_names_are_safe_identifiers(wire: str, expected: str) -> None:
    name = naming.argument(wire, set(), frozenset({"self", "version"}))
    assert name == expected and name.isidentifier()


def test_colliding_argument_names_get_distinct_spellings() -> None:
    taken: set[str] = set()
    for wire in ("per_page", "per-page", "per page"):
        taken.add(naming.argument(wire, taken, frozenset()))
    assert taken == {"per_page", "per_page_", "per_page__"}


def test_method_names_avoid_keywords() -> None:
    assert naming.method("import") == "import_"
    assert naming.method("retrieve") == "retrieve"


@pytest.mark.parametrize("text", ['"', '"""', 'a\\', 'x""', '\\"""', "plain"])
def test_docstring_text_round_trips(text: str) -> None:
    tree = ast.parse(f'def f():\n    """{docstring_text(text)}"""\n')
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    assert ast.get_docstring(function, clean=False) == text


def test_paths_become_literals_that_cannot_run() -> None:
    literal = fstring(((False, '/a"{b}\\'), (True, "_segment(x)"), (False, '")\n')))
    tree = ast.parse(literal, mode="eval")
    assert isinstance(tree.body, ast.JoinedStr)
    assert eval(literal, {"_segment": str, "x": "ID"}) == '/a"{b}\\ID")\n'
