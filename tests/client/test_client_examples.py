"""Every `Example::` block in the generated package's docstrings runs, as written, against
the fake server, for every supported version: the examples a reader copies work.

Each block runs in a fresh interpreter whose regions all point at the fake and whose token
is in the environment, so the examples need neither; a block that uses `client` without
making one gets a client, and an async block (one with `await`) runs in an event loop."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.client.versions import SUPPORTED
from tests.fake_intercom import FakeIntercom

TOKEN = "test-token"
PRELUDE = """
import sys
import intercom_api.transport as transport
for region in list(transport.BASE_URLS):
    transport.BASE_URLS[region] = sys.argv[1]  # type: ignore[index]
from intercom_api import AsyncIntercom, Intercom
"""


def examples(package: Path) -> list[tuple[str, str]]:
    """(where, code) of each `Example::` block in the package's docstrings."""
    found = []
    for module in sorted(package.rglob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in [tree, *ast.walk(tree)]:
            if not isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            doc = ast.get_docstring(node)
            if not doc or "Example::" not in doc:
                continue
            block = doc.split("Example::", 1)[1].split("\n\n", 1)[1]
            code = textwrap.dedent("\n".join(line for line in block.splitlines() if line.startswith("    ") or not line))
            name = getattr(node, "name", "")
            found.append((f"{module.relative_to(package).as_posix()}:{name}", code.strip() + "\n"))
    return found


def runnable(code: str) -> str:
    uses_client = "client" in code and "client =" not in code and " as client" not in code
    if "await " in code:
        body = ("client = AsyncIntercom()\n" if uses_client else "") + code
        return PRELUDE + "import asyncio\n\nasync def main():\n" + textwrap.indent(body, "    ") + "\nasyncio.run(main())\n"
    return PRELUDE + ("client = Intercom()\n" if uses_client else "") + code


@pytest.mark.parametrize("version", SUPPORTED)
def test_every_docstring_example_runs(every_version: dict[str, Path], fake: FakeIntercom, version: str) -> None:
    folder = every_version[version]
    found = examples(folder / "intercom_api")
    assert len(found) >= 6, [where for where, _ in found]
    env = {**os.environ, "PYTHONPATH": str(folder), "INTERCOM_ACCESS_TOKEN": TOKEN, "PYTHONDONTWRITEBYTECODE": "1"}
    failures = []
    for where, code in found:
        done = subprocess.run(
            [sys.executable, "-c", runnable(code), fake.base_url], cwd=folder, env=env, capture_output=True, text=True, timeout=60
        )
        if done.returncode != 0:
            failures.append(f"{where}:\n{code}\n{done.stderr[-2000:]}")
    assert failures == [], "\n\n".join(failures)
    assert {r.version for r in fake.requests} == {version}
