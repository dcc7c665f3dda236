"""Benchmarks for intercom-gen: generation speed (issues 2 and 13) and generated-client speed (issue 4).

Run from the repository root:

    .venv/bin/python benchmarks/run.py                 # the full run (about 10 minutes on 2 busy cores)
    .venv/bin/python benchmarks/run.py --quick         # fewer runs and calls (about 6 minutes)
    .venv/bin/python benchmarks/run.py --only scale --scale 100   # part C up to 100x (many minutes)

Every figure is a median over several runs, printed with its min-max and the run count. Ratios
compare figures measured in the same invocation, so they hold on any machine even though
the absolute times do not. Nothing is written outside temporary folders (removed at the
end); generated/ and the user's intercom-gen cache are never touched. See README.md.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import traceback
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from processes import process_printing_url
from spawner import Spawner
from synthetic import SyntheticCatalog, supported_versions, write_synthetic_catalog

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin" if (ROOT / ".venv" / "bin" / "intercom-gen").exists() else Path(sys.executable).parent
PYTHON = str(BIN / "python") if (BIN / "python").exists() else sys.executable
INTERCOM_GEN = str(BIN / "intercom-gen")
PEER = str(BIN / "openapi-python-client")
TESTS = ROOT / "tests"
VERSIONS = supported_versions(ROOT / "catalog")  # oldest first
VERSION = VERSIONS[-1]  # the newest: the one-version figures and the client are of this version
ALL_VERSIONS = f"all {len(VERSIONS)} versions"
REFERENCE_SPEC = ROOT.parent / "shared" / "reference" / "intercom-openapi" / VERSION / "api.intercom.io.yaml"
TOKEN = "test-token"
CONTACTS = 3000
PER_PAGE = 150
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
# Starts every measured command (see benchmarks/spawner.py); made first thing in main().
SPAWNER: Spawner | None = None
# Problems found while measuring, added to the report's list at the end.
PROBLEMS: list[str] = []
# Part C: the per-unit figure of a larger catalog may exceed the smaller one's by this much
# (machine noise) and still count as "at most proportional to size".
SCALE_TOLERANCE = 0.10


# --------------------------------------------------------------------------- reporting


@dataclass
class Figure:
    label: str
    samples: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def low(self) -> float:
        return min(self.samples)

    @property
    def high(self) -> float:
        return max(self.samples)

    @property
    def runs(self) -> int:
        return len(self.samples)


Format = Callable[[float], str]


@dataclass
class Report:
    # section, label, value (the median), spread (min-max), runs, versus
    rows: list[tuple[str, str, str, str, str, str]] = field(default_factory=list)
    targets: list[tuple[str, str, bool | None]] = field(default_factory=list)  # target, measured, met
    problems: list[str] = field(default_factory=list)

    def section(self, title: str) -> None:
        self.rows.append((title, "", "", "", "", ""))

    def add(self, label: str, value: str, runs: str = "", versus: str = "", spread: str = "") -> None:
        self.rows.append(("", label, value, spread, runs, versus))

    def figure(self, figure: Figure, versus: str = "", fmt: Format | None = None, label: str | None = None) -> None:
        """One measured figure: its median, its min-max and its run count."""
        fmt = fmt or seconds
        spread = f"{fmt(figure.low)} - {fmt(figure.high)}" if figure.runs > 1 else ""
        self.add(figure.label if label is None else label, fmt(figure.median), runs_text(figure), versus, spread)

    def target(self, text: str, measured: str, met: bool | None) -> None:
        self.targets.append((text, measured, met))

    def problem(self, text: str) -> None:
        self.problems.append(text)
        log(f"  problem: {text}")

    def print(self, elapsed: float) -> None:
        # A heading-like row (no value, such as a note) may run past the label column.
        width = max([len(r[1]) for r in self.rows if r[1] and r[2]] + [20])
        value_width = max([len(r[2]) for r in self.rows] + [10])
        spread_width = max([len(r[3]) for r in self.rows] + [len("min - max")])
        print()
        print("=" * 100)
        print(f"  {'':<{width}}  {'median':>{value_width}}  {'min - max':^{spread_width}}  {'runs':>7}")
        for section, label, value, spread, runs, versus in self.rows:
            if section:
                print(f"\n{section}")
                print("-" * len(section))
                continue
            line = f"  {label:<{width}}  {value:>{value_width}}  {spread:^{spread_width}}  {runs:>7}  {versus}"
            print(line.rstrip())
        print("\nTargets")
        print("-------")
        for text, measured, met in self.targets:
            mark = "MET" if met else ("not met" if met is False else "n/a")
            print(f"  [{mark:^7}] {text}: {measured}")
        if self.problems:
            print("\nProblems found")
            print("--------------")
            for text in self.problems:
                print(textwrap.fill(text, width=98, initial_indent="  - ", subsequent_indent="    "))
        print(f"\nTotal benchmark time: {elapsed:.0f} s")


# The console script pip writes for an entry point, with a command that does nothing: the
# floor of every pip-installed command, intercom-gen's no-op included (`import re` is most
# of what it adds to the bare interpreter).
LAUNCHER_FLOOR = """import re
import sys
if __name__ == "__main__":
    sys.argv[0] = re.sub(r"(-script\\.pyw|\\.exe)?$", "", sys.argv[0])
    sys.exit(None)
