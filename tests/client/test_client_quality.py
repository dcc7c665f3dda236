"""Static quality of the generated packages: mypy --strict, py.typed, import cost, and the
previous version's package (used only in subprocesses, since it shares the module name
intercom_api)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.client.versions import NEWEST, PREVIOUS, RESOLVED, VERSIONS
from tests.fake_intercom import FakeIntercom


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
    for module in ("__init__", "client", "endpoints", "errors", "pagination", "params", "transport"):
        assert (package / f"{module}.py").is_file(), module
    catalog = RESOLVED.versions[version]
    assert {p.stem for p in (package / "resources").glob("*.py")} == {g.id for g in catalog.groups}
    models = {p.stem for p in (package / "models").glob("*.py")}
    assert "__init__" in models and len(models) > len(catalog.groups)


@pytest.mark.parametrize("version", VERSIONS)
def test_import_does_not_load_models_or_pydantic(generated: Path, version: str) -> None:
    result = run_python(
        generated,
        version,
        """
        import json, sys
        from intercom_api import Intercom, AsyncIntercom, ENDPOINTS, required_scopes
        client = Intercom("t", base_url="http://127.0.0.1:9")
        def loaded(prefix):
            return sorted(m for m in sys.modules if m == prefix or m.startswith(prefix + "."))
        before = {"models": loaded("intercom_api.models"), "pydantic": loaded("pydantic"),
                  "resources": loaded("intercom_api.resources")}
        client.contacts
        contacts = loaded("intercom_api.resources")
        client.close()
        import intercom_api.models
        package_alone = loaded("pydantic")
        intercom_api.models.Contact
        print(json.dumps({"before": before, "contacts": contacts, "package_alone": package_alone,
                          "after": "pydantic.main" in sys.modules, "models": loaded("intercom_api.models"),
                          "file": intercom_api.__file__}))
        """,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["file"].startswith(str(python_dir(generated, version)))
    assert report["before"] == {"models": [], "pydantic": [], "resources": []}
    assert report["contacts"] == ["intercom_api.resources", "intercom_api.resources.contacts"]
    assert report["package_alone"] == [], "the models package loads a model's module only when it is used"
    assert report["after"] is True
    loaded = {m.removeprefix("intercom_api.models.") for m in report["models"]} - {"intercom_api.models"}
    assert "contact" in loaded
    all_modules = {p.stem for p in (python_dir(generated, version) / "intercom_api" / "models").glob("*.py")}
    assert len(loaded) < len(all_modules) / 4, f"a Contact loads {len(loaded)} model modules of {len(all_modules)}"


def resolution_states(version: str) -> list[str]:
    """The catalog's values of ai_agent.resolution_state in `version`."""
    schema = RESOLVED.versions[version].schema("ai_agent")
    assert schema is not None
    field = next(p for p in schema.properties if p.name == "resolution_state")
    return [str(v) for v in field.definition["enum"]]


def test_previous_package_imports_and_knows_its_enums(generated: Path) -> None:
    result = run_python(
        generated,
        PREVIOUS,
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
    assert report["version"] == PREVIOUS
    assert report["states"] == resolution_states(PREVIOUS)
    assert report["endpoints"] == sorted(e.id for e in RESOLVED.versions[PREVIOUS].endpoints)
    newer = {e.id for e in RESOLVED.versions[NEWEST].endpoints} - set(report["endpoints"])
    assert newer, "the newest version adds endpoints the previous package must not have"


def test_previous_client_against_the_fake(generated: Path, fake: FakeIntercom) -> None:
    result = run_python(
        generated,
        PREVIOUS,
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
    report = json.loads(result.stdout)
    assert report["state"] in resolution_states(PREVIOUS)
    assert report["contacts"] == len(fake.contacts)
    assert {r.version for r in fake.requests} == {PREVIOUS}
    assert len(fake.requests) == 1 + 3
