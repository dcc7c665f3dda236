"""Calls (2.14): the shape of a phone call and the calls.* endpoints, recordings and transcripts included."""

from __future__ import annotations

from .paging import numbered_page
from .protocol import BASE_TS, Request, Response, bad, json_response
from .store import Record, Store, existing


def make_call(store: Store, i: int) -> Record:
    """Call number `i` (id "call<i>"), in conversation "conv<i>" with contact "c<i>" where those exist."""
    call_id = f"call{i}"
    created = BASE_TS + 900 * i
    return {
        "type": "call",
        "id": call_id,
        "conversation_id": f"conv{i}" if i <= store.sizes["conversations"] else None,
        "admin_id": store.admin_ids[(i - 1) % len(store.admin_ids)],
        "contact_id": f"c{i}" if i <= store.sizes["contacts"] else None,
        "state": "completed",
        "initiated_at": created,
        "answered_at": created + 3,
        "ended_at": created + 93,
        "created_at": created,
        "updated_at": created + 94,
        "recording_url": f"/calls/{call_id}/recording",
        "transcription_url": f"/calls/{call_id}/transcript",
        "call_type": "phone",
        "direction": "inbound" if i % 2 else "outbound",
        "ended_reason": "completed",
        "phone": f"+1555010{i:04d}",
        "fin_recording_url": None,
        "fin_transcription_url": None,
    }


def _call(store: Store, req: Request) -> Record:
    return existing(store.calls, req.params["call_id"], "Call")


def _transcript(call: Record) -> list[Record]:
    return [
        {"speaker": "admin", "text": "Thanks for calling, how can I help?", "timestamp": call["answered_at"]},
        {"speaker": "contact", "text": "I have a question about my order.", "timestamp": call["answered_at"] + 5},
    ]


def list_(store: Store, req: Request) -> Response:
    items = list(store.calls.values())
    chunk, pages = numbered_page(req, items, 25)
    return json_response({"type": "list", "data": chunk, "total_count": len(items), "pages": pages})


def retrieve(store: Store, req: Request) -> Response:
    return json_response(_call(store, req))


def recording(store: Store, req: Request) -> Response:
    call = _call(store, req)
    location = f"https://recordings.example.com/{call['id']}.mp3?signature=fake&expires={BASE_TS + 3600}"
    return Response(302, b"", headers={"Location": location}, content_type=None)


def transcript(store: Store, req: Request) -> Response:
    lines = [f"{line['speaker'].title()}: {line['text']}\n" for line in _transcript(_call(store, req))]
    return Response(200, "".join(lines).encode("utf-8"), content_type="text/plain; charset=utf-8")


def search(store: Store, req: Request) -> Response:
    wanted = req.obj().get("conversation_ids")
    if not isinstance(wanted, list) or not wanted:
        raise bad("conversation_ids is required", "conversation_ids")
    conversation_ids = [str(w) for w in wanted]
    keys = ("type", "id", "conversation_id", "admin_id", "contact_id", "state", "created_at")
    data = [
        {**{k: c[k] for k in keys}, "transcript": _transcript(c), "transcript_status": "completed"}
        for c in store.calls.values()
        if c["conversation_id"] in conversation_ids
    ]
    return json_response({"type": "list", "data": data})
