"""Fixtures for the generated-client tests.

The clients of the newest version and the one before it are generated once per session,
in process, into a temporary folder. Only the newest package is imported here (as
`intercom_api`); the other has the same module name, so tests use it from a subprocess."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.client.versions import NEWEST, SUPPORTED, VERSIONS
from tests.fake_intercom import FakeIntercom

TOKEN = "test-token"


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output folder holding <version>/python/intercom_api for VERSIONS."""
    from intercom_gen.pipeline import generate, resolve_catalog
    from intercom_gen.write import write_tree

    out = tmp_path_factory.mktemp("generated")
    trees = generate(resolve_catalog(), list(VERSIONS))
    for version, files in trees.items():
        write_tree(out / version, files)
    return out


@pytest.fixture(scope="session")
def every_version(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """{version: the folder holding its intercom_api package}, for every supported version."""
    from intercom_gen.pipeline import generate, resolve_catalog
    from intercom_gen.write import write_tree

    out = tmp_path_factory.mktemp("every-version")
    for version, files in generate(resolve_catalog(), list(SUPPORTED), targets=["python"]).items():
        write_tree(out / version, files)
    return {version: out / version / "python" for version in SUPPORTED}


def package_dir(generated: Path, version: str) -> Path:
    return generated / version / "python" / "intercom_api"


@pytest.fixture(scope="session")
def api(generated: Path) -> Iterator[ModuleType]:
    """The generated package of the newest version, imported as `intercom_api`."""
    python_dir = str(generated / NEWEST / "python")
    for name in [n for n in sys.modules if n == "intercom_api" or n.startswith("intercom_api.")]:
        del sys.modules[name]
    sys.path.insert(0, python_dir)
    import intercom_api

    assert Path(intercom_api.__file__).resolve().is_relative_to(generated.resolve())
    assert intercom_api.API_VERSION == NEWEST
    yield intercom_api
    if python_dir in sys.path:
        sys.path.remove(python_dir)


@pytest.fixture(scope="session")
def models(api: ModuleType) -> ModuleType:
    import intercom_api.models

    return intercom_api.models


@pytest.fixture(scope="session")
def _fake_server() -> Iterator[FakeIntercom]:
    fake = FakeIntercom(token=TOKEN, versions=SUPPORTED)
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture
def fake(_fake_server: FakeIntercom) -> Iterator[FakeIntercom]:
    """A running fake Intercom with fresh data, no recorded requests and no queued faults."""
    _fake_server.reset(data=True)
    yield _fake_server
    errors = list(_fake_server.errors)
    _fake_server.reset()
    assert not errors, "the fake server crashed:\n" + "\n".join(errors)


def client_options(fake: FakeIntercom, overrides: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The token and options of a client aimed at the fake, with fast retries."""
    options: dict[str, Any] = {"base_url": fake.base_url, "retry_backoff": 0.001, "max_rate_limit_wait": 2.0}
    options.update(overrides)
    return options.pop("token", TOKEN), options


@pytest.fixture
def make_client(api: ModuleType, fake: FakeIntercom) -> Iterator[Callable[..., Any]]:
    """Build sync clients against the fake (fast retries); all are closed after the test."""
    made: list[Any] = []

    def make(**kwargs: Any) -> Any:
        token, options = client_options(fake, kwargs)
        client = api.Intercom(token, **options)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def client(make_client: Callable[..., Any]) -> Any:
    return make_client()


@pytest.fixture
def make_async_client(api: ModuleType, fake: FakeIntercom) -> Callable[..., Any]:
    """Build an AsyncIntercom against the fake; create and close it inside the test's event loop
    (`async with make_async_client() as client:`)."""

    def make(**kwargs: Any) -> Any:
        token, options = client_options(fake, kwargs)
        return api.AsyncIntercom(token, **options)

    return make
