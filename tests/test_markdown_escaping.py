"""Catalog text in the Markdown outputs stays text: no raw HTML, link, code span or
broken table row from a summary or a permission note."""

from __future__ import annotations

import json
from pathlib import Path

from intercom_gen.markdown import markdown_text
from intercom_gen.pipeline import generate, resolve_catalog

HOSTILE = "A | b <script>alert(1)</script> [x](javascript:y) `code` & \\ end\nsecond line"


def test_markdown_text_escapes_markup_and_keeps_one_line() -> None:
    escaped = markdown_text(HOSTILE)
    assert "\n" not in escaped and "<script>" not in escaped and "&lt;script&gt;" in escaped
    assert "\\|" in escaped and "\\[x\\]" in escaped and "\\`code\\`" in escaped and "&amp;" in escaped


def test_a_hostile_summary_reaches_the_docs_and_tables_as_text(mini_catalog: Path) -> None:
    endpoints = mini_catalog / "endpoints" / "contacts.yaml"
    text = endpoints.read_text().replace("summary: Fetch one contact.", "summary: " + json.dumps(HOSTILE), 1)
    endpoints.write_text(text)
    resolved = resolve_catalog(mini_catalog)
    newest = resolved.supported[-1]
    files = generate(resolved, [newest], targets=["docs", "tables"])[newest]
    page = files["docs/groups/contacts.md"]
    assert markdown_text(HOSTILE) in page
    assert "<script>" not in page and "[x](javascript:" not in page.replace("\\[x\\]", "")
    for name, content in files.items():
        if not name.endswith(".md"):
            continue
        # Every row of a table has its header's number of cells: no pipe of the text ends one.
        widths: list[int] = []
        for line in [*content.splitlines(), ""]:
            if line.startswith("|"):
                widths.append(line.replace("\\|", "").count("|"))
            elif widths:
                assert len(set(widths)) == 1, (name, widths)
                widths = []
