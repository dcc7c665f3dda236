"""Admins: the shape of an admin and the admins.* endpoints (list, me, set away)."""

from __future__ import annotations

from .protocol import BASE_TS, WORKSPACE_ID, Request, Response, bad, copy_keys, json_response, public, version_key
from .store import Record, Store, existing


def make_admin(i: int) -> Record:
    """Admin number `i`: id "100<i>" (numeric, because other objects refer to admins with integers)."""
    admin_id = str(1000 + i)
    return {
        "type": "admin",
        "id": admin_id,
        "name": f"Admin {i}",
        "email": f"admin{i}@example.com",
        "job_title": "Support Engineer" if i > 1 else "Head of Support",
        "away_mode_enabled": False,
        "away_mode_reassign": False,
        "has_inbox_seat": True,
        "team_ids": [5000 + i],
        "away_status_reason_id": None,
        "team_priority_level": {"primary_team_ids": [5000 + i], "secondary_team_ids": []},
        "_avatar_url": f"https://static.intercomassets.com/avatars/admins/{admin_id}.png",
    }


def render(admin: Record, version: str, *, avatar: bool = True) -> Record:
    """A stored admin as `version` answers it: the avatar an object before 2.12, a URL from 2.12."""
    out = public(admin)
    v = version_key(version)
    if v < (2, 14):
        out.pop("away_status_reason_id", None)
    if avatar:
        out["avatar"] = {"image_url": admin["_avatar_url"]} if v < (2, 12) else admin["_avatar_url"]
    return out


def list_(store: Store, req: Request) -> Response:
    avatar = (req.q("display_avatar") or "").lower() == "true"
    admins = [render(a, req.version, avatar=avatar) for a in store.admins.values()]
    return json_response({"type": "admin.list", "admins": admins})


def me(store: Store, req: Request) -> Response:
    admin = store.admins[store.admin_ids[0]]
    out = {k: v for k, v in public(admin).items() if k not in ("team_priority_level", "away_status_reason_id")}
    out["avatar"] = {"type": "avatar", "image_url": admin["_avatar_url"]}
    out["email_verified"] = True
    out["app"] = {
        "type": "app",
        "id_code": WORKSPACE_ID,
        "name": "Fake App",
        "region": "US",
        "timezone": "Europe/Dublin",
        "created_at": BASE_TS - 86400 * 365,
        "identity_verification": False,
    }
    return json_response(out)


def set_away(store: Store, req: Request) -> Response:
    admin = existing(store.admins, req.params["admin_id"], "Admin")
    body = req.obj()
    for key in ("away_mode_enabled", "away_mode_reassign"):
        if not isinstance(body.get(key), bool):
            raise bad(f"{key} is required (true or false)", key)
    copy_keys(admin, body, ("away_mode_enabled", "away_mode_reassign", "away_status_reason_id"))
    return json_response(render(admin, req.version))
