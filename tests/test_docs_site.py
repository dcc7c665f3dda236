"""`intercom-gen docs --out SITE`: every supported version's mkdocs-material site, built
with the real `mkdocs build --strict`, with the version selector, versions.json, the
latest/ redirect and each version's reference page; the group pages' tables keep ids,
paths and topics whole, measured in a headless Chromium.

The whole site is built once for the module; each version comes from the catalog, never
named here."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from intercom_gen import docs_command
from intercom_gen.cli import main
from intercom_gen.pipeline import Resolved, generate, resolve_catalog
from tests.browser import launch_chromium, offline_context


@pytest.fixture(scope="module")
def resolved() -> Resolved:
    return resolve_catalog()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The built site, and what the command printed."""
    out = tmp_path_factory.mktemp("docs") / "site"
    result = CliRunner().invoke(main, ["docs", "--out", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 0, result.output
    return out, result.stdout


def run(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(arguments))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_every_supported_version_is_built_with_its_reference(site: tuple[Path, str], resolved: Resolved) -> None:
    out, printed = site
    for version in resolved.supported:
        assert (out / version / "index.html").is_file(), version
        assert (out / version / "groups").is_dir(), version
        reference = (out / version / "reference.html").read_text()
        assert re.search(rf"<title>[^<]*\b{re.escape(version)}\b[^<]*endpoint reference</title>", reference), version
        assert f"{out / version}: built" in printed
    versions = sorted(p.name for p in out.iterdir() if p.is_dir() and re.fullmatch(r"\d+\.\d+", p.name))
    assert versions == sorted(resolved.supported)


def test_versions_json_is_mikes_format_newest_first(site: tuple[Path, str], resolved: Resolved) -> None:
    out, _ = site
    document = json.loads((out / "versions.json").read_text())
    default = resolved.base.api.default_version
    newest_first = sorted(resolved.supported, key=lambda v: tuple(int(p) for p in v.split(".")), reverse=True)
    assert [entry["version"] for entry in document] == newest_first
    for entry in document:
        assert entry["title"] == entry["version"]
        assert entry["aliases"] == (["latest"] if entry["version"] == default else [])


class Redirect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refresh = ""
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and values.get("http-equiv") == "refresh":
            self.refresh = values.get("content") or ""
        if tag == "a":
            self.links.append(values.get("href") or "")


def test_latest_and_the_root_redirect_to_the_default_version(site: tuple[Path, str], resolved: Resolved) -> None:
    out, _ = site
    default = resolved.base.api.default_version
    for page, target in ((out / "latest" / "index.html", f"../{default}/index.html"), (out / "index.html", f"{default}/index.html")):
        parser = Redirect()
        parser.feed(page.read_text())
        assert parser.refresh == f"0; url={target}"
        assert parser.links == [target]
        assert (page.parent / target).resolve().is_file()


def page_config(html: str) -> dict[str, Any]:
    found = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.DOTALL)
    assert found, "mkdocs-material's page config is missing"
    config: dict[str, Any] = json.loads(found[1])
    return config


def test_every_page_carries_the_version_selector_and_the_stylesheet(site: tuple[Path, str], resolved: Resolved) -> None:
    out, _ = site
    for version in resolved.supported:
        for page in (out / version / "index.html", out / version / "groups" / "contacts.html"):
            html = page.read_text()
            # The theme's script shows the selector, reading ../versions.json, when the
            # page's config names a version provider.
            assert page_config(html)["version"] == {"provider": "mike"}
            assert "stylesheets/extra.css" in html
        css = (out / version / "stylesheets" / "extra.css").read_text()
        assert "white-space: nowrap" in css


def test_group_summary_tables_have_an_oauth_scopes_column(site: tuple[Path, str], resolved: Resolved) -> None:
    out, _ = site
    default = resolved.base.api.default_version
    catalog = resolved.versions[default]
    html = (out / default / "groups" / "contacts.html").read_text()
    table = html[html.index("<table>") : html.index("</table>")]
    assert re.findall(r"<th>(.*?)</th>", table) == ["Endpoint", "Method", "Path", "Access", "Permission", "OAuth scopes"]
    retrieve = catalog.endpoint("contacts.retrieve")
    assert retrieve is not None
    row = table[table.index('href="#contacts-retrieve"') :]
    row = row[: row.index("</tr>")]
    assert ", ".join(catalog.scopes_granting(retrieve.permission)) in row


def test_the_generated_config_builds_outside_generated(resolved: Resolved, tmp_path: Path) -> None:
    """`mkdocs build` in generated/<version>/, as the docs say, writes site/<version>/
    beside generated/, never inside it."""
    from mkdocs.config import load_config

    version = resolved.base.api.default_version
    files = generate(resolved, [version], targets=["docs"])[version]
    project = tmp_path / "generated" / version
    for relative, text in files.items():
        (project / relative).parent.mkdir(parents=True, exist_ok=True)
        (project / relative).write_text(text)
    config = load_config(config_file=str(project / "mkdocs.yml"))
    assert Path(config["site_dir"]).resolve() == (tmp_path / "site" / version).resolve()
    assert config["extra"]["version"] == {"provider": "mike"}


def test_a_strict_build_fails_on_a_warning(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n\n[a page that is not there](missing.md)\n")
    (tmp_path / "mkdocs.yml").write_text('site_name: "strict"\n')
    status, output = docs_command.mkdocs_build(tmp_path, tmp_path / "site")
    assert status != 0 and "missing.md" in output


def test_a_failed_build_keeps_the_previous_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("the previous site\n")
    monkeypatch.setattr(docs_command, "mkdocs_build", lambda sources, site: (1, "WARNING -  a broken link"))
    code, _, err = run("docs", "--out", str(out))
    assert code == 3
    assert "mkdocs build --strict" in err and "a broken link" in err and "Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]
    assert (out / "index.html").read_text() == "the previous site\n"
    assert [p.name for p in tmp_path.iterdir()] == ["site"], "the staging folder is removed"


def test_bad_input_is_reported_without_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run("docs", "--out", str(tmp_path / "site"), "--catalog", str(tmp_path / "no-catalog"))
    assert code == 2 and "no-catalog" in err and "Traceback" not in err
    monkeypatch.setattr(docs_command, "find_spec", lambda name: None)
    code, _, err = run("docs", "--out", str(tmp_path / "site"))
    assert code == 2 and "pip install 'intercom-gen[docs]'" in err
    assert not (tmp_path / "site").exists()


# --- the tables keep ids, paths and topics whole, in a real browser ----------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch_chromium()


SUMMARY_CODE = """() => {
  const table = document.querySelector('.md-content .md-typeset table');
  return Array.from(table.querySelectorAll('td code')).map(code => {
    const style = getComputedStyle(code);
    return {
      text: code.textContent,
      lines: code.getClientRects().length,
      height: code.getBoundingClientRect().height,
      lineHeight: parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2,
    };
  });
}"""


def test_summary_table_code_renders_on_one_line(site: tuple[Path, str], resolved: Resolved, browser: Any, tmp_path: Path) -> None:
    out, _ = site
    default = resolved.base.api.default_version
    pages = [*sorted((out / default / "groups").glob("*.html")), out / default / "webhooks.html"]
    assert len(pages) == len(resolved.versions[default].groups) + 1
    attempted: list[str] = []
    context = offline_context(browser, attempted, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        for file in pages:
            page.goto(file.as_uri())
            page.wait_for_load_state("load")
            codes = page.evaluate(SUMMARY_CODE)
            assert codes, f"{file.name} has no code in its first table"
            broken = [c["text"] for c in codes if c["lines"] != 1 or c["height"] > c["lineHeight"] * 1.2]
            assert broken == [], f"{file.name}: these wrap onto a second line: {broken}"
            if file.stem == "conversations":
                page.screenshot(path=str(tmp_path / "conversations.png"))
    finally:
        context.close()
    assert attempted == [], f"the site tried to reach the network: {attempted}"
