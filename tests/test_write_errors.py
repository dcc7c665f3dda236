"""An output that cannot be written (no permission, a full disk, a file in the way) or
holds files that are not UTF-8: one clear line, exit 4, never a traceback, and the
previous output kept."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from intercom_gen import write
from intercom_gen.cli import main
from tests.catalog_versions import versions_of

ROOT = Path(__file__).resolve().parent.parent
MINI_CATALOG = ROOT / "tests" / "fixtures" / "mini"
# The fixture catalog's newest version: the one its runs write.
VERSION = versions_of(MINI_CATALOG)[-1]
INTERCOM_GEN = Path(sys.executable).parent / "intercom-gen"

Tree = dict[str, str]


@pytest.fixture(scope="module")
def catalogs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The catalog as it is now, and as it was for the previous output (one title differs)."""
    base = tmp_path_factory.mktemp("catalogs")
    current, previous = base / "current", base / "previous"
    shutil.copytree(MINI_CATALOG, current)
    shutil.copytree(MINI_CATALOG, previous)
    api = previous / "api.yaml"
    api.write_text(api.read_text().replace("title: Australia", "title: Australia and New Zealand"))
    return current, previous


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the module's runs: black formats each file once."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def in_tmp(tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("INTERCOM_GEN_CACHE", str(cache))
    return tmp_path


def run(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(arguments))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def previous_output(catalogs: tuple[Path, Path], out: Path) -> Tree:
    """Write the previous catalog's output for 2.15 to `out`; returns its snapshot."""
    code, _, err = run("--catalog", str(catalogs[1]), "--version", VERSION, "--out", str(out))
    assert code == 0, err
    return snapshot(out)


def snapshot(out: Path) -> Tree:
    """Every path below `out`, leftovers included, with a digest of each file."""
    return {
        p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder"
        for p in sorted(out.rglob("*"))
    }


def assert_one_clear_line(err: str, *parts: str) -> None:
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    for part in parts:
        assert part in err, err


def chmod_is_enforced(folder: Path) -> bool:
    """False when running as root (or with CAP_DAC_OVERRIDE), which writes anyway."""
    probe = folder / "probe"
    try:
        probe.mkdir()
    except PermissionError:
        return True
    probe.rmdir()
    return False


def test_a_read_only_output_folder(in_tmp: Path, catalogs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """A real chmod where it is enforced. As root it is not (and chattr is not at hand),
    so the EACCES that a read-only folder gives is injected into os.mkdir instead; the
    test below makes a really read-only filesystem where it can."""
    out = in_tmp / "generated"
    before = previous_output(catalogs, out)
    out.chmod(0o555)
    try:
        if not chmod_is_enforced(out):
            real_mkdir = os.mkdir

            def mkdir(path: str | os.PathLike[str], mode: int = 0o777) -> None:
                if Path(path).parent == out:
                    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
                real_mkdir(path, mode)

            monkeypatch.setattr(os, "mkdir", mkdir)
        code, _, err = run("--catalog", str(catalogs[0]), "--version", VERSION, "--out", str(out))
    finally:
        out.chmod(0o755)
    assert code == 4
    assert_one_clear_line(
        err, f"could not write {out}/{VERSION}: Permission denied ({out}); the previous output is unchanged"
    )
    assert snapshot(out) == before


FULL_DISK = """
import errno, os
from intercom_gen.entry import main

out = os.path.realpath(os.environ["FULL_DISK_BELOW"]) + os.sep
real_write = os.write

def write(descriptor, data):
    try:
        written_to = os.readlink(f"/proc/self/fd/{descriptor}")
    except OSError:
        written_to = ""
    if written_to.startswith(out):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    return real_write(descriptor, data)

os.write = write
main()
"""


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc/self/fd")
def test_a_full_disk(in_tmp: Path, catalogs: tuple[Path, Path], cache: Path) -> None:
    """The real command line in a subprocess whose every write into the output folder
    fails as on a full disk (ENOSPC); the test after this one fills a real filesystem."""
    out = in_tmp / "generated"
    before = previous_output(catalogs, out)
    environment = {**os.environ, "INTERCOM_GEN_CACHE": str(cache), "FULL_DISK_BELOW": str(out)}
    arguments = ["--catalog", str(catalogs[0]), "--version", VERSION, "--out", str(out)]
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK, *arguments], env=environment, capture_output=True, text=True, check=False
    )
    assert result.returncode == 4
    assert_one_clear_line(result.stderr, f"could not write {out}/{VERSION}: No space left on device ({out}/{VERSION}/")
    assert result.stderr.rstrip().endswith("); the previous output is unchanged")
    assert snapshot(out) == before, "the previous output is kept and nothing is left behind"


IN_A_NAMESPACE = """
import json, os, subprocess, sys
how, out, intercom_gen = sys.argv[1:4]
arguments = sys.argv[4:]
if how == "read-only":
    subprocess.run(["mount", "--bind", out, out], check=True)
    subprocess.run(["mount", "-o", "remount,bind,ro", out], check=True)
else:
    keep = out + ".previous"
    os.rename(out, keep)
    os.mkdir(out)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", out], check=True)
    subprocess.run(["cp", "-a", keep + "/.", out], check=True)
    filler = os.open(os.path.join(out, "filler"), os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(filler, bytes(4096)):
            pass
    except OSError:
        pass
    os.close(filler)
first = subprocess.run([intercom_gen, *arguments], capture_output=True, text=True)
listing = sorted(os.listdir(out))
report = {"code": first.returncode, "stderr": first.stderr, "listing": listing}
if how == "full":
    os.remove(os.path.join(out, "filler"))
    report["again"] = subprocess.run([intercom_gen, *arguments], capture_output=True, text=True).returncode
    report["after"] = sorted(os.listdir(out))
print(json.dumps(report))
"""


