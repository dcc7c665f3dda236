"""datamodel-code-generator's runs: one for every version of a run, in a forked child
(started early when the catalog changed), equal to the tool's run on each version alone,
and a failure in the child reported with its cause. The forking halves run in a fresh
process: a test process may hold other threads, and then a run rightly stays in process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from intercom_gen.catalog import Catalog
from intercom_gen.pipeline import resolve_catalog

RESOLVED = resolve_catalog()


def run_script(script: str, cache: Path) -> str:
    environment = {**os.environ, "INTERCOM_GEN_CACHE": str(cache / "black")}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=environment, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


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
    together = json.loads(run_script(script, tmp_path))
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
    assert run_script(script, tmp_path).strip() == (
        "datamodel-code-generator failed in its worker process: ValueError: no model for this schema"
    )
    assert not list(tmp_path.rglob("*.json")), "a failed run caches nothing"


def test_a_worker_started_early_makes_the_models_and_is_skipped_once_they_are_made(tmp_path: Path) -> None:
    script = """
import json
import intercom_gen.model_generation as generation
import intercom_gen.model_worker as worker
from intercom_gen.locations import DEFAULT_CATALOG
from intercom_gen.model_schema import catalog_schema
from intercom_gen.pipeline import resolve_catalog
worker.start_early(DEFAULT_CATALOG)
early = worker._early
assert early is not None, "no worker was started for a catalog whose models were never made"
resolved = resolve_catalog(DEFAULT_CATALOG)
version = resolved.supported[-1]
pending = generation.PendingModels({version: catalog_schema(resolved.versions[version])[0]})
assert pending._worker is early and worker._early is None, "the run did not use the early worker"
made = pending.result()[version]
worker.stop_early(DEFAULT_CATALOG)
worker.start_early(DEFAULT_CATALOG)
assert worker._early is None, "a worker was started though the catalog is unchanged since"
print(json.dumps({c.name: c.text for c in made}))
"""
    made = json.loads(run_script(script, tmp_path))
    version = RESOLVED.supported[-1]
    assert made == _one_by_one(RESOLVED.versions[version])


def test_the_tool_run_in_parts_at_once_makes_the_classes_of_one_whole_run(tmp_path: Path) -> None:
    """The worker shares the tool's work among forked processes, one a core, and more
    parts for a large document: the classes must not depend on how many, whatever
    machine made them."""
    script = """
import json, sys
import intercom_gen.model_generation as generation
from intercom_gen.model_schema import catalog_schema
from intercom_gen.model_variants import union_document
from intercom_gen.pipeline import resolve_catalog
resolved = resolve_catalog()
document = union_document({v: catalog_schema(resolved.versions[v])[0] for v in resolved.supported})[0]
whole = generation.parse_classes(generation.generate_source(document))
made = {f"{parts} parts, {at_once} at once": generation.generate_classes(document, parts, at_once) for parts, at_once in ((2, 2), (3, 1), (5, 3))}
json.dump({"whole": whole, **made}, sys.stdout)
"""
    made = json.loads(run_script(script, tmp_path))
    whole = made.pop("whole")
    assert len(whole) > 100
    for parts, classes in made.items():
        assert list(classes) == sorted(whole), f"{parts}: other classes"
        assert classes == whole, f"{parts}: a class differs from the whole run's"


def test_a_document_is_split_into_parts_closed_under_their_references() -> None:
    from intercom_gen.model_partition import split_document
    from intercom_gen.model_schema import catalog_schema
    from intercom_gen.model_variants import union_document

    document = union_document({v: catalog_schema(RESOLVED.versions[v])[0] for v in RESOLVED.supported})[0]
    definitions = document["$defs"]
    for count in (2, 3, 4):
        parts = split_document(document, count)
        assert len(parts) == count
        owned = [name for part in parts for name in part.owned]
        assert sorted(owned) == sorted(definitions), "each definition is owned by exactly one part"
        for part in parts:
            held = part.document["$defs"]
            assert part.owned <= set(held)
            referenced = {ref.removeprefix("#/$defs/") for ref in _refs(held)}
            assert referenced <= set(held), "a part lacks a definition its own refer to"
            assert len(held) < len(definitions), "a part holds the whole document"
        assert split_document(document, count) == parts, "the split depends on the document alone"
    assert [p.owned for p in split_document(document, 1)] == [frozenset(definitions)]


def _refs(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [r for value in node.values() for r in _refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in _refs(value)]
    return []


def test_a_plain_cold_run_forks_its_model_worker_before_click_is_imported(tmp_path: Path) -> None:
    """The tool's imports are most of a cold run's critical path: generator.entry starts
    the worker before the command line (click, the pipeline) is loaded."""
    script = f"""
import os, sys
loaded_at_fork = []
fork = os.fork
def recorded_fork():
    loaded_at_fork.append(sorted(name for name in ("click", "intercom_gen.cli", "intercom_gen.pipeline") if name in sys.modules))
    return fork()
os.fork = recorded_fork
sys.argv = ["intercom-gen", "--version", {RESOLVED.supported[-1]!r}, "--out", {str(tmp_path / "out")!r}]
from intercom_gen.entry import main
try:
    main()
finally:
    print(loaded_at_fork[0] if loaded_at_fork else "no fork")
"""
    printed = run_script(script, tmp_path).strip().splitlines()
    assert printed[-1] == "[]", printed


def test_a_worker_whose_child_fails_to_start_never_runs_its_parents_code(tmp_path: Path) -> None:
    """A forked child that raised would go on in its parent's code, whose error handling
    (the command line reports every failure) would then run twice; it exits instead."""
    script = """
import os, sys
import intercom_gen.model_worker as worker
sys.modules["intercom_gen.model_generation"] = None  # the child's import of it fails
try:
    child = worker.Worker()
except ImportError:
    print("a child went on in its parent's code", flush=True)
    raise SystemExit(0)
_, status = os.waitpid(child.pid, 0)
print(f"parent alone, child exit {os.waitstatus_to_exitcode(status)}", flush=True)
"""
    assert run_script(script, tmp_path).splitlines() == ["parent alone, child exit 1"]
