"""A fake Intercom REST API served over real HTTP on 127.0.0.1, for testing generated clients.

Standard library only. Typical use::

    with running(contacts=30) as fake:
        client = make_client(base_url=fake.base_url, token=fake.token)
        ...
        assert fake.requests[-1].raw_path == "/contacts/c1"

What it does, in the order a request meets it (server.py):

1. The request is recorded in ``fake.requests`` (a :class:`Recorded`).
2. A queued fault (``fail_next`` / ``drop_next`` / ``answer_next``, a raw answer / ``delay_next``, a
   late one) is consumed if one matches.
3. ``Authorization: Bearer <token>`` is checked (401 ``unauthorized``).
4. ``Intercom-Version`` must be one of ``versions`` (400 ``intercom_version_invalid``).
5. ``deny_scope`` rules answer 401 ``token_unauthorized``.
6. The route (routes.py) is answered by its group's handler from deterministic, in-memory
   data (store.py, seeded by data.py, which lists the ids).

Every answer carries ``X-Request-Id`` and the ``X-RateLimit-*`` headers; error bodies are
Intercom's ``error.list`` with the same ``request_id``.

A few response shapes follow the requested version: tickets carry a ``ticket_state`` string
plus labels in 2.11 and a ``ticket_state`` object from 2.12; an admin's ``avatar`` is an
object in 2.11 and a URL string from 2.12; ``ai_agent.resolution_state`` uses the 2.15 names
(``escalated``, ``negative_feedback``) from 2.15; conversations carry ``company`` from 2.15.
Endpoints added by a later version (calls and internal articles from 2.14, Fin Voice and
workflow export from 2.15) answer 404 to older versions unless ``gate_versions=False``.
"""

from .protocol import Recorded, Response
from .server import FakeIntercom, running

__all__ = ["FakeIntercom", "Recorded", "Response", "running"]
