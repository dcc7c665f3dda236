"""The API versions the client tests use, read from the catalog, never named: the newest
(whose package is imported as `intercom_api`), the one before it (used from subprocesses)
and the oldest (for per-call version overrides)."""

from __future__ import annotations

from intercom_gen.pipeline import resolve_catalog

RESOLVED = resolve_catalog()
SUPPORTED = RESOLVED.supported
NEWEST = SUPPORTED[-1]
PREVIOUS = SUPPORTED[-2]
OLDEST = SUPPORTED[0]
VERSIONS = (PREVIOUS, NEWEST)
