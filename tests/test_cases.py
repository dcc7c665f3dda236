"""The broken-catalog corpus: each folder of tests/cases is one catalog mistake.

A case holds `overlay/` (files laid over a copy of tests/fixtures/mini), optionally
`delete.txt` (catalog files to remove, one a line), optionally `special.txt` (files
made at run time, see make_special_files), and `expected.txt`, the exact diagnostics
intercom-gen must print. Rewrite every expected.txt with
`pytest tests/test_cases.py --update-goldens` and review the diff."""

from __future__ import annotations

import codecs
import faulthandler
import os
import shlex
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from intercom_gen.cli import main
from tests.catalog_versions import versions_of
from tests.conftest import MINI_CATALOG

CASES = Path(__file__).parent / "cases"


# A broken YAML file is reported within seconds (generous for a loaded CI machine): never a hang.
YAML_CASE_SECONDS = 10.0


def case_names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if p.is_dir())


def make_special_files(catalog: Path, spec: Path) -> None:
    """Make what git cannot hold, or should not, one a line, paths relative to the catalog
    (an existing file there is replaced):

    `link PATH TARGET`       a symbolic link to TARGET (relative to PATH's folder, or absolute)
    `fifo PATH`              a named pipe
    `folder PATH`            an empty folder
    `repeat PATH COUNT TEXT` TEXT (with Python escapes such as \\n) written COUNT times"""
    for line in spec.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, relative, *rest = shlex.split(line)
        path = catalog / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink() or path.is_file():
            path.unlink()
        if kind == "link":
            try:
                os.symlink(rest[0], path)
            except (OSError, NotImplementedError) as error:
                pytest.skip(f"cannot make a symbolic link here: {error}")
        elif kind == "fifo":
            if not hasattr(os, "mkfifo"):
                pytest.skip("no named pipes on this system")
            os.mkfifo(path)
        elif kind == "folder":
            path.mkdir()
        elif kind == "repeat":
            count, text = int(rest[0]), codecs.decode(rest[1], "unicode_escape")
            path.write_text(text * count, encoding="utf-8")
        else:
            raise ValueError(f"{spec}: unknown kind {kind!r}")


@pytest.mark.parametrize("case", case_names())
def test_broken_catalog_reports_its_problem(
    case: str, mini_catalog: Path, tmp_path: Path, update_goldens: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = CASES / case
    overlay = folder / "overlay"
    if overlay.is_dir():
        shutil.copytree(overlay, mini_catalog, dirs_exist_ok=True)
    deletions = folder / "delete.txt"
    if deletions.is_file():
        for line in deletions.read_text().split():
            (mini_catalog / line).unlink()
    special = folder / "special.txt"
    if special.is_file():
        make_special_files(mini_catalog, special)
    out = tmp_path / "generated"
    newest = versions_of(MINI_CATALOG)[-1]
    previous = out / newest / "catalog.json"
    previous.parent.mkdir(parents=True)
    previous.write_text("previous output\n")
    # Diagnostics name files relative to the working folder, as a user sees them.
    monkeypatch.chdir(tmp_path)
    # A run that hangs (on a FIFO, say) ends the test run with every thread's traceback.
    faulthandler.dump_traceback_later(120, exit=True)
    started = time.monotonic()
    try:
        result = CliRunner().invoke(main, ["--catalog", "catalog", "--out", "generated"])
    finally:
        faulthandler.cancel_dump_traceback_later()
    elapsed = time.monotonic() - started
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
    if case.startswith("yaml_"):
        assert elapsed < YAML_CASE_SECONDS, f"case {case} took {elapsed:.1f}s"
    assert sorted(os.listdir(out)) == [newest], "a failed run must leave no temporary folders"
