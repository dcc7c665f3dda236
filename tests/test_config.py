"""Settings in pyproject.toml's [tool.intercom-gen]: found from the current folder
upwards, overridden by the command line, honoured by the no-op fast path, and a bad
table reported at its line with exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from intercom_gen.cli import main
from intercom_gen.config import NO_CONFIG, ConfigError, load_config
from intercom_gen.pipeline import resolve_catalog
from tests.conftest import MINI_CATALOG

MINI = resolve_catalog(MINI_CATALOG)
NEWEST, OLDER = MINI.supported[-1], MINI.supported[-2]
ENTRY = [sys.executable, "-c", "from intercom_gen.entry import main; main()"]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project folder, the current folder, with its own cache."""
    folder = tmp_path / "project"
    folder.mkdir()
    monkeypatch.chdir(folder)
    monkeypatch.setenv("INTERCOM_GEN_CACHE", str(tmp_path / "cache"))
    return folder


def settings(folder: Path, body: str, before: str = '[project]\nname = "app"\n\n') -> Path:
    path = folder / "pyproject.toml"
    path.write_text(f"{before}[tool.intercom-gen]\n{body}")
    return path


def run(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(arguments))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_no_pyproject_means_no_settings(project: Path) -> None:
    assert load_config(project) is NO_CONFIG
    (project / "pyproject.toml").write_text('[project]\nname = "app"\n\n[tool.ruff]\nline-length = 100\n')
    assert load_config(project) is NO_CONFIG


def test_found_from_a_subfolder_with_paths_relative_to_the_pyproject(project: Path) -> None:
    settings(project, f'catalog = "{MINI_CATALOG}"\nout = "build/generated"\nversions = ["{NEWEST}"]\ntargets = ["catalog", "tables"]\n')
    deeper = project / "src" / "app"
    deeper.mkdir(parents=True)
    # A pyproject.toml without the table, on the way up, is passed over.
    (project / "src" / "pyproject.toml").write_text("[tool.black]\nline-length = 100\n")
    config = load_config(deeper)
    assert config.file == project / "pyproject.toml"
    assert config.catalog == MINI_CATALOG
    assert config.out == Path("../../build/generated")
    assert (deeper / config.out).resolve() == (project / "build/generated").resolve()
    assert config.versions == (NEWEST,)
    assert config.targets == ("catalog", "tables")


def test_the_nearest_table_wins(project: Path) -> None:
    settings(project, 'out = "outer"\n')
    inner = project / "inner"
    inner.mkdir()
    settings(inner, 'out = "inner-out"\n', before="")
    assert load_config(inner).out == Path("inner-out")
    assert load_config(project).out == Path("outer")


def test_the_settings_drive_a_plain_run(project: Path) -> None:
    settings(project, f'catalog = "{MINI_CATALOG}"\nout = "out"\nversions = ["{NEWEST}"]\ntargets = ["catalog"]\n')
    code, out, err = run()
    assert code == 0, err
    assert sorted(p.relative_to(project).as_posix() for p in (project / "out").rglob("*") if p.is_file()) == [f"out/{NEWEST}/catalog.json"]
    assert json.loads((project / "out" / NEWEST / "catalog.json").read_text())["api_version"] == NEWEST
    assert f"out/{NEWEST}" in out


def test_the_command_line_overrides_each_setting(project: Path) -> None:
    settings(project, f'catalog = "does-not-exist"\nout = "out"\nversions = ["{NEWEST}"]\ntargets = ["catalog"]\n')
    code, _, err = run("--catalog", str(MINI_CATALOG), "--out", "elsewhere", "--version", OLDER, "--target", "tables")
    assert code == 0, err
    assert not (project / "out").exists()
    written = sorted(p.relative_to(project / "elsewhere").as_posix() for p in (project / "elsewhere").rglob("*") if p.is_file())
    assert written and all(path.startswith(f"{OLDER}/tables/") for path in written)


def test_subcommands_read_the_catalog_setting(project: Path) -> None:
    settings(project, f'catalog = "{MINI_CATALOG}"\n')
    code, out, _ = run("list", "endpoints")
    assert code == 0
    ids = [line.split()[0] for line in out.splitlines()[1:]]
    assert ids == sorted(e.id for e in MINI.versions[MINI.base.api.default_version].endpoints)
    code, out, _ = run("--list-versions")
    assert code == 0 and out.split() == [*MINI.supported[:-1], MINI.supported[-1], "(default)"]
    # An explicit --catalog still wins.
    code, out, _ = run("list", "endpoints", "--catalog", str(MINI_CATALOG.parent / "does-not-exist"))
    assert code == 2


