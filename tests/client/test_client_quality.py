"""Static quality of the generated packages: mypy --strict, py.typed, import cost, and the
2.14 package (used only in subprocesses, since it shares the module name intercom_api)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.fake_intercom import FakeIntercom

VERSIONS = ("2.14", "2.15")


def python_dir(generated: Path, version: str) -> Path:
    return generated / version / "python"


def run_python(generated: Path, version: str, code: str, *args: str) -> subprocess.CompletedProcess[str]:
    folder = python_dir(generated, version)
    env = {**os.environ, "PYTHONPATH": str(folder), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("INTERCOM_ACCESS_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture(scope="session")
def mypy_results(generated: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, subprocess.CompletedProcess[str]]:
    """mypy --strict once per package, both runs in parallel."""
    cache = tmp_path_factory.mktemp("mypy-cache")
    running = {
        version: subprocess.Popen(
            [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache / version), "intercom_api"],
            cwd=python_dir(generated, version),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for version in VERSIONS
    }
    results = {}
    for version, process in running.items():
        output, _ = process.communicate(timeout=300)
        results[version] = subprocess.CompletedProcess(process.args, process.returncode, output, "")
    return results


@pytest.mark.parametrize("version", VERSIONS)
def test_mypy_strict_passes(mypy_results: dict[str, subprocess.CompletedProcess[str]], version: str) -> None:
    result = mypy_results[version]
    assert result.returncode == 0, result.stdout
    assert "Success: no issues found" in result.stdout


@pytest.mark.parametrize("version", VERSIONS)
def test_package_ships_py_typed(generated: Path, version: str) -> None:
    package = python_dir(generated, version) / "intercom_api"
    assert (package / "py.typed").is_file()
    for module in ("__init__", "client", "endpoints", "errors", "models", "pagination", "transport"):
        assert (package / f"{module}.py").is_file(), module


@pytest.mark.parametrize("version", VERSIONS)
def test_import_does_not_load_models_or_pydantic(generated: Path, version: str) -> None:
    result = run_python(
        generated,
        version,
        """
        import json, sys
        from intercom_api import Intercom, AsyncIntercom, ENDPOINTS, required_scopes
        client = Intercom("t", base_url="http://127.0.0.1:9")
        before = {
            "models": "intercom_api.models" in sys.modules,
            "pydantic": sorted(m for m in sys.modules if m == "pydantic" or m.startswith("pydantic.")),
        }
        client.close()
        import intercom_api.models
        after = "pydantic.main" in sys.modules
        print(json.dumps({"before": before, "after": after, "file": intercom_api.__file__}))
        """,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["file"].startswith(str(python_dir(generated, version)))
    assert report["before"] == {"models": False, "pydantic": []}
    assert report["after"] is True


def test_2_14_package_imports_and_knows_its_enums(generated: Path) -> None:
    result = run_python(
        generated,
        "2.14",
        """
        import json
        import intercom_api
        from intercom_api import models
        print(json.dumps({
            "version": intercom_api.API_VERSION,
            "states": [m.value for m in models.AiAgentResolutionState],
            "endpoints": sorted(intercom_api.ENDPOINTS),
        }))
        """,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["version"] == "2.14"
    assert "routed_to_team" in report["states"]
    assert "escalated" not in report["states"]
    assert "calls.list" in report["endpoints"]
    assert not any(e.startswith(("fin_voice.", "workflows.")) for e in report["endpoints"]), "2.15-only endpoints"


def test_2_14_client_against_the_fake(generated: Path, fake: FakeIntercom) -> None:
    result = run_python(
        generated,
        "2.14",
        """
        import json, sys
        from intercom_api import Intercom
        with Intercom("test-token", base_url=sys.argv[1]) as client:
            conversation = client.conversations.retrieve("conv3")
            contacts = [c.id for c in client.contacts.list(per_page=9)]
        print(json.dumps({"state": conversation.ai_agent.resolution_state, "contacts": len(contacts)}))
        """,
        fake.base_url,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"state": "routed_to_team", "contacts": len(fake.contacts)}
    assert {r.version for r in fake.requests} == {"2.14"}
    assert len(fake.requests) == 1 + 3
