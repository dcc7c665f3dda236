"""What ships: the pre-commit hook and the README's CI example name real commands, every
command's --help shows an example and where endpoint ids are, and the wheel carries the
licence, py.typed, the catalog and the templates."""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from intercom_gen.cli import main
from tests.catalog_versions import supported
from tests.conftest import ROOT


def load_yaml(text: str) -> Any:
    return YAML(typ="safe", pure=True).load(text)


def readme_block(heading: str, language: str) -> str:
    """The first fenced block of `language` under a README heading."""
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index(f"\n{heading}\n") :]
    found = re.search(rf"```{language}\n(.*?)```", section, re.DOTALL)
    assert found, f"no {language} block under {heading!r}"
    return found[1]


def help_of(words: list[str]) -> str:
    """`intercom-gen WORDS... --help`, in process: exit 0 only when every word is a real
    command or option (click refuses an unknown one before printing help)."""
    assert words[0] == "intercom-gen", words
    result = CliRunner().invoke(main, [*words[1:], "--help"])
    assert result.exit_code == 0, f"{shlex.join(words)} is not an intercom-gen command: {result.output}"
    return result.output


def test_the_pre_commit_hook(tmp_path: Path) -> None:
    hooks = load_yaml((ROOT / ".pre-commit-hooks.yaml").read_text())
    (hook,) = hooks
    assert hook["id"] == "intercom-gen-check"
    assert hook["entry"] == "intercom-gen --check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    for path in ("catalog/api.yaml", "catalog/endpoints/contacts.yaml", "templates/docs/mkdocs.yml.jinja", "pyproject.toml"):
        assert files.search(path), path
    for path in ("README.md", "tests/test_cli.py", "src/catalog.py"):
        assert not files.search(path), path
    help_of(shlex.split(hook["entry"]))


def test_the_readme_ci_example_runs_real_commands() -> None:
    workflow = load_yaml(readme_block("### CI example", "yaml"))
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    commands = [shlex.split(step["run"]) for step in steps if "run" in step]
    installs = [c for c in commands if c[:2] == ["pip", "install"]]
    assert installs and any(word.startswith(".") for word in installs[0][2:]), "the workflow installs the tool"
    extras = re.search(r"\[(.*)\]", installs[0][2])
    assert extras and "docs" in extras[1].split(","), "with what the docs build needs"
    runs = [c for c in commands if c[0] == "intercom-gen"]
    assert ["intercom-gen", "--check"] in runs
    assert any(c[:2] == ["intercom-gen", "docs"] and "--out" in c for c in runs)
    for command in runs:
        help_of(command)
    assert all(c[0] in ("pip", "intercom-gen") for c in commands), commands


def test_the_readme_quickstart_is_two_commands() -> None:
    lines = [line for line in readme_block("## Quickstart", "sh").splitlines() if line.strip()]
    assert len(lines) == 2


@pytest.mark.parametrize(
    "command", [["intercom-gen"], ["intercom-gen", "diff"], ["intercom-gen", "scopes"], ["intercom-gen", "list", "endpoints"], ["intercom-gen", "docs"]]
)
def test_every_help_shows_an_example_and_where_the_ids_are(command: list[str]) -> None:
    text = help_of(command)
    assert re.search(r"^\s*Examples?:$", text, re.MULTILINE), text
    assert re.search(rf"^\s+{re.escape(shlex.join(command))}\b", text, re.MULTILINE), "the example runs this command"
    assert "intercom-gen list endpoints" in " ".join(text.split()), "it says where endpoint ids are listed"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)]
    if importlib.util.find_spec("hatchling") is not None:
        command.insert(4, "--no-build-isolation")  # the test extras bring the backend: no fetch
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("intercom_gen-*.whl")
    return zipfile.ZipFile(built)


def test_the_wheel_carries_the_licence_and_py_typed(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
    text = wheel.read(metadata).decode()
    assert "License-Expression: MIT" in text
    assert "License-File: LICENSE" in text
    (licence,) = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
    assert wheel.read(licence).decode() == (ROOT / "LICENSE").read_text()
    assert "The intercom-gen authors" in wheel.read(licence).decode()
    assert "intercom_gen/py.typed" in names
    (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    assert "intercom-gen = intercom_gen.entry:main" in wheel.read(entry_points).decode()


def test_the_wheel_ships_the_package_as_intercom_gen_only(wheel: zipfile.ZipFile) -> None:
    top_level = {n.split("/")[0] for n in wheel.namelist() if not n.split("/")[0].endswith(".dist-info")}
    assert top_level == {"intercom_gen"}, "the generic name `generator` is not claimed"
    sources = {p.relative_to(ROOT / "generator").as_posix() for p in (ROOT / "generator").rglob("*.py")}
    shipped = {n.removeprefix("intercom_gen/") for n in wheel.namelist() if n.endswith(".py")}
    assert sources <= shipped, f"modules missing from the wheel: {sorted(sources - shipped)}"
    assert not any("__pycache__" in n for n in wheel.namelist())


def test_the_wheel_carries_the_catalog_and_the_templates(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    for folder in ("catalog", "templates"):
        prefix = f"intercom_gen/{folder}/"
        shipped = {n.removeprefix(prefix) for n in names if n.startswith(prefix)}
        source = {
            p.relative_to(ROOT / folder).as_posix()
            for p in (ROOT / folder).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts  # compiled templates stay behind
        }
        assert shipped and source <= shipped, f"{folder}/ files missing from the wheel: {sorted(source - shipped)}"


def test_the_installed_wheel_runs_as_python_m_intercom_gen(wheel: zipfile.ZipFile, tmp_path: Path) -> None:
    """Installed apart from the checkout, run from a folder outside it: `python -m
    intercom_gen` finds its own catalog and templates and writes what generated/ holds."""
    site = tmp_path / "site"
    wheel.extractall(site)
    work = tmp_path / "work"
    work.mkdir()
    environment = {**os.environ, "PYTHONPATH": str(site)}

    def run(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, *arguments], cwd=work, env=environment, capture_output=True, text=True, timeout=300, check=False)

    found = run("-c", "import intercom_gen; print(intercom_gen.__file__)")
    assert found.returncode == 0, found.stderr
    assert Path(found.stdout.strip()).is_relative_to(site), "the installed package, not the checkout's"
    listed = run("-m", "intercom_gen", "--list-versions")
    assert listed.returncode == 0, listed.stderr
    version = supported()[0]
    generated = run("-m", "intercom_gen", "--version", version, "--target", "catalog", "--out", "out")
    assert generated.returncode == 0, generated.stderr
    written = sorted(p.relative_to(work / "out").as_posix() for p in (work / "out").rglob("*") if p.is_file())
    assert written, "the run wrote nothing"
    for name in written:
        assert (work / "out" / name).read_bytes() == (ROOT / "generated" / name).read_bytes(), name