"""


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def seconds(value: float) -> str:
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 1e-3:
        return f"{value * 1e3:.1f} ms"
    return f"{value * 1e6:.0f} us"


def mebibytes(value: float) -> str:
    return f"{value / 2**20:.2f} MiB" if value >= 2**20 else f"{value / 2**10:.0f} KiB"


def ratio(a: float, b: float) -> float:
    return a / b if b else float("inf")


def runs_text(figure: Figure) -> str:
    return f"n={figure.runs}"


def describe(figure: Figure, fmt: Format | None = None) -> str:
    """A figure in a target line: median (min-max, n)."""
    fmt = fmt or seconds
    if figure.runs == 1:
        return f"{fmt(figure.median)} (n=1)"
    return f"{fmt(figure.median)} ({fmt(figure.low)} - {fmt(figure.high)}, n={figure.runs})"


def ratio_text(numerator: Figure, denominator: Figure, digits: int = 2) -> tuple[float, str]:
    """The ratio of the medians, and a text giving it with the range the extremes allow."""
    r = ratio(numerator.median, denominator.median)
    low, high = ratio(numerator.low, denominator.high), ratio(numerator.high, denominator.low)
    return r, f"{r:.{digits}f}x (extremes {low:.{digits}f}x - {high:.{digits}f}x)"


# --------------------------------------------------------------------------- part A: generation


@dataclass
class Finished:
    """One finished process: its wall time, its peak memory and what it printed."""

    elapsed: float
    peak_rss: int  # bytes: the process's maximum resident set size (and that of children it waited for)
    cpu: float  # seconds of CPU, user and system, of the process and the children it waited for
    returncode: int
    stdout: str
    stderr: str


def run_command(cmd: Sequence[str], env: dict[str, str] | None = None, expect: Sequence[int] = (0,)) -> Finished:
    """Run cmd once, timed, from the spawner (benchmarks/spawner.py): its own rusage
    (os.wait4) gives the peak RSS and CPU time of this one process."""
    with tempfile.TemporaryDirectory(prefix="intercom-gen-run-") as folder:
        out, err = Path(folder) / "stdout", Path(folder) / "stderr"
        if SPAWNER is not None:
            measured = SPAWNER.run(list(cmd), str(ROOT), env, str(out), str(err))
            elapsed, peak, cpu, returncode = measured.elapsed, measured.peak_rss, measured.cpu, measured.returncode
            if peak <= measured.spawner_rss:
                PROBLEMS.append(
                    f"the peak memory of `{' '.join(cmd[:3])}` ({mebibytes(peak)}) is not above the spawner's own "
                    f"({mebibytes(measured.spawner_rss)}): it cannot be told from it"
                )
        else:  # pragma: no cover - no wait4 (Windows): no memory or CPU figure
            with out.open("wb") as stdout, err.open("wb") as stderr:
                started = time.perf_counter()
                returncode = subprocess.run(list(cmd), cwd=ROOT, env=env, stdout=stdout, stderr=stderr, check=False).returncode
                elapsed, peak, cpu = time.perf_counter() - started, 0, 0.0
        printed = out.read_bytes().decode(errors="replace"), err.read_bytes().decode(errors="replace")
    done = Finished(elapsed, peak, cpu, returncode, *printed)
    if done.returncode not in expect:
        raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return done


def process_env() -> dict[str, str]:
    """The environment every measured process runs in: this one, but with Python allowed
    to write bytecode, as on a developer's machine (some shells and CI images set
    PYTHONDONTWRITEBYTECODE, which makes every run compile every module, ours and the
    peer's alike). The discarded warm-up run writes the bytecode."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def gen_env(cache: Path) -> dict[str, str]:
    env = process_env()
    env["INTERCOM_GEN_CACHE"] = str(cache)
    return env


class Workspace:
    """Fresh temporary folders, numbered, under one root removed at the end."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.count = 0

    def new(self, prefix: str) -> Path:
        self.count += 1
        return self.root / f"{prefix}-{self.count}"


def generate_run(versions: str | None, out: Path, cache: Path, catalog: Path | None = None) -> Finished:
    cmd = [INTERCOM_GEN, "--out", str(out)] + (["--version", versions] if versions else [])
    cmd += ["--catalog", str(catalog)] if catalog else []
    done = run_command(cmd, gen_env(cache))
    if ": unchanged" in done.stdout:
        raise RuntimeError(f"expected a real generation into {out}, got the no-op path:\n{done.stdout}")
    return done


def generate(versions: str | None, out: Path, cache: Path) -> float:
    return generate_run(versions, out, cache).elapsed


def trim_spec(catalog_json: Path, spec_path: Path, target: Path) -> dict[str, int]:
    """Keep the description's operations that the catalog covers, and the components they reach."""
    import yaml

    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    catalog = json.loads(catalog_json.read_text(encoding="utf-8"))

    def shape(path: str) -> str:
        return re.sub(r"\{[^}]*\}", "{}", path)

    wanted: dict[str, set[str]] = {}
    for endpoint in catalog["endpoints"]:
        wanted.setdefault(shape(endpoint["path"]), set()).add(endpoint["method"].lower())
    paths: dict[str, Any] = {}
    kept = 0
    for path, item in spec["paths"].items():
        methods = wanted.get(shape(path))
        if not methods:
            continue
        paths[path] = {k: v for k, v in item.items() if k in methods or k not in HTTP_METHODS}
        kept += sum(1 for k in item if k in methods)

    def refs(node: Any, found: set[str]) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "$ref" and isinstance(value, str):
                    found.add(value)
                else:
                    refs(value, found)
        elif isinstance(node, list):
            for value in node:
                refs(value, found)

    reached: set[str] = set()
    todo: set[str] = set()
    refs(paths, todo)
    while todo:
        ref = todo.pop()
        if ref in reached or not ref.startswith("#/components/"):
            continue
        reached.add(ref)
        _, _, section, name = ref.split("/", 3)
        refs(spec["components"][section][name], todo)
    components = {}
    for section, items in spec.get("components", {}).items():
        if section == "securitySchemes":
            components[section] = items
        else:
            components[section] = {n: v for n, v in items.items() if f"#/components/{section}/{n}" in reached}
    trimmed = dict(spec)
    trimmed["paths"] = paths
    trimmed["components"] = components
    target.write_text(yaml.safe_dump(trimmed, sort_keys=False), encoding="utf-8")
    return {
        "catalog endpoints": len(catalog["endpoints"]),
        "operations kept": kept,
        "schemas kept": len(components.get("schemas", {})),
        "schemas in full description": len(spec.get("components", {}).get("schemas", {})),
    }


