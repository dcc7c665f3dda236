"""Nothing broken is written: a generated module that does not compile, or a JSON, TOML
or YAML file that does not parse, stops the run with exit 3 and keeps the old output."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from intercom_gen.cli import main
from intercom_gen.locations import DEFAULT_TEMPLATES
from intercom_gen.pipeline import resolve_catalog
from intercom_gen.verify import InvalidOutput, Verifier, python_blocks

NEWEST = resolve_catalog().supported[-1]


@pytest.mark.parametrize(
    ("path", "text"),
    [("a.py", "def f(:\n"), ("a.py", "x = 1\0\n"), ("a.json", "{"), ("a.toml", "x = \n"), ("a.yaml", "a: [1\n")],
)
def test_each_kind_of_broken_output_is_caught(path: str, text: str) -> None:
    with pytest.raises(InvalidOutput, match=f"generated file v/{path} is not valid"):
        Verifier(use_disk_cache=False).verify_tree("v", {path: text})


def test_valid_output_passes_and_is_remembered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERCOM_GEN_CACHE", str(tmp_path / "black"))
    files = {"a.py": "x = 1\n", "a.json": "{}", "a.yaml": "a: 1\n", "notes.md": "def f(:"}
    first = Verifier()
    first.verify_tree("v", files)
    first.save()
    again = Verifier()
    assert len(again.known) == 3
    again.verify_tree("v", files)
    assert again.added == []


def test_a_template_that_writes_broken_python_is_exit_3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(DEFAULT_TEMPLATES, templates)
    broken = templates / "python" / "intercom_api" / "broken.py.jinja"
    broken.write_text("def oops(:\n    pass\n")
    out = tmp_path / "out"
    (out / NEWEST).mkdir(parents=True)
    (out / NEWEST / "keep.txt").write_text("previous\n")
    monkeypatch.setenv("INTERCOM_GEN_CACHE", str(tmp_path / "cache"))
    result = CliRunner().invoke(main, ["--out", str(out), "--version", NEWEST, "--templates", str(templates)])
    assert result.exit_code == 3, result.output
    assert f"generated file {NEWEST}/python/intercom_api/broken.py is not valid: SyntaxError" in result.stderr
    assert (out / NEWEST / "keep.txt").read_text() == "previous\n"


def test_a_title_outside_the_basic_plane_reaches_mkdocs_yml_readably(mini_catalog: Path) -> None:
    """An emoji in a group title once became a surrogate-pair escape YAML cannot read."""
    from intercom_gen.pipeline import generate

    endpoints = mini_catalog / "endpoints" / "contacts.yaml"
    endpoints.write_text(endpoints.read_text().replace("  title: Contacts\n", "  title: Contacts 🚀\n", 1))
    resolved = resolve_catalog(mini_catalog)
    newest = resolved.supported[-1]
    files = generate(resolved, [newest], targets=["docs"])[newest]
    assert "Contacts 🚀" in files["mkdocs.yml"]


# Pieces of generated modules, and some that must never be in one: the block-wise compile
# must judge every module made of them exactly as compiling it whole does. Some are valid
# only at the top (a future import), only with a future import (an async comprehension in
# an annotation) or only without one (a named expression in an annotation), only before a
# `global` (an assignment), or only whole (a string or bracket left open, a decorator with
# no definition, an `else` with no `if`).
MODULE_PIECES = [
    "import os\n",
    "from __future__ import annotations\n",
    "x = 1\n",
    "class C:\n    pass\n",
    "class D(C):\n    y: undefined_name = 2\n",
    "def f(a, b):\n    return a\n",
    "async def g():\n    await g()\n",
    "@decorator\ndef h():\n    pass\n",
    "@decorator(\n    argument,\n)\nclass E:\n    pass\n",
    "@decorator\n",
    's = """\ndef inside_a_string(:\n"""\n',
    's = """\nclass Inside:\n',
    '"""\n',
    "def broken(:\n    pass\n",
    "return 1\n",
    "yield 2\n",
    "global x\n",
    "nonlocal x\n",
    "def k():\n    global x\n",
    "if x:\n    pass\n",
    "else:\n    pass\n",
    "x = (\n",
    ")\n",
    "x = 1 + \\\n",
    "z: (w := 1) = 2\n",
    "def m() -> [i async for i in x]:\n    pass\n",
    "# a comment\n",
    "\n",
]


def _compiles_whole(text: str) -> bool:
    try:
        compile(text, "m.py", "exec", dont_inherit=True)
    except SyntaxError:
        return False
    return True


def _verifies(verifier: Verifier, text: str) -> bool:
    try:
        verifier.verify_tree("v", {"m.py": text})
    except InvalidOutput:
        return False
    return True


def test_every_module_of_up_to_three_pieces_is_judged_as_compile_judges_it_whole() -> None:
    wrong = []
    for count in (1, 2, 3):
        for pieces in itertools.product(MODULE_PIECES, repeat=count):
            text = "".join(pieces)
            if _verifies(Verifier(use_disk_cache=False), text) != _compiles_whole(text):
                wrong.append(text)
    assert not wrong, wrong[:5]


@given(st.lists(st.sampled_from(MODULE_PIECES), max_size=8), st.lists(st.sampled_from(MODULE_PIECES), max_size=4))
@settings(max_examples=600, deadline=None)
def test_a_module_verified_block_by_block_is_judged_as_compile_judges_it_whole(pieces: list[str], before: list[str]) -> None:
    """Also after another module's blocks were verified: a block known to compile may not
    vouch for a module that does not."""
    verifier = Verifier(use_disk_cache=False)
    earlier = "".join(before)
    if _compiles_whole(earlier):
        verifier.verify_tree("v", {"earlier.py": earlier})
    text = "".join(pieces)
    assert _verifies(verifier, text) == _compiles_whole(text), text


def test_a_class_shared_by_two_modules_is_compiled_once() -> None:
    shared = "class Shared:\n    '''The same in both versions.'''\n\n    x: int = 1\n"
    verifier = Verifier(use_disk_cache=False)
    verifier.verify_tree("older", {"m.py": f'"""For the older version."""\n\n{shared}'})
    first = len(verifier.added)
    verifier.verify_tree("newer", {"m.py": f'"""For the newer version."""\n\n{shared}'})
    # The class's block once, then each module's own digest; the opening lines are
    # compiled every time (they give the later blocks their future flags), not recorded.
    assert first == 2
    assert len(verifier.added) == 3


def test_python_blocks_keep_decorators_with_their_definition() -> None:
    text = "import x\n\n@first(\n    1,\n)\n@second\ndef f():\n    pass\n\n\nclass C:\n    pass\n"
    assert python_blocks(text) == ["import x\n\n", "@first(\n    1,\n)\n@second\ndef f():\n    pass\n\n\n", "class C:\n    pass\n"]
    assert python_blocks("x = 1\n\ndef f():\n    pass\n\nglobal x\n") is None