def can_mount() -> bool:
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        return False
    return subprocess.run(["unshare", "--mount", "true"], capture_output=True, check=False).returncode == 0


@pytest.mark.skipif(not can_mount(), reason="needs unshare --mount (root or CAP_SYS_ADMIN)")
@pytest.mark.parametrize("how", ["read-only", "full"])
def test_a_really_read_only_or_full_filesystem(
    in_tmp: Path, catalogs: tuple[Path, Path], cache: Path, how: str
) -> None:
    """In a private mount namespace, which vanishes with its process: the output folder
    bind-mounted read-only (EROFS, which binds root too), or a 1 MB tmpfs holding the
    previous output and filled up."""
    out = in_tmp / "generated"
    before = previous_output(catalogs, out)
    arguments = ["--catalog", str(catalogs[0]), "--version", VERSION, "--out", str(out)]
    environment = {**os.environ, "INTERCOM_GEN_CACHE": str(cache)}
    result = subprocess.run(
        ["unshare", "--mount", sys.executable, "-c", IN_A_NAMESPACE, how, str(out), str(INTERCOM_GEN), *arguments],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["code"] == 4
    reason = "Read-only file system" if how == "read-only" else "No space left on device"
    assert_one_clear_line(report["stderr"], f"could not write {out}/{VERSION}: {reason}", "the previous output is unchanged")
    if how == "read-only":
        assert snapshot(out) == before
    else:
        assert report["listing"] == [VERSION, "filler"], "nothing is left behind"
        assert report["again"] == 0 and report["after"] == [VERSION], "with room again, the write goes through"


def test_a_file_where_the_version_folder_should_be(in_tmp: Path, catalogs: tuple[Path, Path]) -> None:
    out = in_tmp / "generated"
    out.mkdir()
    (out / VERSION).write_text("not a folder\n")
    code, _, err = run("--catalog", str(catalogs[0]), "--version", VERSION, "--out", str(out))
    assert code == 4
    assert_one_clear_line(err, f"could not write {out}/{VERSION}: Not a directory ({out}/{VERSION} is not a folder)")
    assert (out / VERSION).read_text() == "not a folder\n"
    assert sorted(p.name for p in out.iterdir()) == [VERSION]


def test_a_file_where_a_folder_above_the_output_should_be(in_tmp: Path, catalogs: tuple[Path, Path]) -> None:
    (in_tmp / "notes.txt").write_text("mine\n")
    out = in_tmp / "notes.txt" / "generated"
    code, _, err = run("--catalog", str(catalogs[0]), "--version", VERSION, "--out", str(out))
    assert code == 4
    assert_one_clear_line(err, f"could not write {out}/{VERSION}: Not a directory ({in_tmp}/notes.txt is not a folder)")
    assert (in_tmp / "notes.txt").read_text() == "mine\n"


def test_out_itself_a_file_is_refused_as_an_argument(in_tmp: Path, catalogs: tuple[Path, Path]) -> None:
    """click checks --out before the command runs: exit 2, an invalid argument."""
    (in_tmp / "generated").write_text("mine\n")
    code, _, err = run("--catalog", str(catalogs[0]), "--version", VERSION, "--out", "generated")
    assert code == 2
    assert "Traceback" not in err and "'generated' is a file" in err
    assert (in_tmp / "generated").read_text() == "mine\n"


def test_files_that_are_not_utf8_in_the_output(in_tmp: Path, catalogs: tuple[Path, Path]) -> None:
    """A site someone built into generated/2.15, and a generated file overwritten with
    bytes that are not UTF-8: --check lists both, a run replaces the tree, neither crashes."""
    out = in_tmp / "generated"
    assert run("--catalog", str(catalogs[0]), "--out", str(out))[0] == 0
    (out / VERSION / "site").mkdir()
    (out / VERSION / "site" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    (out / VERSION / "catalog.json").write_bytes(b"\xff\xfe{}")
    code, _, err = run("--catalog", str(catalogs[0]), "--check", "--out", str(out))
    assert code == 1 and "Traceback" not in err
    assert f"{out}/{VERSION}/site/logo.png" in err and f"{out}/{VERSION}/catalog.json" in err
    code, stdout, err = run("--catalog", str(catalogs[0]), "--out", str(out))
    assert code == 0, err
    assert f"{out}/{VERSION}: " in stdout and "2 file(s) changed" in stdout
    assert not (out / VERSION / "site").exists()
    assert run("--catalog", str(catalogs[0]), "--check", "--out", str(out))[0] == 0


def test_an_unreadable_output_file_under_check(
    in_tmp: Path, catalogs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root reads any file whatever its mode, so the EACCES is injected."""
    out = in_tmp / "generated"
    assert run("--catalog", str(catalogs[0]), "--out", str(out))[0] == 0
    locked = out / VERSION / "catalog.json"

    def refuse(path: str, mode: str = "r") -> object:
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
        return open(path, mode)

    monkeypatch.setattr(write, "open", refuse, raising=False)
    code, _, err = run("--catalog", str(catalogs[0]), "--check", "--out", str(out))
    assert code == 4
    assert_one_clear_line(err, f"could not read {out}/{VERSION}: Permission denied ({locked})")
