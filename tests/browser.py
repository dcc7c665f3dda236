"""A real headless Chromium for the page tests (the reference page, the docs site).

Needs the `playwright` package and a Chromium at /usr/bin/chromium (or $CHROMIUM); it
never downloads a browser. Without one a test skips, except in CI (the CI environment
variable set), where it fails."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any, NoReturn

import pytest

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


def chromium_path() -> str | None:
    candidates = [os.environ.get("CHROMIUM", ""), "/usr/bin/chromium", shutil.which("chromium") or "", shutil.which("chromium-browser") or ""]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


def unavailable(reason: str) -> NoReturn:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the browser tests (see tests/browser.py)")
    pytest.skip(reason)


def launch_chromium() -> Iterator[Any]:
    """A launched browser for a module fixture to yield from."""
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


def offline_context(browser: Any, attempted: list[str], **options: Any) -> Any:
    """A browser context that may read file:// pages only: every other request is
    aborted and recorded in `attempted`, for the test to assert it stays empty."""
    context = browser.new_context(offline=True, **options)

    def block(route: Any) -> None:
        attempted.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith("file://"), block)
    return context
