"""The command line means what it says: group options before a subcommand, --check for
one version, stray version folders, shell completion, a missing --version value."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from intercom_gen.cli import main
from intercom_gen.pipeline import resolve_catalog
from tests.conftest import MINI_CATALOG

RESOLVED = resolve_catalog()
NEWEST, OLDER = RESOLVED.supported[-1], RESOLVED.supported[-2]
ENTRY = [sys.executable, "-c", "from intercom_gen.entry import main; main()"]


def run(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(arguments))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_catalog_before_a_subcommand_is_honoured() -> None:
    mini = resolve_catalog(MINI_CATALOG)
    code, out, _ = run("--catalog", str(MINI_CATALOG), "--version", mini.supported[0], "scopes", "contacts.create")
    assert code == 0
    assert out.startswith(f"API version {mini.supported[0]}:")


def test_an_option_a_subcommand_does_not_take_is_refused() -> None:
    code, _, err = run("--version", OLDER, "diff", OLDER, NEWEST)
    assert code == 2 and "--version does not apply to 'diff'" in err
    code, _, err = run("--out", "elsewhere", "scopes", "contacts.create")
    assert code == 2 and "--out does not apply to 'scopes'" in err


def test_check_of_one_version_checks_only_that_version(tmp_path: Path) -> None:
    assert run("--out", str(tmp_path), "--version", NEWEST)[0] == 0
    code, out, _ = run("--out", str(tmp_path), "--check", "--version", NEWEST)
    assert code == 0 and NEWEST in out and OLDER not in out
    (tmp_path / NEWEST / "catalog.json").write_text("{}\n")
    code, _, err = run("--out", str(tmp_path), "--check", "--version", NEWEST)
    assert code == 1
    assert f"Run 'intercom-gen --version {NEWEST} --out {tmp_path}' to regenerate" in err


def test_a_full_regeneration_removes_the_stray_version_folders_check_reports(tmp_path: Path) -> None:
    mini = resolve_catalog(MINI_CATALOG)
    arguments = ("--catalog", str(MINI_CATALOG), "--out", str(tmp_path))
    stray = tmp_path / "1.9"
    (stray / "python").mkdir(parents=True)
    (tmp_path / "notes").mkdir()  # not a version folder: not ours to judge
    code, _, err = run(*arguments, "--check")
    assert code == 1 and str(stray) in err and "notes" not in err
    code, out, _ = run(*arguments)
    assert code == 0 and f"{stray}: removed" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*mini.supported, "notes"])
    assert run(*arguments, "--check")[0] == 0


def test_shell_completion_prints_the_script() -> None:
    environment = {**os.environ, "_INTERCOM_GEN_COMPLETE": "bash_source"}
    result = subprocess.run(ENTRY, capture_output=True, text=True, env=environment, check=False)
    assert result.returncode == 0
    assert "_intercom_gen_completion" in result.stdout and "unchanged" not in result.stdout


@pytest.mark.parametrize("arguments", [["--version"], ["--version", ""], ["--version", "--check"]])
def test_a_missing_api_version_points_at_tool_version(arguments: list[str]) -> None:
    result = subprocess.run([*ENTRY, *arguments], capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "--tool-version" in result.stderr and "Traceback" not in result.stderr
