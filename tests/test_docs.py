"""The documentation target: the mkdocs site builds with --strict and says what a reader needs.

Each version is generated through the pipeline into a temporary folder and built with the
real `mkdocs build --strict`, exactly as a user would run it from generated/<version>/."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from intercom_gen.counts import Counts
from intercom_gen.pipeline import Resolved, generate, resolve_catalog
from intercom_gen.reference_views import build_reference_view
from intercom_gen.site_views import build_site_view
from intercom_gen.text import NOT_DOCUMENTED
from intercom_gen.write import write_tree
from tests.catalog_versions import base_version, previous, version_with

# The version whose rules add the ticket.resolved topic, the one before it, and the base.
WITH = version_with("add_webhook", webhook="ticket.resolved")
WITHOUT = previous(WITH)
BASE = base_version()
VERSIONS = (WITH, WITHOUT)


@pytest.fixture(scope="module")
def resolved() -> Resolved:
    return resolve_catalog()


@pytest.fixture(scope="module")
def generated(resolved: Resolved, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    for version, files in generate(resolved, VERSIONS).items():
        write_tree(out / version, files)
    return out


@pytest.fixture(scope="module")
def built(generated: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    """Each version's built site and everything mkdocs printed."""
    sites = {}
    # Material prints an end-of-life banner unless told not to; it is not a build warning.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for version in VERSIONS:
        site = tmp_path_factory.mktemp(f"site-{version}")
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
            cwd=generated / version,
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        output = result.stdout + result.stderr
        assert result.returncode == 0, output
        sites[version] = (site, output)
    return sites


@pytest.mark.parametrize("version", VERSIONS)
def test_mkdocs_strict_build_has_no_warning(built: dict[str, tuple[Path, str]], version: str) -> None:
    site, output = built[version]
    assert "WARNING" not in output, output
    for page in ("index", "webhooks", "errors", "rate-limits", "versions", "scopes", "groups/contacts"):
        assert (site / f"{page}.html").is_file(), f"{page}.html was not built"


@pytest.mark.parametrize("version", VERSIONS)
def test_mkdocs_config_names_the_version_and_every_page(generated: Path, version: str) -> None:
    config = (generated / version / "mkdocs.yml").read_text()
    assert f'site_name: "Intercom API {version} for AI agents"' in config
    assert "docs_dir: docs" in config
    assert "name: material" in config
    docs = generated / version / "docs"
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    for page in pages:
        assert f": {page}\n" in config, f"{page} is missing from the nav"


def test_group_page_lists_path_permission_scope_and_webhook(built: dict[str, tuple[Path, str]]) -> None:
    site, _ = built[WITH]
    html = (site / "groups" / "contacts.html").read_text()
    section = html[html.index('id="contacts-create"') :]
    section = section[: section.index('id="contacts-delete"')]
    assert "POST /contacts" in section
    assert "Write users" in section
    assert "Write users and companies" in section
    assert "contact.user.created" in section
    assert BASE in section
    retrieve = html[html.index('id="contacts-retrieve"') :]
    assert "'Read one user and one company' or the broader 'Read and list users and companies'" in retrieve[:3000]
    listing = html[html.index('id="contacts-list"') :][:4000]
    assert "starting_after" in listing, "a paginated endpoint explains how to page"


def test_index_explains_auth_versions_regions_and_connections(built: dict[str, tuple[Path, str]]) -> None:
    site, _ = built[WITH]
    html = (site / "index.html").read_text()
    for text in (
        "no refresh tokens",
        "Intercom-Version",
        "https://api.eu.intercom.io",
        "https://api.au.intercom.io",
        "https://mcp.intercom.com/mcp",
        "Only US-hosted workspaces are supported",
        "Webhooks",
        "groups/contacts.html",
        "rate-limits.html",
    ):
        assert text in html, text


