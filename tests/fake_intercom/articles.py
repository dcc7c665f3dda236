"""Articles (the Help Center's): the shape of an article and the articles.* endpoints."""

from __future__ import annotations

from .paging import numbered_page
from .protocol import WORKSPACE_ID, Request, Response, bad, copy_keys, json_response, require
from .store import Record, Store, existing

_UPDATABLE = ("title", "description", "body", "author_id", "state", "parent_id", "parent_type", "translated_content")


def add_article(store: Store, i: int, body: Record, created: int) -> Record:
    """Store and return article number `i` (id "art<i>"), its fields from `body`."""
    article_id = f"art{i}"
    article = {
        "type": "article",
        "id": article_id,
        "workspace_id": WORKSPACE_ID,
        "title": "",
        "description": "",
        "body": "",
        "author_id": int(store.admin_ids[0]),
        "state": "draft",
        "created_at": created,
        "updated_at": created,
        "url": None,
        "parent_id": None,
        "parent_ids": [],
        "parent_type": None,
        "default_locale": "en",
        "translated_content": None,
        "tags": {"type": "tag.list", "tags": []},
        "statistics": {
            "type": "article_statistics",
            "views": 10 * i,
            "conversions": i,
            "reactions": 2 * i,
            "happy_reaction_percentage": 50.0,
            "neutral_reaction_percentage": 30.0,
            "sad_reaction_percentage": 20.0,
        },
    }
    _apply(article, body)
    store.articles[article_id] = article
    return article


def _apply(article: Record, body: Record) -> None:
    copy_keys(article, body, _UPDATABLE)
    if article["parent_id"] is not None:
        try:
            article["parent_id"] = int(article["parent_id"])
        except (TypeError, ValueError):
            raise bad("parent_id must be an integer", "parent_id") from None
        article["parent_ids"] = [article["parent_id"]]
    slug = "-".join(str(article["title"]).lower().split())[:60]
    article["url"] = (
        f"https://help.example.com/en/articles/{article['id']}-{slug}" if article["state"] == "published" else None
    )


def _check_state(state: object) -> None:
    if state not in ("published", "draft"):
        raise bad("state must be published or draft", "state")


def _article(store: Store, req: Request) -> Record:
    return existing(store.articles, req.params["article_id"], "Article")


def create(store: Store, req: Request) -> Response:
    body = req.obj()
    require(body, "title")
    if body.get("author_id") is None:
        raise bad("author_id is required", "author_id")
    if str(body["author_id"]) not in store.admins:
        raise bad("author_id must be the id of an admin", "author_id")
    _check_state(body.get("state", "draft"))
    return json_response(add_article(store, store.next_id("article"), body, store.tick()))


def retrieve(store: Store, req: Request) -> Response:
    return json_response(_article(store, req))


def update(store: Store, req: Request) -> Response:
    article = _article(store, req)
    body = req.obj()
    _check_state(body.get("state", article["state"]))
    _apply(article, body)
    article["updated_at"] = store.tick()
    return json_response(article)


def list_(store: Store, req: Request) -> Response:
    items = sorted(store.articles.values(), key=lambda a: a["updated_at"], reverse=True)
    chunk, pages = numbered_page(req, items, 15)
    data = [{k: v for k, v in a.items() if k != "statistics"} for a in chunk]
    return json_response({"type": "list", "pages": pages, "total_count": len(items), "data": data})