def peer_generate(spec: Path, out: Path, config: Path | None) -> Finished:
    cmd = [PEER, "generate", "--path", str(spec), "--output-path", str(out), "--overwrite", "--meta", "none"]
    if config is not None:
        cmd += ["--config", str(config)]
    env = process_env()
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"  # so its ruff post-hooks find ruff
    done = run_command(cmd, env, expect=(0, 1))
    if not (out / "client.py").is_file():
        raise RuntimeError(f"openapi-python-client wrote no client (exit {done.returncode}):\n{done.stdout[-3000:]}")
    return done


def versus_peer(peer: Figure | None, figure: Figure) -> str:
    if peer is None:
        return ""
    r = ratio(peer.median, figure.median)
    faster = f"{r:.2f}x faster" if r >= 1 else f"{1 / r:.2f}x slower"
    return f"{faster} than the peer (no post-hooks)"


def part_a(report: Report, quick: bool, tmp: Path) -> None:
    n_one, n_five, n_noop, n_check, n_peer = (3, 3, 5, 2, 3) if quick else (5, 4, 9, 3, 5)
    ws = Workspace(tmp / "gen")
    ws.root.mkdir(parents=True)

    log("Part A: warm-up (discarded): one generation to load the OS file cache and bytecode")
    warm_cache = ws.new("cache-warm-one")
    generate(VERSION, ws.new("out"), warm_cache)

    # Cold runs of one version and of all versions alternate, so that a change in the
    # machine's load hits both sides of their ratio alike.
    log(f"Part A: cold {VERSION} x{n_one} and {ALL_VERSIONS} cold x{n_five}, alternating, empty cache each")
    cold_samples, cold_five_samples = [], []
    for number in range(max(n_one, n_five)):
        if number < n_one:
            cold_samples.append(generate(VERSION, ws.new("out"), ws.new("cache")))
        if number < n_five:
            cold_five_samples.append(generate(None, ws.new("out"), ws.new("cache")))
    cold_one = Figure(f"cold {VERSION} (empty cache)", cold_samples)
    cold_five = Figure(f"cold, {ALL_VERSIONS}", cold_five_samples)
    log(f"Part A: warm {VERSION} x{n_one}")
    warm_samples = [generate(VERSION, ws.new("out"), warm_cache) for _ in range(n_one)]
    warm_one = Figure(f"warm {VERSION} (kept cache, new output: replayed)", warm_samples)

    # A warm run is answered from the packed trees of the same inputs (generator/replay.py);
    # an edited catalog goes through every stage, with the models and formatting caches kept.
    log(f"Part A: after a catalog edit, {VERSION} x{n_one}")
    edited = ws.root / "catalog-edited"
    shutil.copytree(ROOT / "catalog", edited)
    edit_cache = ws.new("cache-edit")
    generate_run(VERSION, ws.new("out"), edit_cache, edited)  # primes the cache, discarded
    endpoint_file = sorted((edited / "endpoints").glob("*.yaml"))[0]
    edit_samples = []
    for number in range(n_one):
        with endpoint_file.open("a", encoding="utf-8") as stream:
            stream.write(f"# edit {number}\n")
        edit_samples.append(generate_run(VERSION, ws.new("out"), edit_cache, edited).elapsed)
    edit_one = Figure(f"after a catalog edit, {VERSION} (kept cache, new output)", edit_samples)

    five_cache = ws.new("cache-warm-five")
    current_five = ws.new("out-current-five")
    generate(None, current_five, five_cache)  # primes the cache; also the tree for --check
    log(f"Part A: {ALL_VERSIONS} warm x{n_five}")
    warm_five = Figure(f"warm, {ALL_VERSIONS}", [generate(None, ws.new("out"), five_cache) for _ in range(n_five)])

    log(f"Part A: no-op regeneration x{n_noop}")
    current_one = ws.new("out-current-one")
    generate(VERSION, current_one, warm_cache)
    noop_samples = []
    for _ in range(n_noop):
        done = run_command([INTERCOM_GEN, "--version", VERSION, "--out", str(current_one)], gen_env(warm_cache))
        if "unchanged" not in done.stdout:
            report.problem(f"a no-op regeneration did not take the fast path: {done.stdout.strip()}")
        noop_samples.append(done.elapsed)
    noop = Figure(f"no-op regeneration of {VERSION} (output current)", noop_samples)
    noop_five_samples = [
        run_command([INTERCOM_GEN, "--out", str(current_five)], gen_env(five_cache)).elapsed for _ in range(n_noop)
    ]
    noop_five = Figure(f"no-op regeneration, {ALL_VERSIONS}", noop_five_samples)

    log(f"Part A: --check x{n_check}")
    check_samples = []
    for _ in range(n_check):
        cmd = [INTERCOM_GEN, "--check", "--out", str(current_five)]
        done = run_command(cmd, gen_env(five_cache), expect=(0, 1))
        if done.returncode != 0:
            report.problem(f"--check reported a current tree as stale: {done.stderr.strip()[:500]}")
        check_samples.append(done.elapsed)
    check = Figure(f"--check of a current {len(VERSIONS)}-version tree (warm cache)", check_samples)
    check_cold_samples = [
        run_command(
            [INTERCOM_GEN, "--check", "--out", str(current_five)], gen_env(ws.new("cache")), expect=(0, 1)
        ).elapsed
        for _ in range(max(1, n_check - 1))
    ]
    check_cold = Figure(f"--check of a current {len(VERSIONS)}-version tree (empty cache)", check_cold_samples)

    interpreter = Figure(
        "floor: `python -c pass` (bare interpreter start)",
        [run_command([PYTHON, "-c", "pass"]).elapsed for _ in range(n_noop)],
    )
    launcher = ws.root / "launcher.py"
    launcher.write_text(LAUNCHER_FLOOR, encoding="utf-8")
    launcher_floor = Figure(
        "floor: pip's console-script launcher, empty command",
        [run_command([PYTHON, str(launcher)]).elapsed for _ in range(n_noop)],
    )
    startup = Figure(
        "floor: `intercom-gen --tool-version` (CLI start, no work)",
        [run_command([INTERCOM_GEN, "--tool-version"]).elapsed for _ in range(n_noop)],
    )

    peer: Figure | None = None  # without post-hooks: the reference of every ratio
    peer_hooks: Figure | None = None  # with its default ruff post-hooks: for information
    peer_note = ""
    if not REFERENCE_SPEC.is_file():
        log(f"Part A: peer skipped: {REFERENCE_SPEC} is absent")
    else:
        log(f"Part A: peer openapi-python-client x{n_peer} without post-hooks (+{n_peer} with them)")
        spec = ws.root / f"trimmed-{VERSION}.yaml"
        stats = trim_spec(current_one / VERSION / "catalog.json", REFERENCE_SPEC, spec)
        config = ws.root / "peer-no-hooks.yaml"
        config.write_text("post_hooks: []\n", encoding="utf-8")
        peer_generate(spec, ws.new("peer"), config)  # warm-up, discarded
        samples, hooks_samples, last = [], [], None
        for _ in range(n_peer):  # interleaved, so drift in the machine's load hits both alike
            samples.append(peer_generate(spec, ws.new("peer"), config).elapsed)
            last = peer_generate(spec, ws.new("peer"), None)
            hooks_samples.append(last.elapsed)
        peer = Figure(f"peer: openapi-python-client, trimmed {VERSION}, no post-hooks", samples)
        peer_hooks = Figure("peer: the same with its default ruff post-hooks", hooks_samples)
        assert last is not None
        printed = last.stdout + last.stderr
        skipped = len(re.findall(r"Endpoint will not be generated", printed))
        unparsable = sorted(set(re.findall(r"Failed to parse (\S+?\.py)", printed)))
        dropped = len(re.findall(r"response will be omitted", printed))
        peer_note = (
            f"trimmed description: {stats['operations kept']} of the catalog's {stats['catalog endpoints']} "
            f"operations, {stats['schemas kept']} of {stats['schemas in full description']} schemas (those reachable)"
        )
        if last.returncode != 0 or skipped or unparsable or dropped:
            report.problem(
                f"openapi-python-client exits {last.returncode} on the trimmed {VERSION} description (it does on "
                f"the untrimmed one too): it skips {skipped} endpoint(s), omits {dropped} response type(s) it "
                f"cannot resolve, and emits invalid Python that its ruff post-hook then fails to parse in "
                f"{len(unparsable)} file(s) ({', '.join(unparsable)}). Its run still writes a client, so its "
                f"time is measured as it runs; the no-post-hooks run (config `post_hooks: []`), which every "
                f"ratio uses, skips that step."
            )

    report.section("Part A - generation (each a fresh `intercom-gen` process; separate INTERCOM_GEN_CACHE per run)")
    report.figure(interpreter)
    report.figure(launcher_floor, f"{ratio(launcher_floor.median, interpreter.median):.1f}x bare interpreter")
    report.figure(startup, f"{ratio(startup.median, interpreter.median):.1f}x bare interpreter")
    report.figure(cold_one, versus_peer(peer, cold_one))
    report.figure(warm_one, versus_peer(peer, warm_one))
    report.figure(edit_one, versus_peer(peer, edit_one))
    report.figure(cold_five, f"{ratio(cold_five.median, cold_one.median):.2f}x cold {VERSION}")
    report.figure(warm_five, f"{ratio(warm_five.median, warm_one.median):.2f}x warm {VERSION}")
    report.figure(noop, versus_peer(peer, noop))
    report.figure(noop_five, versus_peer(peer, noop_five))
    report.figure(check, f"{ratio(check.median, warm_five.median):.2f}x warm, {ALL_VERSIONS}")
    report.figure(check_cold)
    if peer and peer_hooks:
        report.figure(peer, "(the reference of every ratio)")
        report.figure(peer_hooks, f"(for information: {ratio(peer_hooks.median, peer.median):.2f}x the run without)")
        report.add("  " + peer_note, "", "")

    def versus_target(text: str, figure: Figure, at_least: float, digits: int = 2) -> None:
        if peer is None:
            report.target(text, f"skipped ({REFERENCE_SPEC} is absent)", None)
            return
        r, r_text = ratio_text(peer, figure, digits)
        report.target(text, f"peer {describe(peer)} / ours {describe(figure)} = {r_text}", r >= at_least)

    versus_target(f"cold, one version ({VERSION}): >= 3x faster than the peer without post-hooks", cold_one, 3)
    versus_target(f"warm, one version ({VERSION}): >= 8x faster than the peer without post-hooks", warm_one, 8)
    versus_target(f"no-op regeneration ({VERSION}): >= 50x faster than the peer without post-hooks", noop, 50, 1)
    r, r_text = ratio_text(cold_five, cold_one)
    report.target(
        f"cold, {ALL_VERSIONS}: <= 1.5x one version",
        f"{describe(cold_five)} / {describe(cold_one)} = {r_text}",
        r <= 1.5,
    )
    if peer and ratio(peer.median, noop.median) < 50:
        report.problem(
            f"the no-op regeneration takes {seconds(noop.median)} (the fast path in generator/entry.py, "
            f"before click is imported); 50x the peer needs at most {seconds(peer.median / 50)}, and the bare "
            f"interpreter alone takes {seconds(interpreter.median)} of that, pip's launcher with an empty "
            f"command {seconds(launcher_floor.median)} (`intercom-gen --tool-version`, the full CLI start, "
            f"{seconds(startup.median)})."
        )


