"""Outputs the formatter skips must already be exactly what black would make of them,
and the formatter must still format any other Python output, each content once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import black
import pytest

from intercom_gen.catalog import Catalog
from intercom_gen.formatting import Formatter, black_mode, is_black_stable
from intercom_gen.pipeline import generate, resolve_catalog

RESOLVED = resolve_catalog()


@pytest.mark.parametrize("version", RESOLVED.supported)
def test_black_leaves_black_stable_outputs_unchanged(version: str) -> None:
    files = generate(RESOLVED, [version], formatter=Formatter(use_disk_cache=False))[version]
    stable = sorted(p for p in files if p.endswith(".py") and is_black_stable(p))
    assert "python/intercom_api/client.py" in stable and "python/intercom_api/models/__init__.py" in stable
    assert any(p.startswith("python/intercom_api/resources/") for p in stable)
    assert any(p.startswith("python/intercom_api/models/") and not p.endswith("__init__.py") for p in stable)
    changed = [p for p in stable if black.format_str(files[p], mode=black_mode()) != files[p]]
    assert changed == [], f"black would change {changed} for {version}: fix the template's layout"


def test_other_python_is_formatted_once_per_distinct_content() -> None:
    formatter = Formatter(use_disk_cache=False)
    ugly = "x = {'a':1}\n"
    result = formatter.format_tree({"tools/a.py": ugly, "tools/b.py": ugly, "notes.md": ugly})
    assert result["tools/a.py"] == result["tools/b.py"] == 'x = {"a": 1}\n'
    assert result["notes.md"] == ugly
    assert formatter.formatted == 1


def test_one_run_for_every_version_in_a_child_equals_each_version_alone(tmp_path: Path) -> None:
    """The models of every version are made in one run of datamodel-code-generator, in a
    forked child; each version's classes must read exactly as the tool writes them from
    that version's schemas alone. The forking half runs in a fresh process: a test
    process may hold other threads, and then the run rightly stays in process."""
    script = """
import json, os, sys
import intercom_gen.model_generation as generation
from intercom_gen.model_schema import catalog_schema
from intercom_gen.pipeline import resolve_catalog
resolved = resolve_catalog()
forks = []
fork = os.fork
def counted_fork():
    forks.append(1)
    return fork()
os.fork = counted_fork
documents = {v: catalog_schema(resolved.versions[v])[0] for v in resolved.supported}
made = generation.PendingModels(documents).result()
assert forks == [1], "the models were not made in one child process"
json.dump({v: {c.name: c.text for c in classes} for v, classes in made.items()}, sys.stdout)
"""
    environment = {**os.environ, "INTERCOM_GEN_CACHE": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=environment, check=False)
    assert result.returncode == 0, result.stderr
    together = json.loads(result.stdout)
    assert sorted(together) == list(RESOLVED.supported)
    for version in RESOLVED.supported:
        alone = _one_by_one(RESOLVED.versions[version])
        assert list(together[version]) == list(alone), f"{version}: other classes, or in another order"
        for name, text in alone.items():
            assert together[version][name] == text, f"{version}: class {name} differs"


def _one_by_one(catalog: Catalog) -> dict[str, str]:
    """datamodel-code-generator called on one version's schemas, bypassing every cache."""
    from intercom_gen.model_generation import generate_source, parse_classes
    from intercom_gen.model_schema import catalog_schema

    return {name: text for name, (text, _) in parse_classes(generate_source(catalog_schema(catalog)[0])).items()}


def test_a_failure_in_the_child_is_reported_with_its_cause(tmp_path: Path) -> None:
    script = """
import intercom_gen.model_generation as generation
from intercom_gen.model_schema import catalog_schema
from intercom_gen.pipeline import resolve_catalog
resolved = resolve_catalog()
def broken(document):
    raise ValueError("no model for this schema")
generation.generate_source = broken
version = resolved.supported[0]
pending = generation.PendingModels({version: catalog_schema(resolved.versions[version])[0]})
assert pending._worker is not None, "it ran in process, not in a child"
try:
    pending.result()
except RuntimeError as error:
    print(error)
"""
    environment = {**os.environ, "INTERCOM_GEN_CACHE": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=environment, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "datamodel-code-generator failed in its worker process: ValueError: no model for this schema"
    )
    assert not list(tmp_path.rglob("*.json")), "a failed run caches nothing"
