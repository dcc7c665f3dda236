"""The broken-catalog corpus: each folder of tests/cases is one catalog mistake.

A case holds `overlay/` (files laid over a copy of tests/fixtures/mini), optionally
`delete.txt` (catalog files to remove, one a line), and `expected.txt`, the exact
diagnostics intercom-gen must print. Rewrite every expected.txt with
`pytest tests/test_cases.py --update-goldens` and review the diff."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

CASES = Path(__file__).parent / "cases"


def case_names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if p.is_dir())


@pytest.mark.parametrize("case", case_names())
def test_broken_catalog_reports_its_problem(case: str, mini_catalog: Path, tmp_path: Path, update_goldens: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = CASES / case
    overlay = folder / "overlay"
    if overlay.is_dir():
        shutil.copytree(overlay, mini_catalog, dirs_exist_ok=True)
    deletions = folder / "delete.txt"
    if deletions.is_file():
        for line in deletions.read_text().split():
            (mini_catalog / line).unlink()
    out = tmp_path / "generated"
    previous = out / "2.15" / "catalog.json"
    previous.parent.mkdir(parents=True)
    previous.write_text("previous output\n")
    # Diagnostics name files relative to the working folder, as a user sees them.
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["--catalog", "catalog", "--out", "generated"])
    expected_file = folder / "expected.txt"
    if update_goldens:
        expected_file.write_text(result.stderr)
    expected = expected_file.read_text()
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), "a traceback escaped"
    assert result.stderr == expected, (
        f"diagnostics differ for case {case}; if the new text is right, run "
        "`pytest tests/test_cases.py --update-goldens` and review the diff"
    )
    assert "Traceback" not in result.output
    assert previous.read_text() == "previous output\n", "a failed run must leave the previous output intact"
    assert sorted(os.listdir(out)) == ["2.15"], "a failed run must leave no temporary folders"
