"""Messages: messages.create, which starts a conversation from an admin (or, before 2.12, a contact)."""

from __future__ import annotations

from .conversations import start_conversation
from .protocol import Request, Response, bad, json_response
from .store import Store


def create(store: Store, req: Request) -> Response:
    body = req.obj()
    message_type = body.get("message_type")
    if message_type not in ("in_app", "email"):
        raise bad("message_type must be in_app or email", "message_type")
    if not body.get("body") and not (message_type == "email" and body.get("template")):
        raise bad("body is required", "body")
    if message_type == "email" and not body.get("subject"):
        raise bad("subject is required for email messages", "subject")
    sender = body.get("from")
    allowed_from = ("admin",) if req.since("2.12") else ("admin", "user", "lead", "contact")
    if not isinstance(sender, dict) or sender.get("type") not in allowed_from:
        raise bad(f"from.type must be one of {', '.join(allowed_from)}", "from")
    to = body.get("to")
    recipients = to if isinstance(to, list) else [to]
    if not recipients or not all(isinstance(r, dict) and r.get("id") for r in recipients):
        raise bad("to is required", "to")
    contact = store.contact(str(recipients[0]["id"]))
    from_admin = sender["type"] == "admin"
    author = store.admin_author(sender.get("id")) if from_admin else store.author("user", str(sender.get("id")))
    delivered_as = "admin_initiated" if from_admin else "customer_initiated"
    conv_id, created = start_conversation(store, body, contact["id"], body.get("body") or "", author, delivered_as)
    return json_response(
        {
            "type": "admin_message" if from_admin else "user_message",
            "id": store.long_id("message"),
            "created_at": created,
            "subject": body.get("subject") or "",
            "body": body.get("body") or "",
            "message_type": "inapp" if message_type == "in_app" else "email",
            "conversation_id": conv_id,
        }
    )