# --------------------------------------------------------------------------- part C: scale


def scale_factors(largest: int) -> list[int]:
    """1x (the reference), 10x, and the largest asked for."""
    return sorted({1, min(10, largest), largest})


def part_c(report: Report, quick: bool, tmp: Path, largest: int) -> None:
    factors = scale_factors(largest)
    rounds = 2 if quick else 3
    runs = {factor: rounds if factor <= 10 else max(1, rounds - 1) for factor in factors}
    ws = Workspace(tmp / "scale")
    ws.root.mkdir(parents=True)

    catalogs: dict[int, SyntheticCatalog] = {}
    for factor in factors:
        started = time.perf_counter()
        catalogs[factor] = write_synthetic_catalog(factor, ws.root / f"catalog-{factor}x")
        log(
            f"Part C: wrote the {factor}x synthetic catalog ({catalogs[factor].endpoints} endpoints, "
            f"{catalogs[factor].schemas} schemas) in {time.perf_counter() - started:.1f} s (not timed)"
        )

    def run(factor: int, cache: Path) -> Finished:
        out = ws.new("out")
        done = generate_run(VERSION, out, cache, catalogs[factor].path)
        shutil.rmtree(out, ignore_errors=True)  # a 100x output is large; only the cache is kept
        return done

    log("Part C: warm-up (discarded): one 1x generation")
    run(1, ws.new("cache"))
    floor = [run_command([INTERCOM_GEN, "--tool-version"]) for _ in range(rounds)]

    cold: dict[int, list[Finished]] = {factor: [] for factor in factors}
    warm: dict[int, list[Finished]] = {factor: [] for factor in factors}
    kept: dict[int, Path] = {}
    for mode, results in (("cold", cold), ("warm", warm)):
        for index in range(rounds):  # interleaved: drift in the machine's load hits every size alike
            for factor in factors:
                if index >= runs[factor]:
                    continue
                log(f"Part C: {mode} {factor}x, run {index + 1} of {runs[factor]}")
                if mode == "cold":
                    cache = ws.new("cache")
                    kept.setdefault(factor, cache)  # the first cold run's cache serves the warm runs
                else:
                    cache = kept[factor]
                    # Without the packed trees, so the run goes through every stage (with the
                    # models, black's output and the verified digests cached): a replay of
                    # the trees (generator/replay.py) would measure only writing them.
                    shutil.rmtree(cache / "trees", ignore_errors=True)
                results[factor].append(run(factor, cache))

    report.section(
        f"Part C - scale: one version ({VERSION}) from synthetic catalogs (benchmarks/synthetic.py), "
        "each run a fresh process; per unit = figure / size"
    )

    def measure(done: Finished, metric: str) -> float:
        return {"time": done.elapsed, "CPU time": done.cpu, "peak RSS": float(done.peak_rss)}[metric]

    floor_rss = Figure("floor: `intercom-gen --tool-version` peak RSS", [done.peak_rss for done in floor])
    report.figure(floor_rss, "(what the CLI's start alone holds)", fmt=mebibytes)
    figures: dict[tuple[str, str, int], Figure] = {}
    for factor in factors:
        written = catalogs[factor]
        report.add(
            f"{factor}x: {written.endpoints} endpoints, {written.schemas} schemas",
            "",
            "",
            f"{written.bytes / 2**20:.2f} MiB of YAML = {written.size:.2f}x the bytes (versions/ is not copied)",
        )
        for mode, results in (("cold", cold), ("warm", warm)):
            for metric, fmt in (("time", seconds), ("CPU time", seconds), ("peak RSS", mebibytes)):
                values = [measure(done, metric) for done in results[factor]]
                label = f"  {mode} ({'empty cache' if mode == 'cold' else 'kept cache, trees not replayed'}): {metric}"
                figure = Figure(label, values)
                figures[(mode, metric, factor)] = figure
                if factor == 1:
                    report.figure(figure, f"per unit {fmt(figure.median)}", fmt=fmt)
                    continue
                base = figures[(mode, metric, 1)]
                per_unit = figure.median / factor
                marginal = (figure.median - base.median) / (factor - 1)
                report.figure(
                    figure,
                    f"per unit {fmt(per_unit)} = {ratio(per_unit, base.median):.2f}x 1x's; "
                    f"each added unit {fmt(marginal)}",
                    fmt=fmt,
                )

    pairs = [(1, factor) for factor in factors if factor > 1]
    if len(factors) == 3:
        pairs.append((factors[1], factors[2]))
    limit = 1 + SCALE_TOLERANCE
    for mode in ("cold", "warm"):
        for small, big in pairs:
            parts, met = [], True
            for metric, fmt in (("time", seconds), ("peak RSS", mebibytes)):
                small_unit = figures[(mode, metric, small)].median / small
                big_unit = figures[(mode, metric, big)].median / big
                r = ratio(big_unit, small_unit)
                met = met and r <= limit
                parts.append(
                    f"{metric} {describe(figures[(mode, metric, big)], fmt)} / {big} = {fmt(big_unit)} per unit, "
                    f"{r:.2f}x {small}x's {fmt(small_unit)}"
                )
            cpu_small, cpu_big = figures[(mode, "CPU time", small)], figures[(mode, "CPU time", big)]
            cpu_ratio = ratio(cpu_big.median / big, cpu_small.median / small)
            parts.append(f"for information, CPU time per unit {cpu_ratio:.2f}x (less disturbed by the machine's load)")
            report.target(
                f"{mode}, {big}x catalog: time and peak memory at most proportional to size "
                f"(per unit <= {limit:.2f}x the {small}x figure)",
                "; ".join(parts),
                met,
            )


