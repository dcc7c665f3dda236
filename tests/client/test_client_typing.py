"""Typing: a small program of correct use type-checks under mypy --strict and pyright, with
the types it asserts (assert_type); the same calls with a misspelled enum value, a wrong
nested key, a misspelled endpoint id, an unknown region and None where Intercom allows no
null fail both, on exactly the lines marked. For every supported version's package; and
`pyright --verifytypes` scores the newest package at least 95%.

pyright is pinned in the test extra: its PyPI wheel bundles the Node package of the same
version, so it runs on the machine's `node` with no download. Without it the pyright halves
skip, saying so, except under CI, where they fail."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.client.versions import NEWEST, SUPPORTED

GOOD = '''
# pyright: strict
from __future__ import annotations

from typing import assert_type

from intercom_api import NOT_GIVEN, AsyncIntercom, Intercom, RawResponse, SyncPager, required_scopes
from intercom_api.models import Contact, Conversation, Message
from intercom_api.params import CreateConversationRequestFromParam, SearchQueryParam


def use(client: Intercom) -> None:
    contact = client.contacts.retrieve("c1", timeout=5.0, extra_headers={"X-Trace-Id": "t"})
    assert_type(contact, Contact)
    # Fields Intercom always sends (the catalog's always_sent) are plain; others may be None.
    assert_type(contact.id, str)
    assert_type(client.contacts.retrieve(contact.id), Contact)
    assert_type(contact.email, str | None)
    assert_type(client.contacts.search(query={"field": "role", "operator": "=", "value": "user"}), SyncPager[Contact])
    for found in client.contacts.search(query={"field": "role", "operator": "=", "value": "user"}, per_page=5):
        assert_type(found, Contact)
    query: SearchQueryParam = {"field": "email", "operator": "~", "value": "@example.com"}
    client.contacts.search(query=query)
    reply = client.conversations.reply("conv1", message_type="comment", type="admin", admin_id="1", body="Hi")
    assert_type(reply, Conversation)
    sender: CreateConversationRequestFromParam = {"type": "user", "id": "c1"}
    assert_type(client.conversations.create(from_=sender, body="Hello"), Message)
    client.contacts.update("c1", name=None, custom_attributes={"plan": None}, email=NOT_GIVEN)
    raw = client.with_raw_response.contacts.retrieve("c1")
    assert_type(raw, RawResponse[Contact])
    assert_type(raw.parse(), Contact)
    assert_type(raw.status_code, int)
    assert_type(required_scopes("contacts.search", "conversations.reply"), tuple[str, ...])


async def use_async() -> None:
    async with AsyncIntercom("token", region="eu") as client:
        assert_type(await client.contacts.retrieve("c1"), Contact)
        raw = await client.with_raw_response.contacts.retrieve("c1")
        assert_type(raw, RawResponse[Contact])


with Intercom("token", region="eu") as client:
    use(client)
'''

# Each line ending in `# wrong` must be an error for both checkers, and no other line.
BAD = '''
from __future__ import annotations

from intercom_api import Intercom, required_scopes


def use(client: Intercom) -> None:
    client.conversations.reply("conv1", message_type="commment", type="admin", admin_id="1")  # wrong
    client.conversations.create(from_={"type": "user", "idd": "c1"}, body="Hi")  # wrong
    client.conversations.create(from_={"type": "robot", "id": "c1"}, body="Hi")  # wrong
    client.contacts.search(query={"field": "role", "operator": "==", "value": "user"})  # wrong
    required_scopes("contacts.serch")  # wrong
    client.contacts.update("c1", email=None)  # wrong
    client.contacts.update("c1", name=None)
    client.contacts.retrieve("c1", timeout="soon")  # wrong
    client.contacts.retrieve(client.contacts.retrieve("c1").email)  # wrong


Intercom("token", region="mars")  # wrong
'''

CHECKS = [pytest.param(v, id=v) for v in SUPPORTED]


def wrong_lines(program: str) -> set[int]:
    return {n for n, line in enumerate(textwrap.dedent(program).splitlines(), 1) if line.endswith("# wrong")}


@pytest.fixture(scope="module")
def packages(every_version: dict[str, Path]) -> dict[str, Path]:
    """Every supported version's package, each folder also holding good.py and bad.py."""
    for folder in every_version.values():
        (folder / "good.py").write_text(textwrap.dedent(GOOD))
        (folder / "bad.py").write_text(textwrap.dedent(BAD))
    return every_version


