"""reference.html in a real headless Chromium: filters, search, live count, the
detail of a selected row, the webhook search, the state kept in the address, a phone's
width, and never a network request.

Needs the `playwright` package and a Chromium (see tests/browser.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from intercom_gen.catalog import Catalog
from intercom_gen.pipeline import Resolved, generate, resolve_catalog
from intercom_gen.reference_views import script_json
from intercom_gen.write import write_tree
from tests.browser import launch_chromium, offline_context

EMPTY_MESSAGE = "No endpoints match those filters."
NO_EVENTS = "No events match that search."


@pytest.fixture(scope="module")
def resolved() -> Resolved:
    return resolve_catalog()


@pytest.fixture(scope="module")
def version(resolved: Resolved) -> str:
    return resolved.base.api.default_version


@pytest.fixture(scope="module")
def catalog(resolved: Resolved, version: str) -> Catalog:
    return resolved.versions[version]


@pytest.fixture(scope="module")
def reference_file(resolved: Resolved, version: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    files = generate(resolved, [version], targets=["reference"])[version]
    write_tree(out / version, files)
    return out / version / "reference.html"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch_chromium()


@pytest.fixture
def open_page(browser: Any, reference_file: Path) -> Iterator[Any]:
    """Opens the page at an address (`#...` appended to its file URL) and width; every
    page it opened is checked, at the end, to have asked for nothing off the disk."""
    yield from opened_pages(browser, reference_file)


def opened_pages(browser: Any, file: Path) -> Iterator[Any]:
    attempted: list[str] = []
    errors: list[str] = []
    contexts: list[Any] = []

    def opener(fragment: str = "", width: int = 1280) -> Any:
        context = offline_context(browser, attempted, viewport={"width": width, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(file.as_uri() + fragment)
        page.wait_for_load_state("load")
        return page

    yield opener
    for context in contexts:
        context.close()
    assert errors == [], f"the page's script failed: {errors}"
    assert attempted == [], f"the page tried to reach the network: {attempted}"


@pytest.fixture
def page(open_page: Any) -> Any:
    return open_page()


def visible_rows(page: Any) -> list[str]:
    return list(page.eval_on_selector_all("#endpoints-table tbody tr.endpoint:not([hidden])", "rows => rows.map(r => r.id)"))


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


# --- an endpoint's detail ------------------------------------------------------------


def row_id(endpoint_id: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", endpoint_id.lower()).strip("-")


def versions_with(resolved: Resolved, endpoint_id: str) -> list[str]:
    return [v for v in resolved.supported if resolved.versions[v].endpoint(endpoint_id) is not None]


def detail_facts(page: Any) -> dict[str, str]:
    terms = page.eval_on_selector_all("#detail dt", "nodes => nodes.map(n => n.textContent)")
    values = page.eval_on_selector_all("#detail dd", "nodes => nodes.map(n => n.innerText.trim())")
    return dict(zip(terms, values, strict=True))


def test_clicking_a_row_opens_its_detail(page: Any, resolved: Resolved, catalog: Catalog, version: str) -> None:
    endpoint = next(e for e in sorted(catalog.endpoints, key=lambda e: e.id) if e.webhook and e.permission and e.request)
    assert not page.is_visible("#detail")
    page.click(f"#{row_id(endpoint.id)}")
    assert page.is_visible("#detail")
    assert page.get_attribute(f"#{row_id(endpoint.id)}", "aria-expanded") == "true"
    # The detail sits right under its row.
    assert page.evaluate(f"document.getElementById('{row_id(endpoint.id)}').nextElementSibling.id") == "detail"
    facts = detail_facts(page)
    assert facts["Permission"] == endpoint.permission
    assert facts["OAuth scopes"].split("\n") == list(catalog.scopes_granting(endpoint.permission))
    assert facts["Since"].startswith(endpoint.since)
    assert facts["In versions"] == ", ".join(versions_with(resolved, endpoint.id))
    assert facts["Rate limit"] == endpoint.rate_limit
    topic = catalog.webhook(endpoint.webhook or "")
    assert topic is not None and f"{topic.topic}: {topic.summary}" in facts["Webhook fired"]
    example = page.inner_text("#detail pre")
    region = next(r for r in catalog.api.regions if r.id == catalog.api.default_region)
    assert example.startswith(f'curl -X {endpoint.method} "{region.base_url}')
    assert '-H "Authorization: Bearer ${INTERCOM_ACCESS_TOKEN}"' in example
    assert f'-H "Intercom-Version: {version}"' in example
    page.click(f"#{row_id(endpoint.id)}")
    assert not page.is_visible("#detail"), "a second click closes it"


def test_keyboard_opens_moves_and_closes_the_detail(page: Any, catalog: Catalog) -> None:
    paged = next(e for e in sorted(catalog.endpoints, key=lambda e: e.id) if e.pagination != "none")
    with_parameters = next(e for e in sorted(catalog.endpoints, key=lambda e: e.id) if any(p.location == "path" for p in e.parameters))
    page.focus("#search")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == visible_rows(page)[0], "rows are in the tab order"
    page.focus(f"#{row_id(paged.id)}")
    page.keyboard.press("Enter")
    facts = detail_facts(page)
    assert facts["Pagination"].startswith(f"{paged.pagination}: ")
    page.focus(f"#{row_id(with_parameters.id)}")
    page.keyboard.press(" ")
    assert page.locator("#detail").count() == 1, "one detail at a time"
    assert page.evaluate("document.getElementById('detail').previousElementSibling.id") == row_id(with_parameters.id)
    names = page.eval_on_selector_all("#detail tbody td:first-child", "cells => cells.map(c => c.textContent)")
    assert names == [p.name for p in with_parameters.parameters]
    path_parameter = next(p for p in with_parameters.parameters if p.location == "path")
    assert "${" + path_parameter.name.upper() + "}" in page.inner_text("#detail pre")
    page.keyboard.press("Escape")
    assert page.locator("#detail").count() == 0
    assert page.evaluate("document.activeElement.id") == row_id(with_parameters.id), "focus returns to the row"


def test_an_endpoint_missing_from_some_versions_says_which_have_it(page: Any, resolved: Resolved, catalog: Catalog) -> None:
    partial = [e for e in sorted(catalog.endpoints, key=lambda e: e.id) if versions_with(resolved, e.id) != list(resolved.supported)]
    assert partial, "the catalog's history adds endpoints after the oldest version"
    page.click(f"#{row_id(partial[0].id)}")
    assert detail_facts(page)["In versions"] == ", ".join(versions_with(resolved, partial[0].id))


# --- searching by request, by scope, and the webhooks ----------------------------------


def test_a_concrete_path_method_or_url_finds_its_template_row(page: Any, catalog: Catalog) -> None:
    region = next(r for r in catalog.api.regions if r.id == catalog.api.default_region)
    one_contact = sorted(row_id(e.id) for e in catalog.endpoints if e.path == "/contacts/{contact_id}")
    assert len(one_contact) > 1
    page.fill("#search", "/contacts/123")
    assert sorted(visible_rows(page)) == one_contact
    page.fill("#search", f"{region.base_url}/contacts/123?x=1")
    assert sorted(visible_rows(page)) == one_contact
    retrieve = next(e for e in catalog.endpoints if e.path == "/contacts/{contact_id}" and e.method == "GET")
    page.fill("#search", f"GET {region.base_url}/contacts/123/")
    assert visible_rows(page) == [row_id(retrieve.id)]
    create = next(e for e in catalog.endpoints if e.path == "/contacts" and e.method == "POST")
    page.fill("#search", "POST /contacts")
    assert visible_rows(page) == [row_id(create.id)]
    search = next(e for e in catalog.endpoints if e.path == "/contacts/search")
    page.fill("#search", "/contacts/search")
    assert visible_rows(page) == [row_id(search.id)], "a literal segment wins over a parameter"
    page.fill("#search", "/nothing/here")
    assert visible_rows(page) == [] and page.is_visible("#empty")


def test_the_scope_filter_shows_what_each_scope_opens(page: Any, catalog: Catalog) -> None:
    options = page.eval_on_selector_all("#filter-scope option", "options => options.map(o => o.value)")
    assert options == ["", *sorted(s.name for s in catalog.scopes)]
    for scope in sorted(catalog.scopes, key=lambda s: s.name):
        page.select_option("#filter-scope", scope.name)
        expected = sorted(row_id(e.id) for e in catalog.endpoints if e.permission in scope.grants)
        assert sorted(visible_rows(page)) == expected, scope.name
        assert shown(page) == len(expected)
    page.select_option("#filter-scope", "")
    assert shown(page) == len(catalog.endpoints)


def test_the_webhook_search_and_its_empty_state(page: Any, catalog: Catalog) -> None:
    def topics() -> list[str]:
        return list(page.eval_on_selector_all("#webhooks-table tbody tr:not([hidden]) code", "cells => cells.map(c => c.textContent)"))

    assert len(topics()) == len(catalog.webhooks) and not page.is_visible("#webhooks-empty")
    page.fill("#webhook-search", "ticket.")
    assert topics() == sorted(w.topic for w in catalog.webhooks if "ticket." in w.topic.lower() or "ticket." in w.summary.lower())
    trigger = next(w for w in sorted(catalog.webhooks, key=lambda w: w.topic) if w.triggered_by)
    page.fill("#webhook-search", trigger.triggered_by[0])
    assert trigger.topic in topics(), "an endpoint id finds the topics it fires"
    page.fill("#webhook-search", "no such event at all")
    assert topics() == []
    assert page.is_visible("#webhooks-empty") and page.inner_text("#webhooks-empty") == NO_EVENTS
    assert page.inner_text("#webhooks-shown") == "0"
    page.fill("#webhook-search", "")
    assert len(topics()) == len(catalog.webhooks) and not page.is_visible("#webhooks-empty")


# --- the address keeps the state --------------------------------------------------------


def test_the_state_is_kept_in_the_address_and_restored(open_page: Any, catalog: Catalog) -> None:
    page = open_page()
    scope = next(
        s
        for s in sorted(catalog.scopes, key=lambda s: s.name)
        if len([e for e in catalog.endpoints if e.permission in s.grants and e.access == "write"]) > 1
    )
    page.select_option("#filter-scope", scope.name)
    page.select_option("#filter-access", "write")
    page.fill("#search", "/")
    page.fill("#webhook-search", "created")
    rows = visible_rows(page)
    page.click(f"#{rows[0]}")
    address = page.evaluate("location.hash")
    assert "scope=" in address and "access=write" in address and "events=created" in address and f"endpoint={rows[0]}" in address
    topics = page.inner_text("#webhooks-shown")
    again = open_page(address)
    assert again.input_value("#filter-scope") == scope.name
    assert again.input_value("#filter-access") == "write"
    assert again.input_value("#webhook-search") == "created"
    assert visible_rows(again) == rows
    assert again.inner_text("#webhooks-shown") == topics
    assert again.evaluate("document.getElementById('detail').previousElementSibling.id") == rows[0]
    # A link to a row's anchor opens that row.
    linked = open_page(f"#{rows[-1]}")
    assert linked.evaluate("document.getElementById('detail').previousElementSibling.id") == rows[-1]
    # Closing the detail and clearing the filters clears the address.
    again.keyboard.press("Escape")
    for control in ("#filter-scope", "#filter-access"):
        again.select_option(control, "")
    again.fill("#search", "")
    again.fill("#webhook-search", "")
    assert again.evaluate("location.hash") == ""


# --- a phone's width ----------------------------------------------------------------------


def test_usable_at_a_phones_width(open_page: Any, catalog: Catalog, tmp_path: Path) -> None:
    page = open_page(width=375)
    no_sideways_scroll = "document.documentElement.scrollWidth <= window.innerWidth"
    assert page.evaluate(no_sideways_scroll)
    longest = max(catalog.endpoints, key=lambda e: len(e.path) + len(e.parameters))
    page.click(f"#{row_id(longest.id)}")
    assert page.is_visible("#detail pre")
    assert page.evaluate(no_sideways_scroll), "the open detail fits too"
    assert page.evaluate("document.querySelector('#search').getBoundingClientRect().right <= window.innerWidth")
    page.screenshot(path=str(tmp_path / "reference-375.png"), full_page=False)


# --- embedded data ------------------------------------------------------------------------


def test_embedded_data_cannot_close_its_script_element() -> None:
    hostile = {"summary": "</script><script>alert(1)</script><!-- & -->"}
    text = str(script_json(hostile))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == hostile


def test_catalog_text_stays_text_in_the_page(mini_catalog: Path, browser: Any, tmp_path: Path) -> None:
    endpoints = mini_catalog / "endpoints" / "contacts.yaml"
    hostile = "Fetch one contact </script><script>window.broken = 1</script> & <b>more</b>"
    text = endpoints.read_text()
    assert "summary: Fetch one contact." in text
    endpoints.write_text(text.replace("summary: Fetch one contact.", "summary: " + json.dumps(hostile)))
    resolved = resolve_catalog(mini_catalog)
    version = resolved.base.api.default_version
    write_tree(tmp_path / version, generate(resolved, [version], targets=["reference"])[version])
    html = (tmp_path / version / "reference.html").read_text()
    data = html[html.index('id="reference-data">') :]
    assert data.index("</script>") > data.index(r"\u003c/script\u003e"), "the data's own text is escaped"
    for opener in opened_pages(browser, tmp_path / version / "reference.html"):
        page = opener()
        assert page.evaluate("window.broken") is None
        retrieve = next(e for e in resolved.versions[version].endpoints if e.summary == hostile)
        page.click(f"#{row_id(retrieve.id)}")
        assert page.inner_text("#detail p") == hostile
        assert page.locator("#detail b").count() == 0
