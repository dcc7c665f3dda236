"""Benchmarks for intercom-gen: generation speed (issue 2) and generated-client speed (issue 4).

Run from the repository root:

    .venv/bin/python benchmarks/run.py            # the full run (about 2-3 minutes on 2 cores)
    .venv/bin/python benchmarks/run.py --quick    # fewer runs and calls (well under a minute)

Every figure is a median over several runs; the run count is printed beside it. Ratios
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

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin" if (ROOT / ".venv" / "bin" / "intercom-gen").exists() else Path(sys.executable).parent
PYTHON = str(BIN / "python") if (BIN / "python").exists() else sys.executable
INTERCOM_GEN = str(BIN / "intercom-gen")
PEER = str(BIN / "openapi-python-client")
REFERENCE_SPEC = ROOT.parent / "shared" / "reference" / "intercom-openapi" / "2.15" / "api.intercom.io.yaml"
TESTS = ROOT / "tests"
VERSION = "2.15"
TOKEN = "test-token"
CONTACTS = 3000
PER_PAGE = 150
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


# --------------------------------------------------------------------------- reporting


@dataclass
class Figure:
    label: str
    samples: list[float]
    unit: str = "s"
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def runs(self) -> int:
        return len(self.samples)


@dataclass
class Report:
    rows: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # section, label, value, runs, vs
    targets: list[tuple[str, str, bool | None]] = field(default_factory=list)  # target, measured, met
    problems: list[str] = field(default_factory=list)

    def section(self, title: str) -> None:
        self.rows.append((title, "", "", "", ""))

    def add(self, label: str, value: str, runs: str = "", versus: str = "") -> None:
        self.rows.append(("", label, value, runs, versus))

    def target(self, text: str, measured: str, met: bool | None) -> None:
        self.targets.append((text, measured, met))

    def problem(self, text: str) -> None:
        self.problems.append(text)
        log(f"  problem: {text}")

    def print(self, elapsed: float) -> None:
        width = max([len(r[1]) for r in self.rows if r[1]] + [20])
        value_width = max([len(r[2]) for r in self.rows] + [10])
        print()
        print("=" * 100)
        for section, label, value, runs, versus in self.rows:
            if section:
                print(f"\n{section}")
                print("-" * len(section))
                continue
            runs_text = f"{runs:>9}" if runs else " " * 9
            print(f"  {label:<{width}}  {value:>{value_width}}  {runs_text}  {versus}".rstrip())
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


# --------------------------------------------------------------------------- part A: generation


def run_command(cmd: Sequence[str], env: dict[str, str] | None = None, expect: Sequence[int] = (0,)) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode not in expect:
        raise RuntimeError(
            f"{' '.join(cmd)} exited {done.returncode}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
        )
    return elapsed, done


def gen_env(cache: Path) -> dict[str, str]:
    env = dict(os.environ)
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


def generate(versions: str | None, out: Path, cache: Path) -> float:
    cmd = [INTERCOM_GEN, "--out", str(out)] + (["--version", versions] if versions else [])
    elapsed, done = run_command(cmd, gen_env(cache))
    if ": unchanged" in done.stdout:
        raise RuntimeError(f"expected a real generation into {out}, got the no-op path:\n{done.stdout}")
    return elapsed


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


def peer_generate(spec: Path, out: Path, config: Path | None) -> tuple[float, subprocess.CompletedProcess[str]]:
    cmd = [PEER, "generate", "--path", str(spec), "--output-path", str(out), "--overwrite", "--meta", "none"]
    if config is not None:
        cmd += ["--config", str(config)]
    env = dict(os.environ)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"  # so its ruff post-hooks find ruff
    elapsed, done = run_command(cmd, env, expect=(0, 1))
    if not (out / "client.py").is_file():
        raise RuntimeError(f"openapi-python-client wrote no client (exit {done.returncode}):\n{done.stdout[-3000:]}")
    return elapsed, done


def versus_peer(peer: Figure | None, figure: Figure) -> str:
    if peer is None:
        return ""
    r = ratio(peer.median, figure.median)
    return f"{r:.2f}x faster than the peer" if r >= 1 else f"{1 / r:.2f}x slower than the peer"


def part_a(report: Report, quick: bool, tmp: Path) -> None:
    n_one, n_five, n_noop, n_check, n_peer = (3, 2, 5, 2, 3) if quick else (5, 3, 9, 3, 5)
    ws = Workspace(tmp / "gen")
    ws.root.mkdir(parents=True)

    log("Part A: warm-up (discarded): one generation to load the OS file cache and bytecode")
    warm_cache = ws.new("cache-warm-one")
    generate(VERSION, ws.new("out"), warm_cache)

    log(f"Part A: cold {VERSION}, empty cache x{n_one}")
    cold_one = Figure(f"cold {VERSION} (empty cache)", [generate(VERSION, ws.new("out"), ws.new("cache")) for _ in range(n_one)])
    log(f"Part A: warm {VERSION} x{n_one}")
    warm_one = Figure(f"warm {VERSION} (kept cache, new output)", [generate(VERSION, ws.new("out"), warm_cache) for _ in range(n_one)])

    log(f"Part A: all five versions cold x{n_five}")
    cold_five = Figure("cold, all five versions", [generate(None, ws.new("out"), ws.new("cache")) for _ in range(n_five)])
    five_cache = ws.new("cache-warm-five")
    current_five = ws.new("out-current-five")
    generate(None, current_five, five_cache)  # primes the cache; also the tree for --check
    log(f"Part A: all five versions warm x{n_five}")
    warm_five = Figure("warm, all five versions", [generate(None, ws.new("out"), five_cache) for _ in range(n_five)])

    log(f"Part A: no-op regeneration x{n_noop}")
    current_one = ws.new("out-current-one")
    generate(VERSION, current_one, warm_cache)
    noop_samples = []
    for _ in range(n_noop):
        elapsed, done = run_command([INTERCOM_GEN, "--version", VERSION, "--out", str(current_one)], gen_env(warm_cache))
        if "unchanged" not in done.stdout:
            report.problem(f"a no-op regeneration did not take the fast path: {done.stdout.strip()}")
        noop_samples.append(elapsed)
    noop = Figure(f"no-op regeneration of {VERSION} (output current)", noop_samples)
    noop_five_samples = [
        run_command([INTERCOM_GEN, "--out", str(current_five)], gen_env(five_cache))[0] for _ in range(n_noop)
    ]
    noop_five = Figure("no-op regeneration, all five versions", noop_five_samples)

    log(f"Part A: --check x{n_check}")
    check_samples = []
    for _ in range(n_check):
        elapsed, done = run_command([INTERCOM_GEN, "--check", "--out", str(current_five)], gen_env(five_cache), expect=(0, 1))
        if done.returncode != 0:
            report.problem(f"--check reported a current tree as stale: {done.stderr.strip()[:500]}")
        check_samples.append(elapsed)
    check = Figure("--check of a current five-version tree (warm cache)", check_samples)
    check_cold_samples = [
        run_command([INTERCOM_GEN, "--check", "--out", str(current_five)], gen_env(ws.new("cache")), expect=(0, 1))[0]
        for _ in range(max(1, n_check - 1))
    ]
    check_cold = Figure("--check of a current five-version tree (empty cache)", check_cold_samples)

    interpreter = Figure(
        "floor: `python -c pass` (bare interpreter start)",
        [run_command([PYTHON, "-c", "pass"])[0] for _ in range(n_noop)],
    )
    startup = Figure(
        "floor: `intercom-gen --tool-version` (CLI start, no work)",
        [run_command([INTERCOM_GEN, "--tool-version"])[0] for _ in range(n_noop)],
    )

    peer: Figure | None = None
    peer_plain: Figure | None = None
    if not REFERENCE_SPEC.is_file():
        log(f"Part A: peer skipped: {REFERENCE_SPEC} is absent")
    else:
        log(f"Part A: peer openapi-python-client x{n_peer} (+{n_peer} without post-hooks)")
        spec = ws.root / "trimmed-2.15.yaml"
        stats = trim_spec(current_one / VERSION / "catalog.json", REFERENCE_SPEC, spec)
        config = ws.root / "peer-no-hooks.yaml"
        config.write_text("post_hooks: []\n", encoding="utf-8")
        peer_generate(spec, ws.new("peer"), None)  # warm-up, discarded
        samples, plain_samples, last = [], [], None
        for _ in range(n_peer):
            elapsed, last = peer_generate(spec, ws.new("peer"), None)
            samples.append(elapsed)
            plain_samples.append(peer_generate(spec, ws.new("peer"), config)[0])
        peer = Figure("peer: openapi-python-client, trimmed 2.15 (ruff hooks)", samples)
        peer_plain = Figure("peer: openapi-python-client, no post-hooks", plain_samples)
        assert last is not None
        skipped = len(re.findall(r"Endpoint will not be generated", last.stdout + last.stderr))
        unparsable = sorted(set(re.findall(r"Failed to parse (\S+?\.py)", last.stdout + last.stderr)))
        dropped = len(re.findall(r"response will be omitted", last.stdout + last.stderr))
        peer_note = (
            f"trimmed description: {stats['operations kept']} of the catalog's {stats['catalog endpoints']} "
            f"operations, {stats['schemas kept']} of {stats['schemas in full description']} schemas (those reachable)"
        )
        if last.returncode != 0 or skipped or unparsable or dropped:
            report.problem(
                f"openapi-python-client exits {last.returncode} on the trimmed 2.15 description (it does on the "
                f"untrimmed one too): it skips {skipped} endpoint(s), omits {dropped} response type(s) it cannot "
                f"resolve, and emits invalid Python that its ruff post-hook then fails to parse in "
                f"{len(unparsable)} file(s) ({', '.join(unparsable)}). Its run still writes a client, so its "
                f"time is measured as it runs; the no-post-hooks row (config `post_hooks: []`) exits 0."
            )

    report.section("Part A - generation (each a fresh `intercom-gen` process; separate INTERCOM_GEN_CACHE per run)")
    report.add(interpreter.label, seconds(interpreter.median), runs_text(interpreter))
    report.add(startup.label, seconds(startup.median), runs_text(startup), f"{ratio(startup.median, interpreter.median):.1f}x bare interpreter")
    for figure in (cold_one, warm_one):
        versus = versus_peer(peer, figure)
        report.add(figure.label, seconds(figure.median), runs_text(figure), versus)
    report.add(cold_five.label, seconds(cold_five.median), runs_text(cold_five), f"{ratio(cold_five.median, cold_one.median):.2f}x cold {VERSION}")
    report.add(warm_five.label, seconds(warm_five.median), runs_text(warm_five), f"{ratio(warm_five.median, warm_one.median):.2f}x warm {VERSION}")
    for figure in (noop, noop_five):
        versus = versus_peer(peer, figure)
        report.add(figure.label, seconds(figure.median), runs_text(figure), versus)
    report.add(check.label, seconds(check.median), runs_text(check), f"{ratio(check.median, warm_five.median):.2f}x warm five")
    report.add(check_cold.label, seconds(check_cold.median), runs_text(check_cold))
    if peer and peer_plain:
        report.add(peer.label, seconds(peer.median), runs_text(peer), "(the peer)")
        report.add(peer_plain.label, seconds(peer_plain.median), runs_text(peer_plain), "(informational)")
        report.add("  " + peer_note, "", "")
        r = ratio(peer.median, cold_one.median)
        report.target("cold one version >= 3x faster than the peer", f"peer {seconds(peer.median)} / ours {seconds(cold_one.median)} = {r:.2f}x", r >= 3)
    else:
        report.add("peer: skipped", "-", "", f"{REFERENCE_SPEC} is absent")
        report.target("cold one version >= 3x faster than the peer", "skipped (no ../shared/reference)", None)
    r = ratio(cold_five.median, cold_one.median)
    report.target("all five versions <= 2x one version (cold)", f"{seconds(cold_five.median)} / {seconds(cold_one.median)} = {r:.2f}x", r <= 2)
    r_warm = ratio(warm_five.median, warm_one.median)
    report.target("all five versions <= 2x one version (warm, informational)", f"{seconds(warm_five.median)} / {seconds(warm_one.median)} = {r_warm:.2f}x", r_warm <= 2)
    if peer:
        r = ratio(peer.median, noop.median)
        report.target("no-op >= 20x faster than the peer", f"peer {seconds(peer.median)} / no-op {seconds(noop.median)} = {r:.1f}x", r >= 20)
        if r < 20:
            report.problem(
                f"the no-op regeneration takes {seconds(noop.median)}, of which {seconds(startup.median)} is "
                f"just starting the CLI (`intercom-gen --tool-version`, which does no work) and "
                f"{seconds(interpreter.median)} the bare interpreter. 20x the peer needs at most "
                f"{seconds(peer.median / 20)}: the CLI's start-up (imports done before any work) is what misses it."
            )
    else:
        report.target("no-op >= 20x faster than the peer", "skipped (no ../shared/reference)", None)


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
    process = subprocess.Popen(
        [PYTHON, "-c", code, str(TESTS)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip()
        if not base_url.startswith("http"):
            raise RuntimeError("the fake server did not start")
        yield base_url
    finally:
        assert process.stdin is not None
        process.stdin.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


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
    env = dict(os.environ)
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
    env = dict(os.environ)
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
        iterate: dict[str, Callable[[], Any]] = {"raw httpx (floor)": raw_iterate, "ours: client.contacts.list": ours_iterate}
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
                report.problem(f"python-intercom contacts.list iteration failed against the fake server: {error!r:.300}")

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

        per_call = {name: [t / n_calls for t in s] for name, s in timed_rounds({k: batch(v) for k, v in retrieve.items()}, rounds).items()}

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
    where = "a thread in this process" if in_process else "a separate process (so its allocations stay out of tracemalloc)"
    report.section(f"Part B - generated client vs raw httpx and python-intercom (fake server in {where})")
    floor = statistics.median(per_call["raw httpx (floor)"])
    report.add(f"per call: GET /contacts/c1, {n_calls} sequential calls per run", "", "")
    for name, values in per_call.items():
        m = statistics.median(values)
        report.add("  " + name, seconds(m), f"n={len(values)}x{n_calls}", "" if name.startswith("raw") else f"{ratio(m, floor):.2f}x raw httpx")
    report.add(f"iterate {CONTACTS} contacts, pages of {PER_PAGE}: time", "", "")
    iter_floor = statistics.median(iter_time["raw httpx (floor)"])
    for name, values in iter_time.items():
        m = statistics.median(values)
        report.add("  " + name, seconds(m), f"n={len(values)}", "" if name.startswith("raw") else f"{ratio(m, iter_floor):.2f}x raw httpx")
    report.add("iterate: peak traced memory (tracemalloc, n=1 each)", "", "")
    peak_floor = iter_peak["raw httpx (floor)"]
    for name, value in iter_peak.items():
        report.add("  " + name, mebibytes(value), "n=1", "" if name.startswith("raw") else f"{ratio(value, peak_floor):.2f}x raw httpx")
    report.add("  ours, stopping after 2 pages", mebibytes(peak_two_pages), "n=1", f"{pages_total} pages / 2 pages = {ratio(iter_peak['ours: client.contacts.list'], peak_two_pages):.2f}x")
    report.add("  raw httpx, stopping after 2 pages", mebibytes(raw_peak_two_pages), "n=1")
    report.add(f"  ours, all {CONTACTS} contacts held in a list (reference)", mebibytes(all_held), "n=1", f"= {pages_total} pages; one parsed page ~ {mebibytes(one_page)}")
    report.add(f"  one page of {PER_PAGE} contacts as JSON bytes", mebibytes(page_bytes), "")
    report.add("import time, fresh interpreter each (time.perf_counter around the import)", "", "")
    import_floor = statistics.median(imports["floor: import httpx, pydantic"])
    for name, values in imports.items():
        m = statistics.median(values)
        report.add("  " + name, seconds(m), f"n={len(values)}", "" if name.startswith("floor") else f"{ratio(m, import_floor):.2f}x httpx+pydantic")

    report.add("first call in a fresh interpreter (import + client + GET /contacts/c1)", "", "")
    first_floor = statistics.median(first_calls["floor: import httpx + GET + .json()"])
    for name, values in first_calls.items():
        m = statistics.median(values)
        report.add("  " + name, seconds(m), f"n={len(values)}", "" if name.startswith("floor") else f"{ratio(m, first_floor):.2f}x httpx")

    ours_call = statistics.median(per_call["ours: client.contacts.retrieve"])
    r = ratio(ours_call, floor)
    report.target("per call within 1.25x of raw httpx", f"{seconds(ours_call)} vs {seconds(floor)} = {r:.2f}x", r <= 1.25)
    ours_iter = statistics.median(iter_time["ours: client.contacts.list"])
    r = ratio(ours_iter, iter_floor)
    report.target("iteration within 2.5x of raw httpx", f"{seconds(ours_iter)} vs {seconds(iter_floor)} = {r:.2f}x", r <= 2.5)
    ours_peak = iter_peak["ours: client.contacts.list"]
    in_pages = ratio(ours_peak, one_page)
    report.target(
        f"iteration peak memory about one page (bounded: <= 4 parsed pages; holding all would be {pages_total})",
        f"peak {mebibytes(ours_peak)} = {in_pages:.1f} parsed pages of {mebibytes(one_page)}; 2 pages' run peaks at "
        f"{mebibytes(peak_two_pages)}; raw httpx {mebibytes(peak_floor)}",
        in_pages <= 4,
    )
    ours_import = statistics.median(imports["ours: from intercom_api import Intercom"])
    r = ratio(ours_import, import_floor)
    report.target("import within 1.2x of `import httpx, pydantic`", f"{seconds(ours_import)} vs {seconds(import_floor)} = {r:.2f}x", r <= 1.2)


# --------------------------------------------------------------------------- main


def guarded(report: Report, name: str, run: Callable[[], None]) -> None:
    """Run one part; if it breaks (say the generated client does not import), report that
    instead of numbers and go on, so the figures already measured are still printed."""
    try:
        run()
    except Exception as error:
        frames = traceback.extract_tb(error.__traceback__)
        where = next((f"{Path(f.filename).name}:{f.lineno}" for f in reversed(frames) if "intercom_api" in f.filename), None)
        where = where or (f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?")
        report.section(f"{name} - stopped")
        report.add("no figures", "-", "", "see Problems found")
        report.problem(f"{name} stopped at {where}: {type(error).__name__}: {str(error).strip()[:600]}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and calls (a smoke run)")
    parser.add_argument("--only", choices=("generation", "client"), help="run one part only")
    parser.add_argument(
        "--in-process-server",
        action="store_true",
        help="run the fake server as a thread in this process (its allocations then count in the memory peaks)",
    )
    args = parser.parse_args(argv)
    if not Path(INTERCOM_GEN).exists():
        print(f"intercom-gen not found at {INTERCOM_GEN}; install the project into .venv first", file=sys.stderr)
        return 2
    started = time.perf_counter()
    report = Report()
    with tempfile.TemporaryDirectory(prefix="intercom-gen-bench-") as folder:
        tmp = Path(folder)
        if args.only != "client":
            guarded(report, "Part A (generation)", lambda: part_a(report, args.quick, tmp))
        if args.only != "generation":
            guarded(report, "Part B (client)", lambda: part_b(report, args.quick, tmp, args.in_process_server))
    header = (
        f"intercom-gen benchmarks ({'quick' if args.quick else 'full'} run); Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPU(s); figures are medians, n = runs"
    )
    print(header)
    report.print(time.perf_counter() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