def test_webhooks_errors_limits_and_versions_pages(built: dict[str, tuple[Path, str]]) -> None:
    site, _ = built[WITH]
    webhooks = (site / "webhooks.html").read_text()
    assert "ticket.resolved" in webhooks and "Read tickets" in webhooks
    errors = (site / "errors.html").read_text()
    assert "rate_limit_exceeded" in errors and "502, 503, 504" in errors
    limits = (site / "rate-limits.html").read_text()
    assert "10,000" in limits and "X-RateLimit-Reset" in limits
    versions = (site / "versions.html").read_text()
    assert versions.index(f"{WITH} (this version") < versions.index(f">{WITHOUT}<") < versions.index(f">{BASE}")
    assert "ticket" in versions
    older, _ = built[WITHOUT]
    assert WITH not in (older / "versions.html").read_text().split("Version history", 1)[1]
    assert "ticket.resolved" not in (older / "webhooks.html").read_text()


def test_scope_tables_agree_with_the_catalog(resolved: Resolved, generated: Path) -> None:
    catalog = resolved.versions[WITH]
    tables = generated / WITH / "tables"
    document = json.loads((tables / "scopes.json").read_text())
    assert document["counts"] == Counts.of(catalog).as_dict()
    assert document["counts"]["endpoints"] == 30
    assert document["counts"]["write"] == 16
    by_id = {e["id"]: e for e in document["endpoints"]}
    assert by_id["contacts.retrieve"]["scopes"] == ["Read one user and one company", "Read and list users and companies"]
    assert set(by_id) == {e.id for e in catalog.endpoints}
    scopes = {s["name"]: s for s in document["scopes"]}
    assert "contacts.list" in scopes["Read and list users and companies"]["endpoints"]
    assert "company.created" in scopes["Read and list users and companies"]["webhooks"]
    permissions = {p["name"]: p for p in document["permissions"]}
    assert permissions["Read tickets"]["webhooks"] == ["ticket.admin.replied", "ticket.created", "ticket.resolved", "ticket.state.updated"]
    rows = list(csv.DictReader(io.StringIO((tables / "scopes.csv").read_text())))
    assert len(rows) == len(catalog.endpoints)
    undocumented = [e for e in catalog.endpoints if e.permission is None]
    assert len(undocumented) == Counts.of(catalog).undocumented
    for endpoint in undocumented:
        row = next(r for r in rows if r["id"] == endpoint.id)
        assert row["permission"] == NOT_DOCUMENTED
        assert row["permission_note"] == endpoint.permission_note
        assert by_id[endpoint.id]["permission"] is None
    markdown = (tables / "scopes.md").read_text()
    assert "| 30 | 8 | 14 | 16 | 16 |" in markdown


def test_topics_tables(resolved: Resolved, generated: Path) -> None:
    topics = json.loads((generated / WITH / "webhooks" / "topics.json").read_text())["topics"]
    assert topics["ticket.created"] == {
        "summary": "A ticket was created.",
        "permission": "Read tickets",
        "scopes": ["Read tickets"],
        "triggered_by": [{"id": "tickets.create", "method": "POST", "path": "/tickets"}],
        "since": BASE,
    }
    assert topics["ticket.resolved"]["since"] == WITH
    older = json.loads((generated / WITHOUT / "webhooks" / "topics.json").read_text())["topics"]
    assert "ticket.resolved" not in older
    assert "`contact.user.created`" in (generated / WITH / "webhooks" / "topics.md").read_text()


def test_docs_views_are_deterministic_and_ordered(resolved: Resolved) -> None:
    newest, *older_versions = reversed(resolved.supported)
    first = build_site_view(resolved.versions, newest)
    assert first == build_site_view(resolved.versions, newest)
    assert [g.id for g in first.groups] == sorted(g.id for g in first.groups)
    assert first.versions[0].version == newest
    assert first.versions[0].is_target
    reference = build_reference_view(resolved.versions, newest)
    assert reference == build_reference_view(resolved.versions, newest)
    assert [e.id for e in reference.endpoints] == sorted(e.id for e in reference.endpoints)
    middle = older_versions[len(older_versions) // 2]
    older = build_site_view(resolved.versions, middle)
    assert [v.version for v in older.versions] == [v for v in reversed(resolved.supported) if v <= middle]