# --------------------------------------------------------------------------- part B: the client


@contextmanager
def fake_server(in_process: bool) -> Iterator[str]:
    """The fake Intercom server with CONTACTS contacts; yields its base URL."""
    if in_process:
        sys.path.insert(0, str(TESTS))
        from fake_intercom import running

        with running(contacts=CONTACTS) as fake:
            yield fake.base_url
        return
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from fake_intercom import running\n"
        f"with running(contacts={CONTACTS}) as fake:\n"
        "    print(fake.base_url, flush=True); sys.stdin.read()\n"
    )
    with process_printing_url([PYTHON, "-c", code, str(TESTS)], ROOT) as (_, base_url):
        yield base_url


def wait_for_fake(timeout: float = 300.0) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        if (TESTS / "fake_intercom" / "__init__.py").is_file():
            return True
        if time.monotonic() > deadline:
            return False
        log("  tests/fake_intercom/ is not there yet; waiting")
        time.sleep(20)


def timed_rounds(clients: dict[str, Callable[[], Any]], rounds: int) -> dict[str, list[float]]:
    """Run each client's workload `rounds` times, interleaved so drift hits all alike."""
    samples: dict[str, list[float]] = {name: [] for name in clients}
    for _ in range(rounds):
        for name, work in clients.items():
            gc.collect()
            started = time.perf_counter()
            work()
            samples[name].append(time.perf_counter() - started)
    return samples


