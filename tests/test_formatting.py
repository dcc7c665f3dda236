"""Outputs the formatter skips must already be exactly what black would make of them,
and the formatter must still format any other Python output, each content once."""

from __future__ import annotations

import hashlib
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


def test_versions_generated_in_parallel_equal_one_by_one(tmp_path: Path) -> None:
    """model_sources forks one worker a core; its models must equal a sequential run's.
    The parallel half runs in a fresh process: a test process may hold other threads,
    and then model_sources rightly declines to fork."""
    script = """
import hashlib, sys
import intercom_gen.datamodels as datamodels
from intercom_gen.pipeline import resolve_catalog
resolved = resolve_catalog()
catalogs = [resolved.versions[v] for v in resolved.supported[-2:]]
pools = []
class CountedPool(datamodels.ProcessPoolExecutor):
    def __init__(self, *args, **kwargs):
        pools.append(self)
        super().__init__(*args, **kwargs)
datamodels.ProcessPoolExecutor = CountedPool
sources = datamodels.model_sources(catalogs)
assert len(pools) == 1, "the versions were not made in worker processes"
for source in sources:
    print(hashlib.sha256(source.encode()).hexdigest())
"""
    environment = {**os.environ, "INTERCOM_GEN_CACHE": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=environment, check=False)
    assert result.returncode == 0, result.stderr
    sequential = [
        hashlib.sha256(_one_by_one(RESOLVED.versions[v]).encode()).hexdigest()
        for v in RESOLVED.supported[-2:]
    ]
    assert result.stdout.split() == sequential


def _one_by_one(catalog: Catalog) -> str:
    """datamodel-code-generator called directly, bypassing every cache."""
    import intercom_gen.datamodels as datamodels

    return datamodels._generate(datamodels._document(catalog)[1])