def test_check_uses_the_settings(project: Path) -> None:
    settings(project, f'catalog = "{MINI_CATALOG}"\nout = "out"\nversions = ["{NEWEST}"]\ntargets = ["catalog"]\n')
    assert run()[0] == 0
    code, out, _ = run("--check")
    assert code == 0 and f"out is current for {NEWEST}" in out
    (project / "out" / NEWEST / "catalog.json").write_text("{}\n")
    code, _, err = run("--check")
    assert code == 1 and f"out/{NEWEST}/catalog.json" in err
    assert "Run 'intercom-gen' to regenerate" in err, "the settings apply to the fix as well"


def test_the_fast_path_honours_the_settings(project: Path) -> None:
    settings(project, f'catalog = "{MINI_CATALOG}"\nout = "out"\nversions = ["{NEWEST}"]\n')
    environment = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    first = subprocess.run(ENTRY, capture_output=True, text=True, cwd=project, env=environment, check=False)
    assert first.returncode == 0, first.stderr
    assert sorted(p.name for p in (project / "out").iterdir()) == [NEWEST]
    again = subprocess.run(ENTRY, capture_output=True, text=True, cwd=project, env=environment, check=False)
    assert again.returncode == 0 and again.stdout.strip() == f"out/{NEWEST}: unchanged", again.stdout + again.stderr


def test_a_project_without_settings_never_loads_the_toml_parser(project: Path) -> None:
    """The no-op fast path reads pyproject.toml on every run: only a file that may hold
    the table is parsed, so the common case costs a read and a regular expression."""
    (project / "pyproject.toml").write_text('[project]\nname = "intercom-gen-user"\n\n[tool.ruff]\nline-length = 100\n')
    probe = "import sys; from intercom_gen.config import load_config; load_config(); print('tomllib' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=project, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ('out = "out"\nouput = "x"\n', 6, "6:1: unknown key 'ouput' in [tool.intercom-gen] (did you mean 'out'?)"),
        ('versions = "9.9"\n', 5, "5:1: versions must be a list of names as strings, not the string \"9.9\""),
        ("out = 3\n", 5, "5:1: out must be a folder path as a string, not the integer 3"),
        ('targets = ["python", 1]\n', 5, "5:1: targets must be a list of names as strings"),
        ("versions = []\n", 5, "5:1: versions is empty"),
        ('out = "out\n', 5, "5:11: not valid TOML: Illegal character"),
    ],
)
def test_a_bad_table_is_reported_at_its_line(project: Path, body: str, line: int, message: str) -> None:
    settings(project, body)
    with pytest.raises(ConfigError) as raised:
        load_config(project)
    assert [p.line for p in raised.value.problems] == [line]
    code, _, err = run("--check")
    assert code == 2
    assert err.startswith(f"pyproject.toml:{message}"), err
    assert "Traceback" not in err and "nothing was written" in err
    # The installed command, through its fast path, reports it the same way.
    result = subprocess.run(ENTRY, capture_output=True, text=True, cwd=project, check=False)
    assert result.returncode == 2 and result.stderr.startswith(f"pyproject.toml:{message}"), result.stderr
    assert "Traceback" not in result.stderr


def test_every_problem_is_listed_at_once(project: Path) -> None:
    settings(project, 'versions = "9.9"\nkatalog = "c"\nout = false\n')
    code, _, err = run()
    assert code == 2
    lines = err.splitlines()
    assert lines[0].startswith("pyproject.toml:5:1: versions must be a list")
    assert lines[1].startswith("pyproject.toml:6:1: unknown key 'katalog'") and "did you mean 'catalog'?" in lines[1]
    assert lines[2].startswith("pyproject.toml:7:1: out must be a folder path as a string, not the boolean false")
    assert lines[3] == "3 problems found; nothing was written."


def test_a_dotted_key_is_found_too(project: Path) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "app"\n\n[tool]\nintercom-gen.out = 3\n')
    with pytest.raises(ConfigError) as raised:
        load_config(project)
    (problem,) = raised.value.problems
    assert (problem.line, problem.col) == (5, 14)


def test_a_pyproject_in_a_parent_folder_is_named_by_its_path(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings(project, "out = 3\n")
    deeper = project / "a"
    deeper.mkdir()
    monkeypatch.chdir(deeper)
    code, _, err = run()
    assert code == 2 and err.startswith("../pyproject.toml:5:1: out must be")