def run_all(commands: dict[str, tuple[list[str], Path]]) -> dict[str, subprocess.CompletedProcess[str]]:
    """Run the commands side by side: {key: result}."""
    # PYRIGHT_PYTHON_IGNORE_WARNINGS: the wrapper never asks the index for a newer version.
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYRIGHT_PYTHON_IGNORE_WARNINGS": "1"}
    running = {
        key: subprocess.Popen(command, cwd=cwd, env={**env, "PYTHONPATH": str(cwd)}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for key, (command, cwd) in commands.items()
    }
    results = {}
    for key, process in running.items():
        output, _ = process.communicate(timeout=600)
        results[key] = subprocess.CompletedProcess(process.args, process.returncode, output, "")
    return results


@pytest.fixture(scope="module")
def mypy_runs(packages: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, subprocess.CompletedProcess[str]]:
    cache = tmp_path_factory.mktemp("mypy-cache")
    return run_all(
        {
            f"{version}-{program}": (
                [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache / f"{version}-{program}"), f"{program}.py"],
                folder,
            )
            for version, folder in packages.items()
            for program in ("good", "bad")
        }
    )


def pyright() -> str:
    found = shutil.which("pyright", path=str(Path(sys.executable).parent)) or shutil.which("pyright")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("pyright is not installed: it is in the test extra (pip install -e '.[test]')")
        pytest.skip("pyright is not installed (pip install pyright)")
    return found


@pytest.fixture(scope="module")
def pyright_runs(packages: dict[str, Path]) -> dict[str, subprocess.CompletedProcess[str]]:
    command = pyright()
    return run_all(
        {
            f"{version}-{program}": ([command, "--pythonpath", sys.executable, "--outputjson", f"{program}.py"], folder)
            for version, folder in packages.items()
            for program in ("good", "bad")
        }
    )


def mypy_errors(output: str, program: str) -> dict[int, str]:
    found = {}
    for match in re.finditer(rf"^{program}\.py:(\d+): error: (.*)$", output, re.MULTILINE):
        found.setdefault(int(match.group(1)), match.group(2))
    return found


def pyright_errors(output: str) -> dict[int, str]:
    report = json.loads(output[output.index("{") :])
    return {
        d["range"]["start"]["line"] + 1: d["message"]
        for d in report.get("generalDiagnostics", [])
        if d.get("severity") == "error"
    }


@pytest.mark.parametrize("version", CHECKS)
def test_correct_use_passes_mypy_strict(mypy_runs: dict[str, subprocess.CompletedProcess[str]], version: str) -> None:
    result = mypy_runs[f"{version}-good"]
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("version", CHECKS)
def test_wrong_use_fails_mypy_on_each_marked_line(mypy_runs: dict[str, subprocess.CompletedProcess[str]], version: str) -> None:
    errors = mypy_errors(mypy_runs[f"{version}-bad"].stdout, "bad")
    assert set(errors) == wrong_lines(BAD), mypy_runs[f"{version}-bad"].stdout


@pytest.mark.parametrize("version", CHECKS)
def test_correct_use_passes_pyright(pyright_runs: dict[str, subprocess.CompletedProcess[str]], version: str) -> None:
    result = pyright_runs[f"{version}-good"]
    assert pyright_errors(result.stdout) == {}, result.stdout
    assert result.returncode == 0


@pytest.mark.parametrize("version", CHECKS)
def test_wrong_use_fails_pyright_on_each_marked_line(pyright_runs: dict[str, subprocess.CompletedProcess[str]], version: str) -> None:
    errors = pyright_errors(pyright_runs[f"{version}-bad"].stdout)
    assert set(errors) == wrong_lines(BAD), pyright_runs[f"{version}-bad"].stdout


def test_the_misspelled_enum_value_is_named(mypy_runs: dict[str, subprocess.CompletedProcess[str]]) -> None:
    errors = mypy_errors(mypy_runs[f"{NEWEST}-bad"].stdout, "bad")
    line = min(wrong_lines(BAD))
    assert "'commment'" in errors[line] and "expected \"Literal['comment'" in errors[line]


def test_pyright_verifytypes_scores_at_least_95_percent(packages: dict[str, Path]) -> None:
    command = pyright()
    folder = packages[NEWEST]
    result = run_all(
        {"verify": ([command, "--pythonpath", sys.executable, "--verifytypes", "intercom_api", "--ignoreexternal", "--outputjson"], folder)}
    )["verify"]
    report = json.loads(result.stdout[result.stdout.index("{") :])
    completeness = report["typeCompleteness"]
    score = completeness["completenessScore"]
    vague = [
        s["name"]
        for s in completeness["symbols"]
        if s["isExported"] and (not s["isTypeKnown"] or s.get("isTypeAmbiguous"))
    ]
    assert score >= 0.95, f"pyright --verifytypes intercom_api scores {score:.1%}: {vague[:20]}"
    assert completeness["exportedSymbolCounts"]["withUnknownType"] == 0, vague[:20]
