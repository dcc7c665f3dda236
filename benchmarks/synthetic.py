"""Write a synthetic catalog N times the size of catalog/, for the scale benchmark (issue 13).

    .venv/bin/python benchmarks/synthetic.py 10 /tmp/catalog-10x
    .venv/bin/python benchmarks/synthetic.py 10 /tmp/catalog-10x --check   # and validate it

The copy has the catalog's own shapes with renamed ids and paths. The base files (api.yaml,
versions/, permissions, scopes, webhooks, errors) and every original endpoint and schema
file are copied unchanged; then, for each copy k in 1..N-1:

- every endpoints/<group>.yaml becomes endpoints/<group>_k<k>.yaml, with group id
  `<group>_k<k>`, endpoint ids `<group>_k<k>.<action>`, paths prefixed with `/k<k>`, and
  `webhook: null` (webhooks.yaml is not copied, so every topic's `triggered_by` keeps naming
  the originals and stays valid);
- every schema the endpoints reach (their request and response, and through `$ref` whatever
  those refer to) becomes schemas/<name>_k<k>.yaml, named `<name>_k<k>`, its `$ref`s renamed
  the same way, and the copied endpoints name the copies.

The version rules are not copied: they change the originals only, so a copy stays as the
base catalog describes it in every version. Files are read and written with ruamel.yaml's
round-trip mode, so comments, quoting and block scalars survive.
"""

from __future__ import annotations

import argparse
import copy
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "catalog"
# Keys of an endpoint that name a schema of the catalog.
SCHEMA_KEYS = ("request", "response")


@dataclass(frozen=True)
class SyntheticCatalog:
    """What was written: counts of the source and of the copy, and their YAML bytes."""

    factor: int
    path: Path
    endpoints: int
    schemas: int
    cloned_schemas: int
    source_endpoints: int
    source_schemas: int
    source_bytes: int
    bytes: int

    @property
    def size(self) -> float:
        """The copy's size in units of the source catalog, measured in YAML bytes."""
        return self.bytes / self.source_bytes


def round_trip_yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-fold a long line
    yaml.indent(mapping=2, sequence=4, offset=2)  # the catalog's own layout: "  - id: ..."
    # Write null as the catalog does ("webhook: null"), not as an empty value.
    yaml.representer.add_representer(
        type(None), lambda representer, _: representer.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    return yaml


def refs(node: Any) -> Iterator[str]:
    """Every schema name a `$ref` in node names, at any depth."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


def rename_refs(node: Any, renamed: dict[str, str]) -> None:
    """Rename, in place, every `$ref` in node that renamed has a new name for."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                node[key] = renamed.get(value, value)
            else:
                rename_refs(value, renamed)
    elif isinstance(node, list):
        for value in node:
            rename_refs(value, renamed)


def reached_schemas(endpoint_files: dict[str, Any], schemas: dict[str, Any]) -> list[str]:
    """The schemas the endpoints name, and everything those refer to, in a stable order."""
    todo: list[str] = []
    for document in endpoint_files.values():
        for endpoint in document["endpoints"]:
            todo += [endpoint[key] for key in SCHEMA_KEYS if isinstance(endpoint.get(key), str)]
            todo += refs(endpoint)
    reached: set[str] = set()
    while todo:
        name = todo.pop()
        if name in reached or name not in schemas:
            continue
        reached.add(name)
        todo += refs(schemas[name])
    return sorted(reached)


def yaml_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*.yaml"))


def write_synthetic_catalog(factor: int, target: Path, source: Path = CATALOG) -> SyntheticCatalog:
    """Write into target (absent or empty) a catalog factor times the size of source."""
    if factor < 1:
        raise ValueError(f"the factor must be at least 1, not {factor}")
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} is not empty")
    shutil.copytree(source, target, dirs_exist_ok=True)
    yaml = round_trip_yaml()
    endpoint_files = {path.stem: yaml.load(path) for path in sorted((source / "endpoints").glob("*.yaml"))}
    schemas = {}
    for path in sorted((source / "schemas").glob("*.yaml")):
        document = yaml.load(path)
        schemas[str(document.get("name", path.stem))] = document
    cloned = reached_schemas(endpoint_files, schemas)
    endpoints = sum(len(document["endpoints"]) for document in endpoint_files.values())

    for k in range(1, factor):
        suffix = f"_k{k}"
        renamed = {name: name + suffix for name in cloned}
        for stem, document in endpoint_files.items():
            copied = copy.deepcopy(document)
            group = str(copied["group"]["id"])
            copied["group"]["id"] = group + suffix
            for endpoint in copied["endpoints"]:
                action = str(endpoint["id"]).split(".", 1)[1]
                endpoint["id"] = f"{group}{suffix}.{action}"
                endpoint["path"] = f"/k{k}{endpoint['path']}"
                if "webhook" in endpoint:
                    endpoint["webhook"] = None
                for key in SCHEMA_KEYS:
                    if isinstance(endpoint.get(key), str):
                        endpoint[key] = renamed.get(endpoint[key], endpoint[key])
                rename_refs(endpoint, renamed)
            yaml.dump(copied, target / "endpoints" / f"{stem}{suffix}.yaml")
        for name in cloned:
            copied = copy.deepcopy(schemas[name])
            copied["name"] = renamed[name]
            rename_refs(copied, renamed)
            yaml.dump(copied, target / "schemas" / f"{renamed[name]}.yaml")

    return SyntheticCatalog(
        factor=factor,
        path=target,
        endpoints=endpoints * factor,
        schemas=len(schemas) + len(cloned) * (factor - 1),
        cloned_schemas=len(cloned),
        source_endpoints=endpoints,
        source_schemas=len(schemas),
        source_bytes=yaml_bytes(source),
        bytes=yaml_bytes(target),
    )


