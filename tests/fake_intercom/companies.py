"""Companies: the shape of a company and the companies.* endpoints."""

from __future__ import annotations

from .paging import numbered_page
from .protocol import BASE_TS, WORKSPACE_ID, Request, Response, bad, copy_keys, json_response
from .store import Record, Store, existing

_UPDATABLE = ("name", "company_id", "size", "website", "industry", "remote_created_at", "monthly_spend")


def add_company(store: Store, i: int) -> Record:
    """Store and return company number `i` (id "co<i>", your company_id "company-<i>")."""
    company_id = f"co{i}"
    created = BASE_TS + 120 * i
    company = {
        "type": "company",
        "id": company_id,
        "name": f"Company {i}",
        "app_id": WORKSPACE_ID,
        "plan": {"type": "plan", "id": f"plan{i % 2 + 1}", "name": "Pro" if i % 2 else "Starter"},
        "company_id": f"company-{i}",
        "remote_created_at": created - 86400,
        "created_at": created,
        "updated_at": created + 10,
        "last_request_at": created + 3600,
        "size": 10 * i,
        "website": f"https://company{i}.example.com",
        "industry": "Software",
        "monthly_spend": 100 * i,
        "session_count": 3 * i,
        "user_count": 0,
        "custom_attributes": {"tier": "gold" if i % 2 else "silver"},
        "tags": {
            "type": "tag.list",
            "tags": [{"type": "tag", "id": "tag2", "name": "Enterprise"}] if i % 2 else [],
        },
        "segments": {
            "type": "segment.list",
            "segments": [
                {
                    "type": "segment",
                    "id": "seg1",
                    "name": "Active",
                    "created_at": BASE_TS,
                    "updated_at": BASE_TS,
                    "person_type": "user",
                    "count": 3,
                }
            ],
        },
    }
    store.companies[company_id] = company
    return company


def _apply(company: Record, body: Record) -> None:
    copy_keys(company, body, _UPDATABLE)
    if "plan" in body:
        company["plan"] = {"type": "plan", "id": f"plan-{body['plan']}", "name": body["plan"]} if body["plan"] else {}
    if isinstance(body.get("custom_attributes"), dict):
        company["custom_attributes"] = {**company["custom_attributes"], **body["custom_attributes"]}


def upsert(store: Store, req: Request) -> Response:
    body = req.obj()
    if not body.get("company_id") and not body.get("name"):
        raise bad("company_id or name is required", "company_id")
    existing_company = next(
        (c for c in store.companies.values() if body.get("company_id") and c["company_id"] == body["company_id"]),
        None,
    )
    if existing_company is not None:
        _apply(existing_company, body)
        existing_company["updated_at"] = store.tick()
        return json_response(existing_company)
    company = add_company(store, store.next_id("company"))
    now = store.tick()
    company.update(
        {
            **dict.fromkeys(("name", "company_id", "website", "industry", "remote_created_at", "last_request_at")),
            "plan": {},
            "size": 0,
            "monthly_spend": 0,
            "session_count": 0,
            "custom_attributes": {},
            "created_at": now,
            "updated_at": now,
            "tags": {"type": "tag.list", "tags": []},
            "segments": {"type": "segment.list", "segments": []},
        }
    )
    _apply(company, body)
    return json_response(company)


def retrieve(store: Store, req: Request) -> Response:
    return json_response(existing(store.companies, req.params["company_id"], "Company"))


def list_(store: Store, req: Request) -> Response:
    items = list(store.companies.values())
    if (req.q("order") or "desc").lower() == "desc":
        items.reverse()
    chunk, pages = numbered_page(req, items, 15)
    return json_response({"type": "list", "data": chunk, "total_count": len(items), "pages": pages})
