"""Nothing broken is written: a generated module that does not compile, or a JSON, TOML
or YAML file that does not parse, stops the run with exit 3 and keeps the old output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from intercom_gen.cli import main
from intercom_gen.locations import DEFAULT_TEMPLATES
from intercom_gen.pipeline import resolve_catalog
from intercom_gen.verify import InvalidOutput, Verifier

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
