"""The command line as a user meets it: generate, --check, --list-versions, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from intercom_gen import __version__
from intercom_gen.cli import main
from tests.catalog_versions import following, newest, shipped, supported

# The version Intercom's API guide describes, the catalog's default.
GUIDE = shipped().base.api.default_version


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("INTERCOM_GEN_CACHE", str(tmp_path / "cache"))
    return tmp_path


def run(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(arguments))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_generates_one_version_with_the_brief_counts(in_tmp: Path) -> None:
    code, out, _ = run("--version", GUIDE, "--out", "generated")
    assert code == 0 and f"generated/{GUIDE}" in out
    catalog = json.loads((in_tmp / f"generated/{GUIDE}/catalog.json").read_text())
    assert catalog["api_version"] == GUIDE
    # The brief's numbers, plus the endpoints its version history adds without a permission.
    assert catalog["counts"] == {
        "endpoints": 30,
        "groups": 8,
        "read": 14,
        "write": 16,
        "permissions": 16,
        "endpoints_without_documented_permission": 17,
    }
    assert catalog["base_urls"] == {
        "au": "https://api.au.intercom.io",
        "eu": "https://api.eu.intercom.io",
        "us": "https://api.intercom.io",
    }
    assert sorted(p.name for p in (in_tmp / "generated").iterdir()) == [GUIDE]


def test_output_is_byte_identical_across_runs(in_tmp: Path) -> None:
    run("--version", newest(), "--out", "first")
    run("--version", newest(), "--out", "second")
    first = {p.relative_to(in_tmp / "first"): p.read_bytes() for p in (in_tmp / "first").rglob("*") if p.is_file()}
    second = {p.relative_to(in_tmp / "second"): p.read_bytes() for p in (in_tmp / "second").rglob("*") if p.is_file()}
    assert first == second and len(first) > 30


def test_check_passes_on_current_output_and_lists_stale_files(in_tmp: Path) -> None:
    assert run("--out", "generated")[0] == 0
    code, out, _ = run("--check", "--out", "generated")
    assert code == 0 and "current" in out
    edited, strayed = f"generated/{supported()[-1]}/catalog.json", f"generated/{supported()[0]}/stray.txt"
    (in_tmp / edited).write_text("{}\n")
    (in_tmp / strayed).write_text("left over\n")
    (in_tmp / "generated/9.9").mkdir()
    code, _, err = run("--check", "--out", "generated")
    assert code == 1
    for stale in (edited, strayed, "generated/9.9"):
        assert stale in err
    assert (in_tmp / edited).read_text() == "{}\n", "--check writes nothing"


def test_unknown_version_lists_the_supported_ones(in_tmp: Path) -> None:
    unknown = following(newest())
    code, _, err = run("--version", unknown, "--out", "generated")
    assert code == 2
    assert f"unknown API version '{unknown}'" in err and ", ".join(supported()) in err
    assert not (in_tmp / "generated").exists()


def test_list_versions_and_tool_version(in_tmp: Path) -> None:
    code, out, _ = run("--list-versions")
    listed = [v + (" (default)" if v == GUIDE else "") for v in supported()]
    assert code == 0 and out.split("\n")[: len(listed)] == listed
    code, out, _ = run("--tool-version")
    assert code == 0 and out.strip() == f"intercom-gen {__version__}"


def test_the_installed_command_works_from_any_folder(in_tmp: Path) -> None:
    """The console script, in a fresh process from an unrelated folder, with its
    shipped catalog; a second run is a no-op answered before the command line loads."""
    version = supported()[len(supported()) // 2]
    command = [sys.executable, "-c", "from intercom_gen.entry import main; main()", "--version", version, "--out", "out"]
    first = subprocess.run(command, capture_output=True, text=True, cwd=in_tmp, check=False)
    assert first.returncode == 0, first.stderr
    assert (in_tmp / f"out/{version}/python/intercom_api/client.py").is_file()
    again = subprocess.run(command, capture_output=True, text=True, cwd=in_tmp, check=False)
    assert again.returncode == 0 and again.stdout.strip() == f"out/{version}: unchanged"
    (in_tmp / f"out/{version}/catalog.json").write_text("edited by hand\n")
    repaired = subprocess.run(command, capture_output=True, text=True, cwd=in_tmp, check=False)
    assert "1 file(s) changed" in repaired.stdout
    assert (in_tmp / f"out/{version}/catalog.json").read_text().startswith("{")
