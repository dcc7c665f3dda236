"""The target registry as a user meets it: --list-targets, --target, and a failing view
builder reported as such."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from intercom_gen import targets as registry
from intercom_gen.cli import main
from intercom_gen.diagnostics import ViewError
from intercom_gen.locations import DEFAULT_TEMPLATES
from intercom_gen.pipeline import generate, resolve_catalog

RESOLVED = resolve_catalog()
NEWEST = RESOLVED.supported[-1]


def run(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(arguments))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_every_target_has_a_template_folder_and_is_listed() -> None:
    code, out, _ = run("--list-targets")
    assert code == 0
    listed = [line.split()[0] for line in out.splitlines()]
    assert listed == [t.name for t in registry.TARGETS]
    for target in registry.TARGETS:
        assert (DEFAULT_TEMPLATES / target.name).is_dir(), target.name
    # Every template belongs to exactly one target's folder.
    folders = {p.relative_to(DEFAULT_TEMPLATES).parts[0] for p in DEFAULT_TEMPLATES.rglob("*.jinja")}
    assert folders == {t.name for t in registry.TARGETS}


def test_a_target_generates_only_its_files(tmp_path: Path) -> None:
    code, _, err = run("--out", str(tmp_path), "--version", NEWEST, "--target", "tables")
    assert code == 0, err
    written = sorted(p.relative_to(tmp_path / NEWEST).as_posix() for p in (tmp_path / NEWEST).rglob("*") if p.is_file())
    assert written and all(path.startswith("tables/") for path in written)


def test_a_target_run_leaves_the_other_targets_files_alone(tmp_path: Path) -> None:
    assert run("--out", str(tmp_path), "--version", NEWEST)[0] == 0
    folder = tmp_path / NEWEST
    catalog = folder / "catalog.json"
    (folder / "tables" / "scopes.csv").write_text("stale\n")
    catalog.write_text(catalog.read_text() + " ")  # not the tables target's to fix
    code, out, _ = run("--out", str(tmp_path), "--version", NEWEST, "--target", "tables", "--target", "webhooks")
    assert code == 0 and "1 file(s) changed" in out
    assert (folder / "tables" / "scopes.csv").read_text() != "stale\n"
    assert catalog.read_text().endswith(" ")
    # --check limited to a target judges only that target's files.
    code, _, err = run("--out", str(tmp_path), "--check", "--target", "catalog")
    assert code == 1 and "catalog.json" in err and "scopes.csv" not in err


def test_an_unknown_target_is_refused_with_a_hint() -> None:
    code, _, err = run("--target", "tabels")
    assert code == 2
    assert "unknown target 'tabels'" in err and "did you mean 'tables'?" in err


def test_a_failing_view_builder_is_reported_as_that_builder(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(resolved: object, version: str) -> object:
        raise KeyError("rate_limits")

    monkeypatch.setattr(registry, "_function", lambda path: broken)
    with pytest.raises(ViewError, match=r"building the tables view for .* failed: KeyError: 'rate_limits'"):
        generate(RESOLVED, [NEWEST], targets=["tables"])


def test_views_are_built_before_any_template_renders(monkeypatch: pytest.MonkeyPatch) -> None:
    """The second target's builder fails: no template of the first may have run."""
    rendered: list[str] = []
    import intercom_gen.pipeline as pipeline

    real_render = pipeline.render_tree
    monkeypatch.setattr(pipeline, "render_tree", lambda *a, **k: rendered.append("x") or real_render(*a, **k))
    webhooks = next(t for t in registry.TARGETS if t.name == "webhooks")
    monkeypatch.setattr(registry, "TARGETS", (*registry.TARGETS[:-1], replace(webhooks, view="intercom_gen.nowhere:nothing")))
    with pytest.raises(ViewError, match="building the webhooks view"):
        generate(RESOLVED, [NEWEST], targets=["tables", "webhooks"])
    assert rendered == []
