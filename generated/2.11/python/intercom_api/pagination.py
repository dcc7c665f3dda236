"""Lazy iteration over list and search results, fetching a page only when it is needed."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")
Cursor = str | int | None


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page: its records, the cursor of the next page (None on the last), and the
    whole response model for anything else it carries (total_count, pages)."""

    items: list[T]
    next_cursor: Cursor
    response: Any


def next_cursor(kind: str, response: Any) -> Cursor:
    pages = getattr(response, "pages", None)
    if pages is None:
        return None
    if kind == "page":
        page, total = getattr(pages, "page", None), getattr(pages, "total_pages", None)
        if isinstance(page, int) and isinstance(total, int) and page < total:
            return page + 1
        return None
    following = getattr(pages, "next", None)
    cursor = getattr(following, "starting_after", None)
    return cursor if isinstance(cursor, str) and cursor else None


class SyncPager(Generic[T]):
    """Iterate for every record across all pages; `pages()` for page-level access."""

    def __init__(self, fetch: Callable[[Cursor], Page[T]]) -> None:
        self._fetch = fetch

    def pages(self) -> Iterator[Page[T]]:
        cursor: Cursor = None
        while True:
            page = self._fetch(cursor)
            yield page
            if page.next_cursor is None or page.next_cursor == cursor:
                return
            cursor = page.next_cursor

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page.items


class AsyncPager(Generic[T]):
    """`async for` every record across all pages; `pages()` for page-level access."""

    def __init__(self, fetch: Callable[[Cursor], Awaitable[Page[T]]]) -> None:
        self._fetch = fetch

    async def pages(self) -> AsyncIterator[Page[T]]:
        cursor: Cursor = None
        while True:
            page = await self._fetch(cursor)
            yield page
            if page.next_cursor is None or page.next_cursor == cursor:
                return
            cursor = page.next_cursor

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for item in page.items:
                yield item
