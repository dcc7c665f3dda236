"""reference.html in a real headless Chromium: filters, search, live count, no network.

Needs the `playwright` package and a Chromium at /usr/bin/chromium (or $CHROMIUM). Without
one the test skips, except in CI (the CI environment variable set), where it fails."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

from generator.catalog import Catalog
from generator.pipeline import Resolved, generate, resolve_catalog
from generator.write import write_tree

VERSION = "2.15"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
EMPTY_MESSAGE = "No endpoints match those filters."


def chromium_path() -> str | None:
    candidates = [os.environ.get("CHROMIUM", ""), "/usr/bin/chromium", shutil.which("chromium") or "", shutil.which("chromium-browser") or ""]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


def unavailable(reason: str) -> NoReturn:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the browser test (see tests/test_reference_page.py)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def resolved() -> Resolved:
    return resolve_catalog()


@pytest.fixture(scope="module")
def catalog(resolved: Resolved) -> Catalog:
    return resolved.versions[VERSION]


@pytest.fixture(scope="module")
def reference_file(resolved: Resolved, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    files = generate(resolved, [VERSION])[VERSION]
    write_tree(out / VERSION, files)
    return out / VERSION / "reference.html"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        unavailable("no Chromium at /usr/bin/chromium (install it with: apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed (pip install playwright)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser: Any, reference_file: Path) -> Iterator[Any]:
    context = browser.new_context(offline=True)
    attempted: list[str] = []

    def block(route: Any) -> None:
        attempted.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith("file://"), block)
    page = context.new_page()
    page.goto(reference_file.as_uri())
    page.wait_for_load_state("load")
    yield page
    context.close()
    assert attempted == [], f"the page tried to reach the network: {attempted}"


def visible_rows(page: Any) -> list[str]:
    return list(page.eval_on_selector_all("#endpoints-table tbody tr:not([hidden])", "rows => rows.map(r => r.id)"))


def shown(page: Any) -> int:
    return int(page.inner_text("#shown"))


def test_all_rows_shown_at_first(page: Any, catalog: Catalog) -> None:
    assert len(visible_rows(page)) == len(catalog.endpoints) == shown(page)
    assert not page.is_visible("#empty")
    assert page.locator("#webhooks-table tbody tr").count() == len(catalog.webhooks)
    assert page.locator("script[src], link[rel=stylesheet], img").count() == 0


def test_filter_by_write_access(page: Any, catalog: Catalog) -> None:
    page.select_option("#filter-access", "write")
    writes = [e for e in catalog.endpoints if e.access == "write"]
    assert shown(page) == len(visible_rows(page)) == len(writes)
    # The brief's count: 16 write endpoints with a documented permission.
    documented = page.eval_on_selector_all(
        "#endpoints-table tbody tr:not([hidden])", "rows => rows.filter(r => r.dataset.permission !== 'not documented').length"
    )
    assert documented == 16


def test_filter_by_permission(page: Any, catalog: Catalog) -> None:
    page.select_option("#filter-permission", "Read tickets")
    expected = sorted(e.id.replace(".", "-").replace("_", "-") for e in catalog.endpoints if e.permission == "Read tickets")
    assert sorted(visible_rows(page)) == expected
    assert "tickets-retrieve" in expected
    assert shown(page) == len(expected)


def test_filter_by_method_and_undocumented_permission(page: Any, catalog: Catalog) -> None:
    page.select_option("#filter-method", "DELETE")
    assert shown(page) == sum(e.method == "DELETE" for e in catalog.endpoints)
    page.select_option("#filter-method", "")
    page.select_option("#filter-permission", "not documented")
    assert shown(page) == sum(e.permission is None for e in catalog.endpoints)


def test_search_a_path(page: Any) -> None:
    page.fill("#search", "/contacts/{contact_id}/archive")
    assert visible_rows(page) == ["contacts-archive"]
    assert shown(page) == 1
    page.fill("#search", "ARCHIVE")
    assert set(visible_rows(page)) >= {"contacts-archive"}


def test_search_matches_summaries(page: Any) -> None:
    page.fill("#search", "permanently remove a contact")
    assert visible_rows(page) == ["contacts-delete"]


def test_no_match_shows_the_message(page: Any, catalog: Catalog) -> None:
    page.select_option("#filter-access", "read")
    page.select_option("#filter-permission", "Write users")
    assert shown(page) == 0
    assert visible_rows(page) == []
    assert page.is_visible("#empty")
    assert page.inner_text("#empty") == EMPTY_MESSAGE
    page.select_option("#filter-access", "")
    assert shown(page) == sum(e.permission == "Write users" for e in catalog.endpoints)
    assert not page.is_visible("#empty")


def test_text_is_escaped(reference_file: Path) -> None:
    html = reference_file.read_text()
    assert "data-search=\"contacts.retrieve /contacts/{contact_id}" in html
    assert "&#39;Read one user and one company&#39;" in html
    assert "http://" not in html and "https://fonts" not in html
