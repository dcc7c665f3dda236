"""Fin Voice (2.15): phone calls handled by Fin, registered and then collected by one of four keys."""

from __future__ import annotations

from .protocol import Request, Response, json_response, not_found, require
from .store import Handler, Record, Store


def make_record(n: int, phone_number: str, external_call_id: str) -> Record:
    """A just-registered Fin Voice call (integer id `n`); what became of it is filled in later."""
    return {
        "id": n,
        "app_id": 12345,
        "user_phone_number": phone_number,
        "status": "registered",
        "intercom_call_id": None,
        "external_call_id": external_call_id,
        "intercom_conversation_id": None,
        "call_transcript": [],
        "call_summary": None,
        "intent": [],
    }


def register(store: Store, req: Request) -> Response:
    body = req.obj()
    phone_number = require(body, "phone_number")
    call_id = require(body, "call_id")
    n = store.next_id("fin_voice")
    record = store.fin_voice_calls[n] = make_record(n, phone_number, str(call_id))
    return json_response(record)


def _collect_by(key: str, param: str) -> Handler:
    """The handler answering the first call whose `key` is the path parameter `param`."""

    def collect(store: Store, req: Request) -> Response:
        value = req.params[param]
        for record in store.fin_voice_calls.values():
            if str(record[key]) == value:
                return json_response(record)
        raise not_found("Call")

    return collect


collect = _collect_by("id", "id")
collect_by_external_id = _collect_by("external_call_id", "external_id")
collect_by_phone_number = _collect_by("user_phone_number", "phone_number")


def collect_by_conversation(store: Store, req: Request) -> Response:
    """Every call of a conversation, as a JSON array (as Intercom's 2.15 description answers)."""
    value = req.params["conversation_id"]
    return json_response([r for r in store.fin_voice_calls.values() if str(r["intercom_conversation_id"]) == value])