def traced_peak(work: Callable[[], Any]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base, _ = tracemalloc.get_traced_memory()
        work()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak - base


def import_times(python_path: str, runs: int) -> dict[str, list[float]]:
    statements = {
        "ours: from intercom_api import Intercom": "from intercom_api import Intercom",
        "floor: import httpx, pydantic": "import httpx, pydantic",
        "python-intercom: from intercom import Intercom": "from intercom import Intercom",
    }
    env = process_env()
    env["PYTHONPATH"] = python_path
    samples: dict[str, list[float]] = {name: [] for name in statements}
    for statement in statements.values():  # one untimed run each: bytecode and OS cache
        subprocess.run([PYTHON, "-c", statement], env=env, check=True)
    for _ in range(runs):
        for name, statement in statements.items():
            code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
            done = subprocess.run([PYTHON, "-c", code], env=env, check=True, capture_output=True, text=True)
            samples[name].append(float(done.stdout.strip()))
    return samples


def first_call_times(python_path: str, base_url: str, runs: int) -> dict[str, list[float]]:
    """Fresh interpreter: import, build a client, first GET /contacts/c1 (lazy imports included)."""
    headers = {"Authorization": f"Bearer {TOKEN}", "Intercom-Version": VERSION}
    statements = {
        "ours: import + Intercom(...) + contacts.retrieve": (
            f"from intercom_api import Intercom; assert Intercom({TOKEN!r}, base_url={base_url!r}).contacts.retrieve('c1').id == 'c1'"
        ),
        "floor: import httpx + GET + .json()": (
            f"import httpx; assert httpx.Client(headers={headers!r}).get({base_url!r} + '/contacts/c1').json()['id'] == 'c1'"
        ),
        "python-intercom: import + Intercom(...) + contacts.find": (
            f"from intercom import Intercom; assert Intercom(token={TOKEN!r}, base_url={base_url!r}, "
            f"headers={{'Intercom-Version': {VERSION!r}}}).contacts.find('c1').id == 'c1'"
        ),
    }
    env = process_env()
    env["PYTHONPATH"] = python_path
    samples: dict[str, list[float]] = {name: [] for name in statements}
    for _ in range(runs):
        for name, statement in statements.items():
            code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
            done = subprocess.run([PYTHON, "-c", code], env=env, capture_output=True, text=True)
            if done.returncode != 0:
                raise RuntimeError(f"{name} failed in a fresh process:\n{done.stderr[-1500:]}")
            samples[name].append(float(done.stdout.strip().splitlines()[-1]))
    return samples


def part_b(report: Report, quick: bool, tmp: Path, in_process: bool) -> None:
    n_calls = 100 if quick else 500
    rounds = 5 if quick else 7
    # Iteration sits near its limit and this machine is noisy: enough rounds for a stable median.
    iter_rounds = 3 if quick else 7
    import_runs = 5 if quick else 7

    if not wait_for_fake():
        report.section("Part B - generated client")
        report.add("skipped", "-", "", "tests/fake_intercom/ is absent")
        return

    out = tmp / "client-out"
    cache = tmp / "client-cache"
    log(f"Part B: generating the {VERSION} client into {out}")
    generate(VERSION, out, cache)
    python_dir = out / VERSION / "python"
    sys.path.insert(0, str(python_dir))

    import httpx
    from intercom_api import Intercom

    try:
        from intercom import Intercom as PythonIntercom
    except ImportError as error:  # pragma: no cover - depends on the environment
        PythonIntercom = None
        report.problem(f"python-intercom is not importable ({error}); its rows are skipped")

    with fake_server(in_process) as base_url:
        ours = Intercom(TOKEN, base_url=base_url)
        headers = {"Authorization": f"Bearer {TOKEN}", "Intercom-Version": VERSION, "Accept": "application/json"}
        raw = httpx.Client(base_url=base_url, headers=headers, timeout=30.0)
        theirs = None
        if PythonIntercom is not None:
            # python-intercom 5.x sends no Intercom-Version (Intercom then uses the app's default);
            # the fake server requires one, so it is passed as an extra header.
            theirs = PythonIntercom(token=TOKEN, base_url=base_url, headers={"Intercom-Version": VERSION})

        # ---- correctness first: every client must see the same contact and count
        def raw_retrieve() -> Any:
            response = raw.get("/contacts/c1")
            response.raise_for_status()
            return response.json()

        def raw_iterate(limit_pages: int | None = None) -> int:
            count, params, pages = 0, {"per_page": PER_PAGE}, 0
            while True:
                response = raw.get("/contacts", params=params)
                response.raise_for_status()
                body = response.json()
                for _item in body["data"]:
                    count += 1
                pages += 1
                following = (body.get("pages") or {}).get("next") or {}
                cursor = following.get("starting_after")
                if not cursor or (limit_pages and pages >= limit_pages):
                    return count
                params = {"per_page": PER_PAGE, "starting_after": cursor}

        def ours_iterate(limit_pages: int | None = None) -> int:
            count = 0
            if limit_pages is None:
                for _item in ours.contacts.list(per_page=PER_PAGE):
                    count += 1
                return count
            for index, page in enumerate(ours.contacts.list(per_page=PER_PAGE).pages()):
                for _item in page.items:
                    count += 1
                if index + 1 >= limit_pages:
                    return count
            return count

        def theirs_iterate() -> int:
            count = 0
            for _item in theirs.contacts.list(per_page=PER_PAGE):
                count += 1
            return count

        retrieve: dict[str, Callable[[], Any]] = {
            "raw httpx (floor)": raw_retrieve,
            "ours: client.contacts.retrieve": lambda: ours.contacts.retrieve("c1"),
        }
        iterate: dict[str, Callable[[], Any]] = {
            "raw httpx (floor)": raw_iterate,
            "ours: client.contacts.list": ours_iterate,
        }
        assert raw_retrieve()["id"] == "c1" and ours.contacts.retrieve("c1").id == "c1"
        for name, work in iterate.items():
            got = work()
            if got != CONTACTS:
                report.problem(f"{name} iterated {got} contacts, expected {CONTACTS}")
        if theirs is not None:
            try:
                found = theirs.contacts.find("c1")
                if getattr(found, "id", None) != "c1":
                    raise RuntimeError(f"contacts.find returned {found!r:.200}")
                retrieve["python-intercom: contacts.find"] = lambda: theirs.contacts.find("c1")
            except Exception as error:
                report.problem(f"python-intercom contacts.find failed against the fake server: {error!r:.300}")
            try:
                got = theirs_iterate()
                if got != CONTACTS:
                    raise RuntimeError(f"iterated {got} contacts, expected {CONTACTS}")
                iterate["python-intercom: contacts.list"] = theirs_iterate
            except Exception as error:
                report.problem(
                    f"python-intercom contacts.list iteration failed against the fake server: {error!r:.300}"
                )

        # ---- per call
        for work in retrieve.values():  # warm-up: connections, lazy imports, caches
            for _ in range(20):
                work()
        log(f"Part B: {n_calls} sequential retrieves x{rounds} rounds per client")

        def batch(work: Callable[[], Any]) -> Callable[[], None]:
            def run() -> None:
                for _ in range(n_calls):
                    work()

            return run

        per_call = {
            name: [t / n_calls for t in s]
            for name, s in timed_rounds({k: batch(v) for k, v in retrieve.items()}, rounds).items()
        }

        # ---- iteration: time (untraced), then peak memory (traced)
        log(f"Part B: iterate {CONTACTS} contacts in pages of {PER_PAGE} x{iter_rounds} rounds per client, then traced")
        iter_time = timed_rounds(iterate, iter_rounds)
        iter_peak = {name: traced_peak(work) for name, work in iterate.items()}
        peak_two_pages = traced_peak(lambda: ours_iterate(limit_pages=2))
        raw_peak_two_pages = traced_peak(lambda: raw_iterate(limit_pages=2))
        page_bytes = len(raw.get("/contacts", params={"per_page": PER_PAGE}).content)
        held: list[Any] = []
        all_held = traced_peak(lambda: held.extend(ours.contacts.list(per_page=PER_PAGE)))
        held.clear()
        pages_total = -(-CONTACTS // PER_PAGE)
        one_page = all_held / pages_total  # one page of parsed models, by the cost of holding them all

        log(f"Part B: first call in a fresh process x{import_runs} per client")
        first_calls = first_call_times(str(python_dir), base_url, import_runs)

        ours.close()
        raw.close()

    log(f"Part B: import times, {import_runs} fresh interpreters each")
    imports = import_times(str(python_dir), import_runs)

    # ---- report
    where = (
        "a thread in this process" if in_process else "a separate process (so its allocations stay out of tracemalloc)"
    )
    report.section(f"Part B - generated client vs raw httpx and python-intercom (fake server in {where})")
    floor = statistics.median(per_call["raw httpx (floor)"])
    report.add(f"per call: GET /contacts/c1, {n_calls} sequential calls per run (n = runs)", "", "")
    for name, values in per_call.items():
        m = statistics.median(values)
        report.figure(
            Figure("  " + name, values), "" if name.startswith("raw") else f"{ratio(m, floor):.2f}x raw httpx"
        )
    report.add(f"iterate {CONTACTS} contacts, pages of {PER_PAGE}: time", "", "")
    iter_floor = statistics.median(iter_time["raw httpx (floor)"])
    for name, values in iter_time.items():
        m = statistics.median(values)
        versus = "" if name.startswith("raw") else f"{ratio(m, iter_floor):.2f}x raw httpx"
        report.figure(Figure("  " + name, values), versus)
    report.add("iterate: peak traced memory (tracemalloc, n=1 each)", "", "")
    peak_floor = iter_peak["raw httpx (floor)"]
    for name, value in iter_peak.items():
        report.add(
            "  " + name,
            mebibytes(value),
            "n=1",
            "" if name.startswith("raw") else f"{ratio(value, peak_floor):.2f}x raw httpx",
        )
    report.add(
        "  ours, stopping after 2 pages",
        mebibytes(peak_two_pages),
        "n=1",
        f"{pages_total} pages / 2 pages = {ratio(iter_peak['ours: client.contacts.list'], peak_two_pages):.2f}x",
    )
    report.add("  raw httpx, stopping after 2 pages", mebibytes(raw_peak_two_pages), "n=1")
    report.add(
        f"  ours, all {CONTACTS} contacts held in a list (reference)",
        mebibytes(all_held),
        "n=1",
        f"= {pages_total} pages; one parsed page ~ {mebibytes(one_page)}",
    )
    report.add(f"  one page of {PER_PAGE} contacts as JSON bytes", mebibytes(page_bytes), "")
    report.add("import time, fresh interpreter each (time.perf_counter around the import)", "", "")
    import_floor = statistics.median(imports["floor: import httpx, pydantic"])
    for name, values in imports.items():
        m = statistics.median(values)
        versus = "" if name.startswith("floor") else f"{ratio(m, import_floor):.2f}x httpx+pydantic"
        report.figure(Figure("  " + name, values), versus)

    report.add("first call in a fresh interpreter (import + client + GET /contacts/c1)", "", "")
    first_floor = statistics.median(first_calls["floor: import httpx + GET + .json()"])
    for name, values in first_calls.items():
        m = statistics.median(values)
        versus = "" if name.startswith("floor") else f"{ratio(m, first_floor):.2f}x httpx"
        report.figure(Figure("  " + name, values), versus)

    ours_call = Figure("ours", per_call["ours: client.contacts.retrieve"])
    raw_call = Figure("raw", per_call["raw httpx (floor)"])
    r, r_text = ratio_text(ours_call, raw_call)
    report.target(
        "per call within 1.25x of raw httpx", f"{describe(ours_call)} vs {describe(raw_call)} = {r_text}", r <= 1.25
    )
    ours_iter = Figure("ours", iter_time["ours: client.contacts.list"])
    raw_iter = Figure("raw", iter_time["raw httpx (floor)"])
    r, r_text = ratio_text(ours_iter, raw_iter)
    report.target(
        "iteration within 2.5x of raw httpx", f"{describe(ours_iter)} vs {describe(raw_iter)} = {r_text}", r <= 2.5
    )
    ours_peak = iter_peak["ours: client.contacts.list"]
    in_pages = ratio(ours_peak, one_page)
    report.target(
        f"iteration peak memory about one page (bounded: <= 4 parsed pages; holding all would be {pages_total})",
        f"peak {mebibytes(ours_peak)} = {in_pages:.1f} parsed pages of {mebibytes(one_page)}; 2 pages' run peaks at "
        f"{mebibytes(peak_two_pages)}; raw httpx {mebibytes(peak_floor)}",
        in_pages <= 4,
    )
    ours_import = Figure("ours", imports["ours: from intercom_api import Intercom"])
    floor_import = Figure("floor", imports["floor: import httpx, pydantic"])
    r, r_text = ratio_text(ours_import, floor_import)
    report.target(
        "import within 1.2x of `import httpx, pydantic`",
        f"{describe(ours_import)} vs {describe(floor_import)} = {r_text}",
        r <= 1.2,
    )


# --------------------------------------------------------------------------- main


def guarded(report: Report, name: str, run: Callable[[], None]) -> None:
    """Run one part; if it breaks (say the generated client does not import), report that
    instead of numbers and go on, so the figures already measured are still printed."""
    try:
        run()
    except Exception as error:
        frames = traceback.extract_tb(error.__traceback__)
        where = next(
            (f"{Path(f.filename).name}:{f.lineno}" for f in reversed(frames) if "intercom_api" in f.filename), None
        )
        where = where or (f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?")
        report.section(f"{name} - stopped")
        report.add("no figures", "-", "", "see Problems found")
        report.problem(f"{name} stopped at {where}: {type(error).__name__}: {str(error).strip()[:600]}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and calls (a smoke run)")
    parser.add_argument(
        "--only",
        choices=("generation", "client", "scale"),
        help="run one part only: A (generation), B (client) or C (scale: synthetic catalogs)",
    )
    parser.add_argument(
        "--scale",
        type=int,
        default=10,
        metavar="N",
        help="part C measures 1x, 10x and Nx the catalog (default 10; 100 takes many minutes)",
    )
    parser.add_argument(
        "--in-process-server",
        action="store_true",
        help="run the fake server as a thread in this process (its allocations then count in the memory peaks)",
    )
    args = parser.parse_args(argv)
    if args.scale < 2:
        parser.error("--scale needs a factor of at least 2")
    if not Path(INTERCOM_GEN).exists():
        print(f"intercom-gen not found at {INTERCOM_GEN}; install the project into .venv first", file=sys.stderr)
        return 2
    global SPAWNER
    # Before anything large is loaded: every command's peak memory is then its own.
    SPAWNER = Spawner() if hasattr(os, "wait4") else None
    started = time.perf_counter()
    report = Report()
    with tempfile.TemporaryDirectory(prefix="intercom-gen-bench-") as folder:
        tmp = Path(folder)
        if args.only in (None, "generation"):
            guarded(report, "Part A (generation)", lambda: part_a(report, args.quick, tmp))
        if args.only in (None, "client"):
            guarded(report, "Part B (client)", lambda: part_b(report, args.quick, tmp, args.in_process_server))
        if args.only in (None, "scale"):
            guarded(report, "Part C (scale)", lambda: part_c(report, args.quick, tmp, args.scale))
    if SPAWNER is not None:
        SPAWNER.close()
    for problem in dict.fromkeys(PROBLEMS):
        report.problem(problem)
    header = (
        f"intercom-gen benchmarks ({'quick' if args.quick else 'full'} run); Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPU(s); figures are medians with their min - max, n = runs; newest version {VERSION}"
    )
    print(header)
    report.print(time.perf_counter() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