def supported_versions(catalog: Path = CATALOG) -> list[str]:
    """The supported API versions, oldest first: the names of versions/<version>.yaml."""
    names = [path.stem for path in (catalog / "versions").glob("*.yaml")]
    if not names:
        raise FileNotFoundError(f"{catalog / 'versions'} holds no <version>.yaml")
    return sorted(names, key=lambda name: tuple(int(part) if part.isdigit() else -1 for part in name.split(".")))


def newest_version(catalog: Path = CATALOG) -> str:
    """The newest supported API version."""
    return supported_versions(catalog)[-1]


def check_catalog(catalog: Path, intercom_gen: str, version: str) -> subprocess.CompletedProcess[str]:
    """Generate one version from catalog into a temporary folder, with its own cache."""
    with tempfile.TemporaryDirectory(prefix="intercom-gen-synthetic-check-") as folder:
        env = dict(os.environ)
        env["INTERCOM_GEN_CACHE"] = str(Path(folder) / "cache")
        cmd = [intercom_gen, "--catalog", str(catalog), "--out", str(Path(folder) / "out"), "--version", version]
        return subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("factor", type=int, help="how many times the size of catalog/ (1 writes a plain copy)")
    parser.add_argument("target", type=Path, help="the folder to write (absent or empty)")
    parser.add_argument("--source", type=Path, default=CATALOG, help="the catalog to copy (default: catalog/)")
    parser.add_argument(
        "--check", action="store_true", help="then generate the newest version from it (into a temporary folder)"
    )
    args = parser.parse_args(argv)
    written = write_synthetic_catalog(args.factor, args.target, args.source)
    print(
        f"{written.path}: {written.endpoints} endpoints, {written.schemas} schemas "
        f"({written.cloned_schemas} cloned per copy), {written.bytes:,} bytes of YAML = "
        f"{written.size:.2f}x the {written.source_bytes:,} of {args.source}"
    )
    if not args.check:
        return 0
    binary = Path(sys.executable).parent / "intercom-gen"
    version = newest_version(args.target)
    done = check_catalog(args.target, str(binary) if binary.exists() else "intercom-gen", version)
    status = "valid" if done.returncode == 0 else f"INVALID (exit {done.returncode})"
    print(f"intercom-gen --catalog {args.target} --version {version}: {status}")
    if done.returncode != 0:
        print(done.stdout[-3000:] + done.stderr[-3000:], file=sys.stderr)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
