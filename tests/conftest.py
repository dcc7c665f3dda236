from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINI_CATALOG = ROOT / "tests" / "fixtures" / "mini"
REFERENCE = ROOT.parent / "shared" / "reference" / "intercom-openapi"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="Rewrite the expected files of tests/cases and tests/golden from the current output.",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def mini_catalog(tmp_path: Path) -> Path:
    """A private copy of the small fixture catalog, safe to edit."""
    target = tmp_path / "catalog"
    shutil.copytree(MINI_CATALOG, target)
    return target


@pytest.fixture
def reference() -> Path:
    if not REFERENCE.is_dir():
        pytest.skip(f"Intercom's OpenAPI descriptions are not at {REFERENCE} (they live in ../shared/reference beside a development checkout)")
    return REFERENCE
