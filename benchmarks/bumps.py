"""Benchmarks of an API bump (issue 10): `intercom-gen propose` on the two newest of
Intercom's OpenAPI descriptions, and `intercom-gen conform` on the newest, each as the
command a maintainer runs (a fresh process) and in process (its parts timed apart),
plus how the drafts compare with the catalog's hand-written history.

Run from the repository root (it needs ../shared/reference/intercom-openapi):

    .venv/bin/python benchmarks/bumps.py            # 7 runs of each command
    .venv/bin/python benchmarks/bumps.py --runs 3

Every figure is the median of the runs, with its min-max. Nothing is written outside a
temporary folder removed at the end. No version is named: the pair is the catalog's two
newest supported versions, and the history every adjacent pair.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ruamel.yaml import YAML  # noqa: E402

from intercom_gen.catalog import VersionRule  # noqa: E402
from intercom_gen.conform import check_conformance, differences  # noqa: E402
from intercom_gen.openapi_description import load_description  # noqa: E402
from intercom_gen.pipeline import resolve_catalog  # noqa: E402
from intercom_gen.propose import compare_with_written, propose  # noqa: E402

BIN = ROOT / ".venv" / "bin"
INTERCOM_GEN = str(BIN / "intercom-gen") if (BIN / "intercom-gen").exists() else "intercom-gen"
REFERENCE = ROOT.parent / "shared" / "reference" / "intercom-openapi"
TARGET_SECONDS = 5.0


def description(version: str) -> Path:
    return REFERENCE / version / "api.intercom.io.yaml"


def timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def figure(times: list[float]) -> str:
    median = statistics.median(times)
    return f"{median:7.3f} s  ({min(times):.3f} - {max(times):.3f}, n={len(times)})"


def command(*arguments: str) -> Callable[[], object]:
    def run() -> object:
        result = subprocess.run([INTERCOM_GEN, *arguments], capture_output=True, text=True, check=False)
        if result.returncode not in (0, 1):
            raise SystemExit(f"intercom-gen {' '.join(arguments)} failed:\n{result.stderr}")
        return result

    return run


def derived_from_description(rule: VersionRule) -> bool:
    return rule.note.startswith("OpenAPI description")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    resolved = resolve_catalog()
    older, newer = resolved.supported[-2], resolved.supported[-1]
    if not (description(older).is_file() and description(newer).is_file()):
        raise SystemExit(f"Intercom's descriptions of {older} and {newer} are not under {REFERENCE}")
    print(f"API bump benchmarks: propose {older} → {newer}, conform {newer}; {runs} runs each\n")

    rows: list[tuple[str, list[float]]] = []
    with tempfile.TemporaryDirectory() as scratch:
        draft_file = Path(scratch) / "draft.yaml"
        propose_command = command("propose", str(description(older)), str(description(newer)), "--version", newer)
        rows.append(("intercom-gen propose (the command, a fresh process)", timed(propose_command, runs)))
        draft_file.write_text(str(getattr(propose_command(), "stdout", "")))
        rows.append(("intercom-gen conform (the command, a fresh process)", timed(command("conform", "--description", str(description(newer)), "--version", newer), runs)))
    rows.append(("  read one description (YAML, ruamel's C parser)", timed(lambda: load_description(description(newer)), runs)))
    safe = YAML(typ="safe", pure=False)
    rows.append(("  the same with ruamel's safe loader, for comparison", timed(lambda: safe.load(description(newer).read_text(encoding="utf-8")), runs)))
    rows.append(("  load, validate and resolve the catalog", timed(resolve_catalog, runs)))
    old_document, new_document = load_description(description(older)), load_description(description(newer))
    rows.append(("  draft the rules (both descriptions read)", timed(lambda: propose(resolved.versions[older], old_document, new_document, newer).text(), runs)))
    rows.append(("  compare the catalog with one description (read)", timed(lambda: differences(resolved.versions[newer], new_document), runs)))
    rows.append(("  conform in process (catalog and description read)", timed(lambda: check_conformance(ROOT / "catalog", description(newer), newer), runs)))
    width = max(len(name) for name, _ in rows)
    for name, times in rows:
        print(f"{name:<{width}}  {figure(times)}")
    for name, times in rows[:2]:
        verdict = "MET" if statistics.median(times) < TARGET_SECONDS else "not met"
        print(f"target: {name.split(' (')[0]} under {TARGET_SECONDS:.0f} s (median): {verdict}")

    print("\nThe drafts against the catalog's history (rules whose note says they come from the description):\n")
    print("| versions | written | reproduced | for review | missed | proposed, not written |")
    print("| --- | --- | --- | --- | --- | --- |")
    for before, after in pairwise(resolved.supported):
        if not (description(before).is_file() and description(after).is_file()):
            continue
        draft = propose(resolved.versions[before], load_description(description(before)), load_description(description(after)), after)
        rules = next(v.rules for v in resolved.base.versions if v.version == after)
        derived = compare_with_written(draft, [(r.kind, r.arguments) for r in rules if derived_from_description(r)])
        others = compare_with_written(draft, [(r.kind, r.arguments) for r in rules if not derived_from_description(r)])
        written = len(derived.reproduced) + len(derived.reviewed) + len(derived.missed)
        extra = len(set(derived.extra) & set(others.extra))
        print(f"| {before} → {after} | {written} | {len(derived.reproduced)} | {len(derived.reviewed)} | {len(derived.missed)} | {extra} |")


if __name__ == "__main__":
    main()
